import type { WorkspaceContext } from "../context.js";
import { kpiQuery, toKpi } from "./kpi-row.js";
import type { TKpi } from "./kpis.schema.js";

/** The workspace's KPI catalogue: performance KPIs first, then brand KPIs, each by key. */
export async function listKpis(
  ctx: WorkspaceContext,
  filter: { journeyId?: string | undefined; ids?: string[] | undefined } = {},
): Promise<TKpi[]> {
  let q = kpiQuery(ctx.db, ctx.access.workspaceId);
  if (filter.journeyId) q = q.where("k.journey_id", "=", filter.journeyId);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    q = q.where("k.id", "in", filter.ids);
  }
  return (await q.execute()).map(toKpi);
}
