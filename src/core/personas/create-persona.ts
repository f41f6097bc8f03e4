import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { AppError } from "../errors.js";
import { uuidv7 } from "../ids.js";
import { deriveKey, isUniqueViolation, uniqueKey } from "../keys.js";
import { newPersonaDefaults, personaColumns } from "./persona-fields.js";
import { findPersonaRow, toPersona } from "./persona-row.js";
import type { TCreatePersona, TPersona } from "./personas.schema.js";

export const personaKeyTaken = (key: string, pointer = "/body/key") =>
  new AppError("conflict", `A persona with the key "${key}" exists`, {
    errors: [{ pointer, code: "taken", message: "choose another key" }],
  });

/** Creates a persona; the key is derived from the name when omitted (suffixed when taken). */
export async function createPersona(ctx: WorkspaceContext, input: TCreatePersona): Promise<TPersona> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  const columns = personaColumns(input, "/body");
  const id = uuidv7();
  const now = new Date();
  try {
    await db.transaction().execute(async (tx) => {
      const key =
        input.key ?? (await uniqueKey(tx, "personas", workspaceId, deriveKey(input.name, "persona")));
      await tx
        .insertInto("personas")
        .values({
          ...newPersonaDefaults(input.name),
          ...columns,
          id,
          workspace_id: workspaceId,
          key,
          name: input.name,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await recordAudit(tx, {
        workspaceId,
        actor: access.actor,
        action: "persona.create",
        targetType: "persona",
        targetId: id,
        outcome: "success",
        details: { key, name: input.name },
        requestId: ctx.requestId,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw personaKeyTaken(input.key ?? deriveKey(input.name, "persona"));
    throw e;
  }
  return toPersona(await findPersonaRow(db, workspaceId, id));
}
