import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeVariants } from "../../testing/stores.js";
import { uuidv7 } from "../ids.js";
import type { Stores } from "../stores.js";
import { applyIdentity } from "./apply-identity.js";
import { applyTraits } from "./apply-traits.js";
import { distinctIdsOf } from "./distinct-ids.js";
import { type TIdentityPayloadInput, ZIdentityPayload } from "./identity-payload.js";
import { resolveCustomer } from "./resolve-customer.js";

const t = (minute: number) => new Date(Date.UTC(2026, 10, 1, 10, minute)).toISOString();

type Identify = NonNullable<TIdentityPayloadInput["identifies"]>[number];
type Alias = NonNullable<TIdentityPayloadInput["aliases"]>[number];

/** Small id pools, so identifies overlap, link and merge customers; ties in time happen too. */
const identify = fc.record({
  userId: fc.option(fc.constantFrom("u0", "u1", "u2", "u3"), { nil: undefined }),
  anonymousId: fc.constantFrom("a0", "a1", "a2", "a3", "a4"),
  minute: fc.integer({ min: 0, max: 20 }),
  traits: fc.record(
    {
      plan: fc.constantFrom("free", "pro", { tier: "gold", seats: [1, 2] }),
      city: fc.constantFrom("Köln", "Wien"),
      email: fc.constantFrom("a@example.com", "B@example.com "),
    },
    { requiredKeys: [] },
  ),
  consent: fc.option(fc.constantFrom({ analytics: true }, { analytics: false }), { nil: undefined }),
});
const alias = fc.record({
  previousId: fc.constantFrom("a0", "a1", "u0", "u4"),
  userId: fc.constantFrom("u1", "u2", "u5"),
  minute: fc.integer({ min: 0, max: 20 }),
});

describe.each(storeVariants().map((v) => [v.name, v] as const))("bulk identifies on %s", (_name, variant) => {
  let stores: Stores;
  beforeAll(async () => {
    stores = await variant.open();
  });
  afterAll(() => stores.close());

  const workspace = async () => {
    const id = uuidv7();
    await stores.sor.db
      .insertInto("workspaces")
      .values({ id, name: "Bulk", slug: `bulk-${id}` })
      .execute();
    return id;
  };

  /** The workspace's customers by the sorted set of their ids (customer uuids differ per run). */
  async function state(ws: string) {
    const db = stores.sor.db;
    const ids = await db
      .selectFrom("customer_identities")
      .select(["distinct_id", "customer_id"])
      .where("workspace_id", "=", ws)
      .execute();
    const members = new Map<string, string[]>();
    for (const r of ids) members.set(r.customer_id, [...(members.get(r.customer_id) ?? []), r.distinct_id]);
    const customers = await db
      .selectFrom("customers")
      .select(["id", "traits", "consent", "first_seen", "last_seen", "merged_into"])
      .where("workspace_id", "=", ws)
      .execute();
    const changes = await db
      .selectFrom("customer_trait_changes")
      .select(["customer_id", "trait", "value", "changed_at", "message_id"])
      .where("workspace_id", "=", ws)
      .execute();
    const key = (id: string) => (members.get(id) ?? []).sort().join(" ");
    return {
      live: customers
        .filter((c) => c.merged_into === null)
        .map((c) => ({
          ids: key(c.id),
          traits: c.traits,
          consent: c.consent,
          first: c.first_seen.toISOString(),
          last: c.last_seen.toISOString(),
        }))
        .sort((a, b) => (a.ids < b.ids ? -1 : 1)),
      changes: changes
        .map((c) => `${key(c.customer_id)}|${c.trait}|${JSON.stringify(c.value)}|${c.message_id}`)
        .sort(),
      merged: customers.filter((c) => c.merged_into !== null).length,
    };
  }

  /** One step by the one-at-a-time rules: resolveCustomer, applyTraits and consent; an alias alone. */
  async function applyOne(ws: string, step: { item: Identify } | { alias: Alias }): Promise<void> {
    if ("alias" in step) {
      await applyIdentity(stores, ws, ZIdentityPayload.parse({ aliases: [step.alias] }));
      return;
    }
    const item = ZIdentityPayload.parse({ identifies: [step.item] }).identifies[0];
    if (!item) throw new Error("parsed identify missing");
    await stores.sor.db.transaction().execute(async (tx) => {
      const at = item.timestamp;
      const ids = distinctIdsOf(item);
      const customerId = await resolveCustomer(
        tx,
        ws,
        ids,
        { first: at, last: at },
        {
          reason: "identify",
          messageId: item.messageId,
        },
      );
      await applyTraits(tx, ws, customerId, item.traits, at, item.messageId);
      if (item.consent)
        await tx
          .updateTable("customers")
          .set({ consent: JSON.stringify(item.consent) })
          .where("id", "=", customerId)
          .execute();
    });
  }

  it("decide like identifies applied one message at a time, merges and aliases included", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(identify, { minLength: 1, maxLength: 14 }),
        fc.array(alias, { maxLength: 2 }),
        fc.integer({ min: 1, max: 14 }),
        async (raw, rawAliases, split) => {
          const identifies: Identify[] = raw.map((r, i) => ({
            messageId: `m${String(i).padStart(2, "0")}`,
            ...(r.userId && { userId: r.userId }),
            anonymousId: r.anonymousId,
            traits: r.traits,
            timestamp: t(r.minute),
            ...(r.consent && { consent: r.consent }),
          }));
          const aliases: Alias[] = rawAliases.map((a, i) => ({
            messageId: `x${i}`,
            previousId: a.previousId,
            userId: a.userId,
            timestamp: t(a.minute),
          }));
          // Messages as the writer enqueues them: consecutive slices, each sorted only within itself,
          // so an older identify can arrive after a newer one was applied.
          const messages: { identifies: Identify[]; aliases: Alias[] }[] = [];
          for (let i = 0; i < identifies.length; i += split)
            messages.push({ identifies: identifies.slice(i, i + split), aliases: [] });
          messages[messages.length - 1]?.aliases.push(...aliases);
          const bulk = await workspace();
          for (const m of messages) await applyIdentity(stores, bulk, ZIdentityPayload.parse(m));
          // The reference: the one-at-a-time rules per identify, an alias on its own, each message in
          // the order the bulk run sorts it.
          const single = await workspace();
          for (const m of messages) {
            const steps = [
              ...m.identifies.map((item) => ({ at: item.timestamp as string, id: item.messageId, item })),
              ...m.aliases.map((item) => ({ at: item.timestamp as string, id: item.messageId, alias: item })),
            ].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : x.id < y.id ? -1 : 1));
            for (const step of steps) await applyOne(single, step);
          }
          expect(await state(bulk)).toEqual(await state(single));
        },
      ),
      { numRuns: 25 },
    );
  }, 180_000);
});
