import type { Db } from "../db/connect.js";
import type { FactsStore } from "../facts/client.js";
import { comparePeriods, trendOf } from "../kpis/kpi-periods.js";
import { listKpis } from "../kpis/list-kpis.js";
import { kpiMeasurer } from "../kpis/measure-kpi.js";
import { SCOPES } from "../permissions/index.js";
import type { TDigest } from "./notifications.schema.js";

/** Days of each window compared: daily KPI values are too noisy to call a trend. */
export const KPI_WINDOW_DAYS = 7;

export type KpiTrends = (workspaceId: string, to: Date) => Promise<TDigest["kpis"]>;

/**
 * The catalogue KPIs that got worse in the KPI's own direction: the last 7 days before `to` against
 * the 7 before (docs/api/measure-the-gap.md §3). Runs outside any system-of-record transaction.
 */
export function kpiTrends(db: Db, facts: FactsStore): KpiTrends {
  return async (workspaceId, to) => {
    const ctx = {
      db,
      facts,
      access: { workspaceId, actor: { kind: "system" as const }, scopes: SCOPES, role: undefined },
    };
    const kpis = await listKpis(ctx);
    if (kpis.length === 0) return [];
    const { current, previous } = comparePeriods(to, KPI_WINDOW_DAYS);
    const measure = kpiMeasurer(ctx, to);
    const worse: TDigest["kpis"] = [];
    for (const kpi of kpis) {
      const [c, p] = await Promise.all([measure(kpi, current), measure(kpi, previous)]);
      const { change, trend } = trendOf(kpi.direction, c.value, p.value);
      if (trend === "worsening" && c.value !== null && p.value !== null && change !== null)
        worse.push({
          id: kpi.id,
          name: kpi.name,
          unit: kpi.unit,
          current: c.value,
          previous: p.value,
          change,
        });
    }
    return worse;
  };
}
