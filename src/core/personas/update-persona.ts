import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { isUniqueViolation } from "../keys.js";
import { personaKeyTaken } from "./create-persona.js";
import { personaColumns } from "./persona-fields.js";
import { findPersonaRow, toPersona } from "./persona-row.js";
import type { TPersona, TUpdatePersona } from "./personas.schema.js";

/** PATCH semantics. The avatar colour stays when the name changes: people recognise it. */
export async function updatePersona(
  ctx: WorkspaceContext,
  id: string,
  input: TUpdatePersona,
): Promise<TPersona> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  await findPersonaRow(db, workspaceId, id);
  const set = { ...personaColumns(input, "/body"), updated_at: new Date() };
  try {
    await db.transaction().execute(async (tx) => {
      await tx
        .updateTable("personas")
        .set(set)
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", id)
        .execute();
      await recordAudit(tx, {
        workspaceId,
        actor: access.actor,
        action: "persona.update",
        targetType: "persona",
        targetId: id,
        outcome: "success",
        details: { fields: Object.keys(input).filter((k) => input[k as keyof TUpdatePersona] !== undefined) },
        requestId: ctx.requestId,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e) && input.key !== undefined) throw personaKeyTaken(input.key);
    throw e;
  }
  return toPersona(await findPersonaRow(db, workspaceId, id));
}
