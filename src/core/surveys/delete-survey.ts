import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { requireSurvey } from "./survey-row.js";

/**
 * Deletes a survey with its links, triggers and invitations. Its responses stay in the inbox: the
 * foreign key sets their survey_id to null, and they keep their answers, ratings and text.
 */
export async function deleteSurvey(ctx: WorkspaceContext, id: string): Promise<void> {
  const { db, access } = ctx;
  const row = await requireSurvey(db, access.workspaceId, id);
  await db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom("surveys")
      .where("workspace_id", "=", access.workspaceId)
      .where("id", "=", id)
      .execute();
    await recordAudit(tx, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "survey.delete",
      targetType: "survey",
      targetId: id,
      outcome: "success",
      details: { name: row.name },
      requestId: ctx.requestId,
    });
  });
}
