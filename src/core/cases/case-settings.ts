import type { WorkspaceContext } from "../context.js";
import type { TCaseSettings, TUpdateCaseSettings } from "./cases.schema.js";
import { requireRef } from "./refs.js";
import { getCaseSettings } from "./sla.js";

export const readCaseSettings = (ctx: WorkspaceContext) => getCaseSettings(ctx.db, ctx.access.workspaceId);

/** PATCH /case-settings: SLA minutes per priority apply to cases opened (or re-prioritised) later. */
export async function updateCaseSettings(
  ctx: WorkspaceContext,
  input: TUpdateCaseSettings,
): Promise<TCaseSettings> {
  const ws = ctx.access.workspaceId;
  if (input.followUpTriggerId)
    await requireRef(ctx.db, ws, "survey_triggers", input.followUpTriggerId, "/body/followUpTriggerId");
  const cur = await getCaseSettings(ctx.db, ws);
  const next: TCaseSettings = {
    slaMinutes: { ...cur.slaMinutes, ...(input.slaMinutes ?? {}) },
    staleMinutes: input.staleMinutes === undefined ? cur.staleMinutes : input.staleMinutes,
    followUpTriggerId:
      input.followUpTriggerId === undefined ? cur.followUpTriggerId : input.followUpTriggerId,
  };
  const values = {
    sla_minutes: JSON.stringify(next.slaMinutes),
    stale_minutes: next.staleMinutes,
    follow_up_trigger_id: next.followUpTriggerId,
    updated_at: new Date(),
  };
  await ctx.db
    .insertInto("case_settings")
    .values({ workspace_id: ws, ...values })
    .onConflict((oc) => oc.column("workspace_id").doUpdateSet(values))
    .execute();
  return next;
}
