import { sql } from "kysely";
import type { Db } from "../db/connect.js";
import { uuidv7 } from "../ids.js";

export interface Seen {
  first: Date;
  last: Date;
}

export interface MergeCause {
  reason: "identify" | "alias";
  messageId: string;
  /** The survivor when it is among the customers found (alias: the userId's customer); else the oldest. */
  into?: string;
}

/**
 * The customer these distinct ids belong to: unknown ids are attached to it, and a customer is
 * created when none is known. When they belong to several customers and `merge` is given, all are
 * merged into the oldest (first seen, then id); without it the first known id's customer wins and
 * nothing is merged (an ordinary event only links ids nobody holds yet).
 * Runs inside the workspace's identity lock (apply-identity.ts), so it never races itself.
 */
export async function resolveCustomer(
  tx: Db,
  workspaceId: string,
  distinctIds: readonly string[],
  seen: Seen,
  merge?: MergeCause,
): Promise<string> {
  const known = await tx
    .selectFrom("customer_identities as i")
    .innerJoin("customers as c", "c.id", "i.customer_id")
    .select(["i.distinct_id", "c.id", "c.first_seen"])
    .where("i.workspace_id", "=", workspaceId)
    .where("i.distinct_id", "in", distinctIds)
    .execute();
  let customerId: string;
  if (known.length === 0) {
    customerId = uuidv7();
    await tx
      .insertInto("customers")
      .values({ id: customerId, workspace_id: workspaceId, first_seen: seen.first, last_seen: seen.last })
      .execute();
  } else if (merge) {
    const oldest = [...known].sort(
      (a, b) => a.first_seen.getTime() - b.first_seen.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )[0];
    customerId = known.some((k) => k.id === merge.into)
      ? (merge.into as string)
      : (oldest as (typeof known)[number]).id;
    for (const loser of new Set(known.map((k) => k.id)))
      if (loser !== customerId) await mergeCustomers(tx, workspaceId, loser, customerId, merge);
  } else {
    const first = distinctIds.map((d) => known.find((k) => k.distinct_id === d)).find((k) => k);
    customerId = (first as (typeof known)[number]).id;
  }
  const missing = distinctIds.filter((d) => !known.some((k) => k.distinct_id === d));
  if (missing.length > 0)
    await tx
      .insertInto("customer_identities")
      .values(missing.map((d) => ({ workspace_id: workspaceId, distinct_id: d, customer_id: customerId })))
      .onConflict((oc) => oc.columns(["workspace_id", "distinct_id"]).doNothing())
      .execute();
  // A new customer was created with this range already.
  if (known.length > 0) await widenSeen(tx, customerId, seen);
  return customerId;
}

/** first/last seen only ever widen; an update that changes nothing is skipped (replays stay no-ops). */
async function widenSeen(tx: Db, customerId: string, seen: Seen): Promise<void> {
  await tx
    .updateTable("customers")
    .set({
      first_seen: sql`least(first_seen, ${seen.first})`,
      last_seen: sql`greatest(last_seen, ${seen.last})`,
      updated_at: sql`now()`,
    })
    .where("id", "=", customerId)
    .where((eb) => eb.or([eb("first_seen", ">", seen.first), eb("last_seen", "<", seen.last)]))
    .execute();
}

/**
 * Moves everything of `loser` to `survivor`: its ids, its trait history (the survivor's traits are
 * recomputed as the latest value per trait over both), customers already merged into it, its seen
 * range and consent; the loser keeps `merged_into`, and a `customer_merges` row records why.
 */
export async function mergeCustomers(
  tx: Db,
  workspaceId: string,
  loser: string,
  survivor: string,
  cause: MergeCause,
): Promise<void> {
  await tx
    .updateTable("customer_identities")
    .set({ customer_id: survivor })
    .where("customer_id", "=", loser)
    .execute();
  await tx
    .updateTable("customer_trait_changes")
    .set({ customer_id: survivor })
    .where("customer_id", "=", loser)
    .execute();
  await tx.updateTable("customers").set({ merged_into: survivor }).where("merged_into", "=", loser).execute();
  const l = await tx
    .selectFrom("customers")
    .select(["first_seen", "last_seen", "consent"])
    .where("id", "=", loser)
    .executeTakeFirstOrThrow();
  await tx
    .updateTable("customers")
    .set({
      first_seen: sql`least(first_seen, ${l.first_seen})`,
      last_seen: sql`greatest(last_seen, ${l.last_seen})`,
      consent: sql`coalesce(consent, ${l.consent === null ? null : JSON.stringify(l.consent)}::jsonb)`,
      traits: sql`(select coalesce(jsonb_object_agg(t.trait, t.value), '{}'::jsonb) from (
        select distinct on (trait) trait, value from customer_trait_changes
        where customer_id = ${survivor} order by trait, changed_at desc, message_id desc, id desc) t)`,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where("id", "=", survivor)
    .execute();
  await tx
    .updateTable("customers")
    .set({ merged_into: survivor, version: sql`version + 1`, updated_at: sql`now()` })
    .where("id", "=", loser)
    .execute();
  await tx
    .insertInto("customer_merges")
    .values({
      id: uuidv7(),
      workspace_id: workspaceId,
      from_customer: loser,
      into_customer: survivor,
      reason: cause.reason,
      message_id: cause.messageId,
    })
    .execute();
}
