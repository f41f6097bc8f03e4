import type { WorkspaceContext } from "../context.js";
import { getKpi } from "./kpi-row.js";

/** Removes a KPI from the catalogue (another workspace's id answers 404). */
export async function deleteKpi(ctx: WorkspaceContext, id: string): Promise<void> {
  await getKpi(ctx, id);
  await ctx.db
    .deleteFrom("kpis")
    .where("workspace_id", "=", ctx.access.workspaceId)
    .where("id", "=", id)
    .execute();
}
