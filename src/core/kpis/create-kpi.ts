import type { WorkspaceContext } from "../context.js";
import { AppError } from "../errors.js";
import { uuidv7 } from "../ids.js";
import { checkReferences, getKpi } from "./kpi-row.js";
import type { TCreateKpi, TKpi } from "./kpis.schema.js";

/** Adds a KPI to the workspace's catalogue; its key is unique in the workspace (409 otherwise). */
export async function createKpi(ctx: WorkspaceContext, input: TCreateKpi): Promise<TKpi> {
  const workspaceId = ctx.access.workspaceId;
  await checkReferences(ctx, input);
  const taken = await ctx.db
    .selectFrom("kpis")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("key", "=", input.key)
    .executeTakeFirst();
  if (taken)
    throw new AppError("conflict", `a KPI with key ${input.key} exists`, {
      errors: [{ pointer: "/body/key", code: "taken", message: "this key is taken in the workspace" }],
    });
  const id = uuidv7();
  await ctx.db
    .insertInto("kpis")
    .values({
      id,
      workspace_id: workspaceId,
      key: input.key,
      kind: input.kind,
      name: input.name,
      definition: input.definition,
      measure: JSON.stringify(input.measure),
      journey_id: input.journeyId,
      unit: input.unit,
      direction: input.direction,
      target: input.target,
      owner_user_id: input.ownerUserId,
    })
    .execute();
  return getKpi(ctx, id);
}
