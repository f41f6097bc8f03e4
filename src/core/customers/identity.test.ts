import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { drainOutbox } from "../../testing/drain-outbox.js";
import { storeVariants } from "../../testing/stores.js";
import { chTime, type EventRow, TRACK_ONLY_COLUMNS } from "../events/event-row.js";
import { IDENTITY_TOPIC, IdentityWorkSet } from "../events/identity-work.js";
import { uuidv7 } from "../ids.js";
import { enqueue } from "../outbox/enqueue.js";
import type { Stores } from "../stores.js";
import { applyIdentity } from "./apply-identity.js";
import { emailId, phoneId } from "./distinct-ids.js";
import { type TIdentityPayloadInput, ZIdentityPayload } from "./identity-payload.js";

const t = (minute: number) => new Date(Date.UTC(2026, 10, 1, 10, minute)).toISOString();

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "identity stitching on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: { workspaceId: string };
    const apply = (p: TIdentityPayloadInput) =>
      applyIdentity(stores, ws.workspaceId, ZIdentityPayload.parse(p));
    const owner = async (distinctId: string) =>
      (
        await stores.sor.db
          .selectFrom("customer_identities")
          .select("customer_id")
          .where("workspace_id", "=", ws.workspaceId)
          .where("distinct_id", "=", distinctId)
          .executeTakeFirst()
      )?.customer_id;
    const customer = (id: string) =>
      stores.sor.db.selectFrom("customers").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    const snapshot = async () => {
      const db = stores.sor.db;
      const w = ws.workspaceId;
      return JSON.stringify([
        await db.selectFrom("customers").selectAll().where("workspace_id", "=", w).orderBy("id").execute(),
        await db
          .selectFrom("customer_identities")
          .selectAll()
          .where("workspace_id", "=", w)
          .orderBy("distinct_id")
          .execute(),
        await db
          .selectFrom("customer_merges")
          .selectAll()
          .where("workspace_id", "=", w)
          .orderBy("id")
          .execute(),
        await db
          .selectFrom("customer_trait_changes")
          .selectAll()
          .where("workspace_id", "=", w)
          .orderBy("id")
          .execute(),
      ]);
    };
    const mirror = () =>
      stores.facts.query<{ distinct_id: string; customer_id: string }>(
        `SELECT distinct_id, customer_id FROM ${stores.facts.database}.customer_identities FINAL
       WHERE workspace_id = {ws:UUID} ORDER BY distinct_id`,
        { ws: ws.workspaceId },
      );

    beforeAll(async () => {
      stores = await variant.open();
    });
    beforeEach(async () => {
      // A bare workspace row: the core use case needs nothing else (and no HTTP app).
      const id = uuidv7();
      await stores.sor.db
        .insertInto("workspaces")
        .values({ id, name: "Identity", slug: `identity-${id}` })
        .execute();
      ws = { workspaceId: id };
    });
    afterAll(() => stores.close());

    it("creates customers for unseen ids, links an identify's ids, and a replayed message changes nothing", async () => {
      await enqueue(stores.sor.db, {
        workspaceId: ws.workspaceId,
        topic: "events.identity",
        payload: {
          ids: [
            { anonymousId: "a-1", firstSeen: t(1), lastSeen: t(5) },
            { userId: "K-1", anonymousId: "a-1", firstSeen: t(6), lastSeen: t(9) },
            { anonymousId: "a-2", firstSeen: t(2), lastSeen: t(2) },
          ],
          identifies: [
            {
              messageId: "m1",
              userId: "K-1",
              anonymousId: "a-1",
              traits: { plan: "basic", email: " Anna@Example.com " },
              timestamp: t(6),
            },
          ],
          aliases: [],
        },
      });
      await drainOutbox(stores);
      const k1 = await owner("user:K-1");
      expect(k1).toBeDefined();
      expect(await owner("anon:a-1")).toBe(k1);
      expect(await owner(emailId("anna@example.com"))).toBe(k1);
      expect(await owner("anon:a-2")).not.toBe(k1);
      const c = await customer(k1 as string);
      expect(c.traits).toEqual({ plan: "basic", email: " Anna@Example.com " });
      expect(c.first_seen.toISOString()).toBe(t(1));
      expect(c.last_seen.toISOString()).toBe(t(9));
      expect(
        (await mirror())
          .filter((m) => m.customer_id === k1)
          .map((m) => m.distinct_id)
          .sort(),
      ).toEqual(["anon:a-1", emailId("anna@example.com"), "user:K-1"].sort());

      const before = await snapshot();
      const row = await stores.sor.db
        .selectFrom("outbox")
        .select("payload")
        .where("workspace_id", "=", ws.workspaceId)
        .executeTakeFirstOrThrow();
      await apply(row.payload as TIdentityPayloadInput);
      expect(await snapshot()).toBe(before);
    });

    it("merges two known customers on identify: the older survives, lookups follow it, the mirror too", async () => {
      await apply({
        ids: [
          { anonymousId: "old", firstSeen: t(1), lastSeen: t(1) },
          { userId: "U", firstSeen: t(3), lastSeen: t(4) },
        ],
      });
      const older = (await owner("anon:old")) as string;
      const newer = (await owner("user:U")) as string;
      expect(older).not.toBe(newer);
      await apply({
        identifies: [{ messageId: "join", userId: "U", anonymousId: "old", traits: {}, timestamp: t(5) }],
      });
      expect(await owner("user:U")).toBe(older);
      const loser = await customer(newer);
      expect(loser.merged_into).toBe(older);
      const survivor = await customer(older);
      expect([survivor.first_seen.toISOString(), survivor.last_seen.toISOString()]).toEqual([t(1), t(5)]);
      const merges = await stores.sor.db
        .selectFrom("customer_merges")
        .selectAll()
        .where("workspace_id", "=", ws.workspaceId)
        .execute();
      expect(merges.map((m) => [m.from_customer, m.into_customer, m.reason, m.message_id])).toEqual([
        [newer, older, "identify", "join"],
      ]);
      expect((await mirror()).map((m) => m.customer_id)).toEqual([older, older]);
    });

    it("takes the event writer's identity work as it is enqueued (ClickHouse time text)", async () => {
      const row = (type: EventRow["type"], id: string, minute: number, who: Partial<EventRow>): EventRow => ({
        workspace_id: ws.workspaceId,
        message_id: id,
        type,
        event: type === "track" ? "Order Completed" : "",
        customer_id: "",
        user_id: "",
        anonymous_id: "",
        timestamp: chTime(new Date(t(minute))),
        received_at: chTime(new Date(t(minute))),
        properties: "{}",
        context: "{}",
        version: 1,
        payload_hash: id,
        ...TRACK_ONLY_COLUMNS,
        source: "http",
        historical: 0,
        ...who,
      });
      const rows = [
        row("track", "w1", 1, { anonymous_id: "web-1" }),
        row("identify", "w2", 2, { anonymous_id: "web-1", user_id: "W", traits: '{"plan":"basic"}' }),
        row("alias", "w3", 3, { user_id: "W", previous_id: "app-9" }),
        row("track", "w4", 4, { user_id: "W" }),
      ];
      for (const payload of new IdentityWorkSet().addRows(rows).messages(ws.workspaceId, 3))
        await enqueue(stores.sor.db, { workspaceId: ws.workspaceId, topic: IDENTITY_TOPIC, payload });
      await drainOutbox(stores);
      const id = await owner("user:W");
      expect([await owner("anon:web-1"), await owner("anon:app-9")]).toEqual([id, id]);
      const c = await customer(id as string);
      expect(c.traits).toEqual({ plan: "basic" });
      expect([c.first_seen.toISOString(), c.last_seen.toISOString()]).toEqual([t(1), t(4)]);
    });

    it("alias merges previousId's customer into the userId's, even when it is older", async () => {
      await apply({
        ids: [
          { anonymousId: "visitor", firstSeen: t(1), lastSeen: t(1) },
          { userId: "V", firstSeen: t(5), lastSeen: t(5) },
        ],
      });
      const visitor = (await owner("anon:visitor")) as string;
      const user = (await owner("user:V")) as string;
      await apply({ aliases: [{ messageId: "al", previousId: "visitor", userId: "V", timestamp: t(6) }] });
      expect(await owner("anon:visitor")).toBe(user);
      expect((await customer(visitor)).merged_into).toBe(user);
      expect((await customer(user)).first_seen.toISOString()).toBe(t(1));
      // An alias of an id nobody has seen links it.
      await apply({ aliases: [{ messageId: "al2", previousId: "fresh", userId: "V", timestamp: t(7) }] });
      expect(await owner("anon:fresh")).toBe(user);
    });

    it("keeps the latest trait value by event time, records each real change, and resolves extra identities", async () => {
      await apply({
        identifies: [
          {
            messageId: "i2",
            userId: "T",
            traits: { plan: "premium", phone: "+49 30 1234" },
            timestamp: t(10),
          },
          { messageId: "i3", userId: "T", traits: { plan: "premium", crmId: "C-7" }, timestamp: t(12) },
        ],
      });
      // Late and older: must not overwrite plan.
      await apply({
        identifies: [
          { messageId: "i1", userId: "T", traits: { plan: "basic", city: "Köln" }, timestamp: t(5) },
        ],
      });
      const id = (await owner("user:T")) as string;
      expect((await customer(id)).traits).toMatchObject({ plan: "premium", city: "Köln", crmId: "C-7" });
      const changes = await stores.sor.db
        .selectFrom("customer_trait_changes")
        .select(["trait", "message_id"])
        .where("customer_id", "=", id)
        .orderBy("trait")
        .orderBy("changed_at")
        .execute();
      expect(changes).toEqual([
        { trait: "city", message_id: "i1" },
        { trait: "crmId", message_id: "i3" },
        { trait: "phone", message_id: "i2" },
        { trait: "plan", message_id: "i2" },
      ]);
      expect(await owner(phoneId("+4930 12 34") as string)).toBe(id);
      // Another user id with the same CRM id and an older anonymous customer: all one customer.
      await apply({ ids: [{ anonymousId: "early", firstSeen: t(0), lastSeen: t(0) }] });
      const early = (await owner("anon:early")) as string;
      await apply({
        identifies: [
          {
            messageId: "i4",
            userId: "T2",
            anonymousId: "early",
            traits: { crmId: "C-7", plan: "gold" },
            timestamp: t(20),
          },
        ],
      });
      expect(await owner("user:T")).toBe(early);
      expect(await owner("user:T2")).toBe(early);
      expect((await customer(early)).traits).toMatchObject({ plan: "gold", city: "Köln" });
    });

    it("creates one customer when handlers for the same new ids run at once", async () => {
      // On the server database each call takes its own pooled connection, so they truly overlap.
      const calls = Array.from({ length: 6 }, (_, i) =>
        apply({
          ids: [{ userId: "P", anonymousId: `p-${i % 2}`, firstSeen: t(i), lastSeen: t(i) }],
          identifies: [
            { messageId: `c${i}`, userId: "P", anonymousId: `p-${i % 2}`, traits: { n: i }, timestamp: t(i) },
          ],
        }),
      );
      await Promise.all(calls);
      const owners = new Set([await owner("user:P"), await owner("anon:p-0"), await owner("anon:p-1")]);
      expect(owners.size).toBe(1);
      const live = await stores.sor.db
        .selectFrom("customers")
        .select("id")
        .where("workspace_id", "=", ws.workspaceId)
        .where("merged_into", "is", null)
        .execute();
      expect(live).toHaveLength(1);
      expect((await customer(live[0]?.id as string)).traits).toEqual({ n: 5 });
    });
  },
);
