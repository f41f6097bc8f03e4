import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { notFound } from "../errors.js";
import { isUuid } from "../ids.js";

/** Deletes a journey with its revisions (cascade). */
export async function deleteJourney(ctx: WorkspaceContext, journeyId: string): Promise<void> {
  if (!isUuid(journeyId)) throw notFound("Journey");
  const { access } = ctx;
  await ctx.db.transaction().execute(async (tx) => {
    const row = await tx
      .deleteFrom("journeys")
      .where("id", "=", journeyId)
      .where("workspace_id", "=", access.workspaceId)
      .returning(["title", "version"])
      .executeTakeFirst();
    if (!row) throw notFound("Journey");
    await recordAudit(tx, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "journey.delete",
      targetType: "journey",
      targetId: journeyId,
      outcome: "success",
      details: { title: row.title, version: row.version },
      requestId: ctx.requestId,
    });
  });
}
