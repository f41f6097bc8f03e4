import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailId } from "../../core/customers/distinct-ids.js";
import { chTime, type EventRow, TRACK_ONLY_COLUMNS } from "../../core/events/event-row.js";
import { enqueue } from "../../core/outbox/enqueue.js";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { drainOutbox } from "../../testing/drain-outbox.js";
import { storeVariants } from "../../testing/stores.js";

const t = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute));

function event(
  workspaceId: string,
  id: string,
  at: Date,
  ids: { userId?: string; anonymousId?: string },
  name: string,
  channel = "",
): EventRow {
  return {
    workspace_id: workspaceId,
    message_id: id,
    type: "track",
    event: name,
    customer_id: "",
    user_id: ids.userId ?? "",
    anonymous_id: ids.anonymousId ?? "",
    timestamp: chTime(at),
    received_at: chTime(at),
    properties: JSON.stringify({ orderId: id }),
    context: JSON.stringify(channel ? { channel } : {}),
    version: 1,
    payload_hash: id,
    ...TRACK_ONLY_COLUMNS,
    source: "http",
    historical: 0,
  };
}

describe.each(storeVariants().map((v) => [v.name, v] as const))("customer routes on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let other: SeededWorkspace;
  let call: ReturnType<typeof client>;
  let anna: string;
  let visitor: string;
  const path = (p = "") => `/api/v1/workspaces/${ws.workspaceId}/customers${p}`;

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Customers");
    other = await seedWorkspace(stores, "Other");
    call = client(testApp(stores));
    const w = ws.workspaceId;
    // A visitor browses anonymously, later identifies as K-1 (the visitor is the older customer).
    await enqueue(stores.sor.db, {
      workspaceId: w,
      topic: "events.identity",
      payload: {
        ids: [
          { anonymousId: "a-1", firstSeen: t(1).toISOString(), lastSeen: t(2).toISOString() },
          { userId: "K-1", firstSeen: t(3).toISOString(), lastSeen: t(3).toISOString() },
          { userId: "K-2", firstSeen: t(4).toISOString(), lastSeen: t(4).toISOString() },
        ],
        identifies: [
          {
            messageId: "id-1",
            userId: "K-1",
            anonymousId: "a-1",
            traits: {
              name: "Anna Berger",
              plan: "premium",
              email: "anna@example.com",
              phone: "+49 170 5550101",
            },
            timestamp: t(5).toISOString(),
            consent: { analytics: true, marketing: false },
          },
        ],
        aliases: [],
      },
    });
    await drainOutbox(stores);
    const ids = await stores.sor.db
      .selectFrom("customer_identities")
      .select(["distinct_id", "customer_id"])
      .where("workspace_id", "=", w)
      .execute();
    anna = ids.find((i) => i.distinct_id === "user:K-1")?.customer_id as string;
    visitor =
      (
        await stores.sor.db
          .selectFrom("customers")
          .select("id")
          .where("merged_into", "=", anna)
          .executeTakeFirst()
      )?.id ?? "";
    await stores.facts.insert("events", [
      event(w, "e1", t(2), { anonymousId: "a-1" }, "Product Viewed", "web"),
      event(w, "e2", t(6), { userId: "K-1" }, "Order Completed", "web"),
      event(w, "e3", t(9), { userId: "K-1" }, "Delivery Delayed", "server"),
      event(w, "e4", t(7), { userId: "K-2" }, "Order Completed"),
      event(other.workspaceId, "e5", t(8), { userId: "K-1" }, "Order Completed"),
    ]);
    const post = (customer: Record<string, string>, text: string, receivedAt: Date, channel = "email") =>
      call("POST", path("").replace("/customers", "/feedback"), {
        cookie: ws.ownerCookie,
        body: { channel, customer, text, receivedAt: receivedAt.toISOString() },
      });
    expect((await post({ userId: "K-1" }, "Paket kam zu spät", t(8))).status).toBe(201);
    expect((await post({ email: "Anna@Example.com" }, "Rechnung doppelt", t(10), "chat")).status).toBe(201);
    expect((await post({ userId: "K-2" }, "Alles gut", t(11))).status).toBe(201);
    // Phone only, written differently from the trait: found through the phone identity's hash.
    expect((await post({ phone: "+491705550101" }, "Rückruf bitte", t(12), "call_note")).status).toBe(201);
    await call("POST", `/api/v1/workspaces/${w}/personas`, {
      cookie: ws.ownerCookie,
      body: { name: "Premium Paula", segmentRule: 'plan = "premium"' },
    });
    await call("POST", `/api/v1/workspaces/${w}/personas`, {
      cookie: ws.ownerCookie,
      body: { name: "Basis Bernd", segmentRule: 'plan = "basic"' },
    });
  });
  afterAll(() => stores.close());

  it("lists and searches customers by id, e-mail address and trait text", async () => {
    const all = await call("GET", path(), { cookie: ws.ownerCookie });
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(2);
    const search = async (q: string) =>
      (await call("GET", path(`?q=${encodeURIComponent(q)}`), { cookie: ws.ownerCookie })).body.items.map(
        (i: { id: string }) => i.id,
      );
    expect(await search("K-1")).toEqual([anna]);
    expect(await search(" ANNA@example.com")).toEqual([anna]);
    expect(await search("email:anna@example.com")).toEqual([anna]);
    expect(await search("+49 1705550101")).toEqual([anna]);
    expect(await search("Berger")).toEqual([anna]);
    expect(await search("a-1")).toEqual([anna]);
    expect(await search("nobody")).toEqual([]);
    const page1 = await call("GET", path("?limit=1"), { cookie: ws.ownerCookie });
    const page2 = await call("GET", path(`?limit=1&cursor=${page1.body.nextCursor}`), {
      cookie: ws.ownerCookie,
    });
    expect([...page1.body.items, ...page2.body.items].map((i: { id: string }) => i.id)).toEqual(
      all.body.items.map((i: { id: string }) => i.id),
    );
    expect(page2.body.nextCursor).toBeNull();
  });

  it("shows a profile: ids with hashes as kind only, traits, channels, personas, consent; a merged id answers with the survivor", async () => {
    const res = await call("GET", path(`/${anna}`), { cookie: ws.ownerCookie });
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p.id).toBe(anna);
    expect(p.distinctIds).toEqual([
      { kind: "anon", value: "a-1" },
      { kind: "email", value: null },
      { kind: "phone", value: null },
      { kind: "user", value: "K-1" },
    ]);
    expect(JSON.stringify(p.distinctIds)).not.toContain(emailId("anna@example.com").slice(6));
    expect(p.traits).toEqual({
      name: "Anna Berger",
      plan: "premium",
      email: "anna@example.com",
      phone: "+49 170 5550101",
    });
    expect(p.traitHistory.map((h: { trait: string }) => h.trait).sort()).toEqual([
      "email",
      "name",
      "phone",
      "plan",
    ]);
    expect([p.firstSeen, p.lastSeen]).toEqual([t(1).toISOString(), t(5).toISOString()]);
    expect(p.channels).toEqual(["call_note", "chat", "email", "server", "web"]);
    expect(p.personas.map((x: { name: string }) => x.name)).toEqual(["Premium Paula"]);
    expect(p.consent).toEqual({ analytics: true, marketing: false });
    expect(p.mergedFrom).toEqual([visitor]);
    expect(visitor).not.toBe("");
    expect((await call("GET", path(`/${visitor}`), { cookie: ws.ownerCookie })).body.id).toBe(anna);
  });

  it("merges events and feedback newest first, and pages through them exactly", async () => {
    const res = await call("GET", path(`/${visitor}/timeline`), { cookie: ws.ownerCookie });
    expect(res.status).toBe(200);
    const seen = res.body.items.map((i: { kind: string; name?: string; text?: string; at: string }) => [
      i.kind,
      i.name ?? i.text,
      i.at,
    ]);
    expect(seen).toEqual([
      ["feedback", "Rückruf bitte", t(12).toISOString()],
      ["feedback", "Rechnung doppelt", t(10).toISOString()],
      ["event", "Delivery Delayed", t(9).toISOString()],
      ["feedback", "Paket kam zu spät", t(8).toISOString()],
      ["event", "Order Completed", t(6).toISOString()],
      ["event", "Product Viewed", t(2).toISOString()],
    ]);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const r = await call("GET", path(`/${anna}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ""}`), {
        cookie: ws.ownerCookie,
      });
      walked.push(...r.body.items.map((i: { id: string }) => i.id));
      cursor = r.body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(res.body.items.map((i: { id: string }) => i.id));
    const bad = await call("GET", path(`/${anna}/timeline?cursor=nonsense`), { cookie: ws.ownerCookie });
    expect(bad.status).toBe(400);
  });

  it("answers 404 for another workspace's customer and for unknown ids", async () => {
    const foreign = `/api/v1/workspaces/${other.workspaceId}/customers/${anna}`;
    expect((await call("GET", foreign, { cookie: other.ownerCookie })).status).toBe(404);
    expect((await call("GET", path("/not-a-uuid"), { cookie: ws.ownerCookie })).status).toBe(404);
    expect((await call("GET", path(`/${anna}/timeline`), { cookie: other.ownerCookie })).status).toBe(404);
  });
});
