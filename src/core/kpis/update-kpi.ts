import type { WorkspaceContext } from "../context.js";
import { checkReferences, getKpi } from "./kpi-row.js";
import type { TKpi, TUpdateKpi } from "./kpis.schema.js";

/** Changes a KPI's name, definition, unit, direction, target or owner; key, kind and measure stay. */
export async function updateKpi(ctx: WorkspaceContext, id: string, input: TUpdateKpi): Promise<TKpi> {
  await getKpi(ctx, id);
  await checkReferences(ctx, { ownerUserId: input.ownerUserId });
  await ctx.db
    .updateTable("kpis")
    .set({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.definition !== undefined && { definition: input.definition }),
      ...(input.unit !== undefined && { unit: input.unit }),
      ...(input.direction !== undefined && { direction: input.direction }),
      ...(input.target !== undefined && { target: input.target }),
      ...(input.ownerUserId !== undefined && { owner_user_id: input.ownerUserId }),
      updated_at: new Date(),
    })
    .where("workspace_id", "=", ctx.access.workspaceId)
    .where("id", "=", id)
    .execute();
  return getKpi(ctx, id);
}
