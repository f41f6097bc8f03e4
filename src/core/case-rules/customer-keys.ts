import { emailId } from "../customers/distinct-ids.js";
import type { Db } from "../db/connect.js";

/** The distinct ids a feedback record's customer id may stand for, most specific first. */
function candidates(customerId: string): string[] {
  if (customerId.startsWith("email:")) return [emailId(customerId.slice(6))];
  return [`user:${customerId}`, `anon:${customerId}`];
}

/**
 * Feedback customer ids (a user id, `email:<address>`, an anonymous id) as the customer keys events
 * use: the stitched customer's id, else the unstitched unit (`user:<id>`), so a feedback signal and an
 * event signal of one person meet in one case.
 */
export async function customerKeysOf(
  db: Db,
  workspaceId: string,
  customerIds: readonly string[],
): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  const wanted = [...new Set(customerIds)];
  const all = wanted.flatMap(candidates);
  const stitched = new Map<string, string>();
  for (let i = 0; i < all.length; i += 500) {
    const rows = await db
      .selectFrom("customer_identities")
      .select(["distinct_id", "customer_id"])
      .where("workspace_id", "=", workspaceId)
      .where("distinct_id", "in", all.slice(i, i + 500))
      .execute();
    for (const r of rows) stitched.set(r.distinct_id, r.customer_id);
  }
  for (const id of wanted) {
    const ids = candidates(id);
    const hit = ids.map((d) => stitched.get(d)).find((c) => c !== undefined);
    keys.set(id, hit ?? (ids[0] as string));
  }
  return keys;
}
