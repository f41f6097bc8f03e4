import { sql } from "kysely";
import type { Db } from "../db/connect.js";
import type { Stores } from "../stores.js";
import { applyTraits } from "./apply-traits.js";
import { distinctIdsOf } from "./distinct-ids.js";
import { IdentifyBatch } from "./identify-batch.js";
import type { TIdentityPayload } from "./identity-payload.js";
import { linkIds } from "./link-ids.js";
import { resolveCustomer } from "./resolve-customer.js";

export interface IdentityResult {
  customers: number;
  traitChanges: number;
}

type Step =
  | { kind: "identify"; at: Date; item: TIdentityPayload["identifies"][number] }
  | { kind: "alias"; at: Date; item: TIdentityPayload["aliases"][number] };

/**
 * The `events.identity` work of one flushed batch (docs/api/observe.md §2), in one transaction under
 * a per-workspace advisory lock: concurrent handlers of one workspace take turns, so two of them can
 * never both create a customer for the same new id or merge crosswise. Seen ranges first, then
 * identifies and aliases in time order. Idempotent: a replay finds everything linked already.
 * Afterwards the touched customers' identities are mirrored to the facts store.
 */
export async function applyIdentity(
  stores: Stores,
  workspaceId: string,
  payload: TIdentityPayload,
): Promise<IdentityResult> {
  const { touched, mirror, version, traitChanges } = await stores.sor.db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`identity:${workspaceId}`}, 0))`.execute(tx);
    // Taken after the lock, so versions increase in commit order across processes.
    const v = await sql<{
      v: string;
    }>`select floor(extract(epoch from clock_timestamp()) * 1000000)::bigint::text as v`.execute(tx);
    // Ids of erased customers stay out, so identity work already queued cannot bring them back.
    const suppressed = new Set(
      (
        await tx
          .selectFrom("suppressions")
          .select("distinct_id")
          .where("workspace_id", "=", workspaceId)
          .execute()
      ).map((r) => r.distinct_id),
    );
    // An entry naming any suppressed id belongs to an erased person: none of its ids are linked.
    const allowed = (ids: string[]) => (ids.some((d) => suppressed.has(d)) ? [] : ids);
    const entries = payload.ids
      .map((e) => ({ ids: allowed(distinctIdsOf(e)), seen: { first: e.firstSeen, last: e.lastSeen } }))
      .filter((e) => e.ids.length > 0);
    const linked = await linkIds(tx, workspaceId, entries);
    const touched = linked.touched;
    // Customers whose identities changed: only theirs are mirrored (a widened seen range is not).
    const changed = linked.identitiesChanged;
    const steps: Step[] = [
      ...payload.identifies.map((item) => ({ kind: "identify" as const, at: item.timestamp, item })),
      ...payload.aliases
        .filter(
          (a) =>
            !suppressed.has(`user:${a.userId}`) &&
            !suppressed.has(`user:${a.previousId}`) &&
            !suppressed.has(`anon:${a.previousId}`),
        )
        .map((item) => ({ kind: "alias" as const, at: item.timestamp, item })),
    ].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.item.messageId < b.item.messageId ? -1 : 1));
    const idsOf = (step: Step) =>
      step.kind === "identify"
        ? distinctIdsOf(step.item)
        : [`user:${step.item.userId}`, `user:${step.item.previousId}`, `anon:${step.item.previousId}`];
    // Identifies are decided in memory and written in bulk; a merge or an alias runs on its own.
    const batch = new IdentifyBatch(tx, workspaceId);
    await batch.load(steps.flatMap(idsOf));
    let traitChanges = 0;
    for (const [i, step] of steps.entries()) {
      const seen = { first: step.at, last: step.at };
      const cause = { reason: step.kind, messageId: step.item.messageId };
      if (step.kind === "identify") {
        const ids = allowed(distinctIdsOf(step.item));
        if (ids.length === 0 || batch.tryIdentify(step.item, ids, step.at)) continue;
        await batch.flush();
        const customerId = await resolveCustomer(tx, workspaceId, ids, seen, cause);
        traitChanges += await applyTraits(
          tx,
          workspaceId,
          customerId,
          step.item.traits,
          step.at,
          step.item.messageId,
        );
        if (step.item.consent) await setConsent(tx, customerId, step.item.consent);
        touched.add(customerId);
        changed.add(customerId);
      } else {
        await batch.flush();
        const target = await resolveCustomer(tx, workspaceId, [`user:${step.item.userId}`], seen);
        const previous = await previousIdentity(tx, workspaceId, step.item.previousId);
        await resolveCustomer(tx, workspaceId, [`user:${step.item.userId}`, previous], seen, {
          ...cause,
          into: target,
        });
        touched.add(target);
        changed.add(target);
      }
      await batch.load(steps.slice(i + 1).flatMap(idsOf));
    }
    await batch.flush();
    traitChanges += batch.traitChanges;
    for (const c of batch.touched) touched.add(c);
    for (const c of batch.identitiesChanged) changed.add(c);
    // Merges may have retired some of the customers; mirror their survivors.
    const live = changed.size
      ? await tx
          .selectFrom("customers")
          .select(sql<string>`coalesce(merged_into, id)`.as("id"))
          .where("id", "in", [...changed])
          .execute()
      : [];
    return {
      touched: touched.size,
      mirror: new Set(live.map((r) => r.id)),
      version: Number(v.rows[0]?.v),
      traitChanges,
    };
  });
  await mirrorIdentities(stores, workspaceId, [...mirror], version);
  return { customers: touched, traitChanges };
}

/** An alias's previousId: its known `user:` id, else its `anon:` id (the usual case: an anonymous visitor). */
async function previousIdentity(tx: Db, workspaceId: string, previousId: string): Promise<string> {
  const asUser = await tx
    .selectFrom("customer_identities")
    .select("distinct_id")
    .where("workspace_id", "=", workspaceId)
    .where("distinct_id", "=", `user:${previousId}`)
    .executeTakeFirst();
  return asUser ? asUser.distinct_id : `anon:${previousId}`;
}

/** The latest identify's consent preferences (steps run in time order). */
async function setConsent(tx: Db, customerId: string, consent: Record<string, unknown>): Promise<void> {
  await tx
    .updateTable("customers")
    .set({ consent: JSON.stringify(consent), updated_at: sql`now()` })
    .where("id", "=", customerId)
    .where(sql<boolean>`consent is distinct from ${JSON.stringify(consent)}::jsonb`)
    .execute();
}

/**
 * Writes every identity of these customers to the facts mirror with one version, so reports join
 * events to the current customer; a re-run writes the same mapping again and FINAL collapses it.
 */
export async function mirrorIdentities(
  stores: Stores,
  workspaceId: string,
  customerIds: readonly string[],
  version: number,
): Promise<void> {
  if (customerIds.length === 0) return;
  const rows = await stores.sor.db
    .selectFrom("customer_identities")
    .select(["distinct_id", "customer_id"])
    .where("workspace_id", "=", workspaceId)
    .where("customer_id", "in", customerIds)
    .execute();
  await stores.facts.insert(
    "customer_identities",
    rows.map((r) => ({
      workspace_id: workspaceId,
      distinct_id: r.distinct_id,
      customer_id: r.customer_id,
      version,
    })),
  );
}
