import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import type { TSurveyPreferences } from "./surveys.schema.js";

/** Saves the workspace's survey settings (the contact fatigue rule). */
export async function updateSurveySettings(
  ctx: WorkspaceContext,
  input: TSurveyPreferences,
): Promise<TSurveyPreferences> {
  const { db, access } = ctx;
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("survey_settings")
      .values({ workspace_id: access.workspaceId, fatigue_days: input.fatigueDays, updated_at: new Date() })
      .onConflict((oc) =>
        oc.column("workspace_id").doUpdateSet({ fatigue_days: input.fatigueDays, updated_at: new Date() }),
      )
      .execute();
    await recordAudit(tx, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "survey.settings.update",
      targetType: "survey_settings",
      targetId: access.workspaceId,
      outcome: "success",
      details: { fatigueDays: input.fatigueDays },
      requestId: ctx.requestId,
    });
  });
  return { fatigueDays: input.fatigueDays };
}
