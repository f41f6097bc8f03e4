import type { Updateable } from "kysely";
import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import type { PersonasTable } from "../db/schema.js";
import { AppError, type FieldError, isAppError } from "../errors.js";
import { uuidv7 } from "../ids.js";
import { deriveKey, isUniqueViolation } from "../keys.js";
import { newPersonaDefaults, personaColumns } from "./persona-fields.js";
import type { PersonaRow } from "./persona-row.js";
import type { TPersonaImport } from "./personas.schema.js";

/**
 * Upserts personas by key (derived from the name when missing), all or nothing: every item is
 * checked first, errors point at `/body/<index>/<field>`, and only real differences are written.
 */
export async function importPersonas(
  ctx: WorkspaceContext,
  items: TPersonaImport,
  options: { dryRun?: boolean } = {},
): Promise<{ dryRun: boolean; created: number; updated: number; unchanged: number }> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  const planned: { key: string; name: string; set: Updateable<PersonasTable> }[] = [];
  for (const [i, item] of items.entries()) {
    const key = item.key ?? deriveKey(item.name, "persona");
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        pointer: `/body/${i}/key`,
        code: "duplicate_key",
        message: `"${key}" is also item ${first}`,
      });
      continue;
    }
    seen.set(key, i);
    try {
      planned.push({ key, name: item.name, set: { ...personaColumns(item, `/body/${i}`), key } });
    } catch (e) {
      if (!isAppError(e)) throw e;
      errors.push(...e.errors);
    }
  }
  if (errors.length > 0)
    throw new AppError("validation_failed", `${errors.length} error(s) in the import; nothing was imported`, {
      errors: errors.slice(0, 200),
    });

  const existing = new Map(
    (await db.selectFrom("personas").selectAll().where("workspace_id", "=", workspaceId).execute()).map(
      (r) => [r.key, r],
    ),
  );
  const now = new Date();
  const creates = planned.filter((p) => !existing.has(p.key));
  const updates = planned.flatMap((p) => {
    const current = existing.get(p.key);
    const diff = current ? differences(p.set, current) : undefined;
    return current && diff ? [{ id: current.id, set: { ...diff, updated_at: now } }] : [];
  });
  const result = {
    dryRun: options.dryRun ?? false,
    created: creates.length,
    updated: updates.length,
    unchanged: planned.length - creates.length - updates.length,
  };
  if (options.dryRun) return result;
  try {
    await db.transaction().execute(async (tx) => {
      for (const p of creates)
        await tx
          .insertInto("personas")
          .values({
            ...newPersonaDefaults(p.name),
            ...p.set,
            id: uuidv7(),
            workspace_id: workspaceId,
            key: p.key,
            name: p.name,
            created_at: now,
            updated_at: now,
          })
          .execute();
      for (const u of updates)
        await tx
          .updateTable("personas")
          .set(u.set)
          .where("workspace_id", "=", workspaceId)
          .where("id", "=", u.id)
          .execute();
      await recordAudit(tx, {
        workspaceId,
        actor: access.actor,
        action: "persona.import",
        targetType: "persona",
        targetId: null,
        outcome: "success",
        details: result,
        requestId: ctx.requestId,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError("conflict", "Personas were created concurrently with the same keys; import again");
    throw e;
  }
  return result;
}

const JSON_COLUMNS = new Set(["goals", "needs", "frustrations", "channels"]);

/** The columns whose value differs from the stored row, or undefined when none does. */
function differences(set: Updateable<PersonasTable>, row: PersonaRow): Updateable<PersonasTable> | undefined {
  const diff: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(set)) {
    const current = (row as unknown as Record<string, unknown>)[column];
    const same = JSON_COLUMNS.has(column) ? value === JSON.stringify(current) : value === current;
    if (!same) diff[column] = value;
  }
  return Object.keys(diff).length > 0 ? (diff as Updateable<PersonasTable>) : undefined;
}
