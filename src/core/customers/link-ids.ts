import { sql } from "kysely";
import type { Db } from "../db/connect.js";
import { uuidv7 } from "../ids.js";
import type { Seen } from "./resolve-customer.js";

const CHUNK = 1000;
const chunks = <T>(items: readonly T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * The `ids` part of a message in bulk (a few statements instead of several per entry): the same rule
 * as `resolveCustomer` without a merge — an entry's ids join the customer of its first known id, or
 * a new customer — and seen ranges only widen. Runs under the workspace's identity lock. Returns
 * the customers touched, and those whose identities changed (created, or given an id).
 */
export async function linkIds(
  tx: Db,
  workspaceId: string,
  entries: readonly { ids: string[]; seen: Seen }[],
): Promise<{ touched: Set<string>; identitiesChanged: Set<string> }> {
  const owner = new Map<string, string>();
  for (const part of chunks([...new Set(entries.flatMap((e) => e.ids))])) {
    const rows = await tx
      .selectFrom("customer_identities")
      .select(["distinct_id", "customer_id"])
      .where("workspace_id", "=", workspaceId)
      .where("distinct_id", "in", part)
      .execute();
    for (const r of rows) owner.set(r.distinct_id, r.customer_id);
  }
  const created = new Map<string, Seen>();
  const widened = new Map<string, Seen>();
  const attach: { workspace_id: string; distinct_id: string; customer_id: string }[] = [];
  const identitiesChanged = new Set<string>();
  for (const { ids, seen } of entries) {
    const known = ids.map((d) => owner.get(d)).find((c) => c !== undefined);
    const customerId = known ?? uuidv7();
    if (!known) created.set(customerId, { ...seen });
    for (const d of ids)
      if (!owner.has(d)) {
        owner.set(d, customerId);
        attach.push({ workspace_id: workspaceId, distinct_id: d, customer_id: customerId });
        identitiesChanged.add(customerId);
      }
    const range = created.get(customerId) ?? widened.get(customerId);
    if (range) {
      if (seen.first < range.first) range.first = seen.first;
      if (seen.last > range.last) range.last = seen.last;
    } else widened.set(customerId, { ...seen });
  }
  for (const part of chunks([...created]))
    await tx
      .insertInto("customers")
      .values(
        part.map(([id, s]) => ({ id, workspace_id: workspaceId, first_seen: s.first, last_seen: s.last })),
      )
      .execute();
  for (const part of chunks(attach))
    await tx
      .insertInto("customer_identities")
      .values(part)
      .onConflict((oc) => oc.columns(["workspace_id", "distinct_id"]).doNothing())
      .execute();
  for (const part of chunks([...widened])) {
    const ids = part.map(([id]) => id);
    const firsts = part.map(([, s]) => s.first.toISOString());
    const lasts = part.map(([, s]) => s.last.toISOString());
    await sql`update customers c set first_seen = least(c.first_seen, v.f), last_seen = greatest(c.last_seen, v.l),
        updated_at = now()
      from unnest(${ids}::uuid[], ${firsts}::timestamptz[], ${lasts}::timestamptz[]) as v(id, f, l)
      where c.id = v.id and (c.first_seen > v.f or c.last_seen < v.l)`.execute(tx);
  }
  return { touched: new Set([...created.keys(), ...widened.keys()]), identitiesChanged };
}
