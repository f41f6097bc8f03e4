import { sql } from "kysely";
import type { Db } from "../db/connect.js";
import { uuidv7 } from "../ids.js";

/** Key-order-independent JSON text, so `{a,b}` and jsonb's re-ordered `{b,a}` compare equal. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
}

/**
 * Applies an identify's traits as of `at`: a trait changes only when this call is newer than the
 * trait's latest change (ties broken by message id) and the value differs, so an older identify
 * arriving late never overwrites a newer value and a replay changes nothing. Each change is a
 * `customer_trait_changes` row; `customers.traits` holds the latest value per trait.
 */
export async function applyTraits(
  tx: Db,
  workspaceId: string,
  customerId: string,
  traits: Record<string, unknown>,
  at: Date,
  messageId: string,
): Promise<number> {
  const names = Object.keys(traits);
  if (names.length === 0) return 0;
  const latest = await tx
    .selectFrom("customer_trait_changes")
    .select(["trait", "value", "changed_at", "message_id"])
    .distinctOn("trait")
    .where("customer_id", "=", customerId)
    .where("trait", "in", names)
    .orderBy("trait")
    .orderBy("changed_at", "desc")
    .orderBy("message_id", "desc")
    .orderBy("id", "desc")
    .execute();
  const patch: Record<string, unknown> = Object.create(null);
  for (const name of names) {
    const value = traits[name] ?? null;
    const prev = latest.find((l) => l.trait === name);
    if (prev) {
      const t = prev.changed_at.getTime();
      const newer = at.getTime() > t || (at.getTime() === t && messageId > (prev.message_id ?? ""));
      if (!newer || stableJson(prev.value) === stableJson(value)) continue;
    }
    patch[name] = value;
  }
  const changed = Object.keys(patch);
  if (changed.length === 0) return 0;
  await tx
    .insertInto("customer_trait_changes")
    .values(
      changed.map((trait) => ({
        id: uuidv7(),
        workspace_id: workspaceId,
        customer_id: customerId,
        trait,
        value: JSON.stringify(patch[trait]),
        changed_at: at,
        message_id: messageId,
      })),
    )
    .execute();
  await tx
    .updateTable("customers")
    .set({
      traits: sql`traits || ${JSON.stringify(patch)}::jsonb`,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where("id", "=", customerId)
    .execute();
  return changed.length;
}
