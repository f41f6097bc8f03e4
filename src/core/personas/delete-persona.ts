import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { findPersonaRow } from "./persona-row.js";

/**
 * Deletes a persona. Journeys that reference it keep working with no persona: the column's
 * foreign key sets it to null, and journey documents treat an unknown personaId as none.
 */
export async function deletePersona(ctx: WorkspaceContext, id: string): Promise<void> {
  const { db, access } = ctx;
  const row = await findPersonaRow(db, access.workspaceId, id);
  await db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom("personas")
      .where("workspace_id", "=", access.workspaceId)
      .where("id", "=", id)
      .execute();
    await recordAudit(tx, {
      workspaceId: access.workspaceId,
      actor: access.actor,
      action: "persona.delete",
      targetType: "persona",
      targetId: id,
      outcome: "success",
      details: { key: row.key, name: row.name },
      requestId: ctx.requestId,
    });
  });
}
