import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { findTriggerRow } from "./trigger-row.js";

/** Deletes a trigger; its invitations stay listed (without the trigger) and unsent ones are not sent. */
export async function deleteTrigger(ctx: WorkspaceContext, id: string): Promise<void> {
  const { db, access } = ctx;
  const row = await findTriggerRow(db, access.workspaceId, id);
  await db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom("survey_triggers")
      .where("workspace_id", "=", access.workspaceId)
      .where("id", "=", id)
      .execute();
    await recordAudit(tx, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "survey.trigger.delete",
      targetType: "survey_trigger",
      targetId: id,
      outcome: "success",
      details: { surveyId: row.survey_id, name: row.name },
      requestId: ctx.requestId,
    });
  });
}
