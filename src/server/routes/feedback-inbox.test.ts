import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { insertTouchpoint, journeyInput } from "../../testing/journeys.js";
import { storeVariants } from "../../testing/stores.js";

interface Item {
  id: string;
  text: string;
  receivedAt: string;
}

describe.each(storeVariants().map((v) => [v.name, v] as const))("feedback inbox on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let other: SeededWorkspace;
  let call: ReturnType<typeof client>;
  const ids: Record<string, string> = {};
  const path = (suffix = "", w = ws) => `/api/v1/workspaces/${w.workspaceId}/feedback${suffix}`;
  const as = (body?: unknown) => ({ cookie: ws.ownerCookie, ...(body !== undefined && { body }) });
  const texts = async (query: string) => {
    const res = await call("GET", path(`?${query}`), as());
    expect(res.status).toBe(200);
    return res.body.items.map((i: Item) => i.text).sort();
  };

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Versorger");
    other = await seedWorkspace(stores, "Other");
    call = client(testApp(stores));
    const records = [
      {
        key: "late",
        channel: "email",
        receivedAt: "2026-01-05T08:00:00Z",
        customer: { userId: "c1" },
        ratings: [{ metric: "csat", value: 1 }],
        text: "Die Lieferung kam zwei Wochen zu spät",
      },
      {
        key: "great",
        channel: "web_review",
        receivedAt: "2026-01-20T12:00:00Z",
        customer: { userId: "c1" },
        ratings: [{ metric: "csat", value: 5 }],
        text: "Great service, the delivery was fast and the driver was kind",
      },
      {
        key: "meh",
        channel: "web_review",
        receivedAt: "2026-02-01T00:00:00Z",
        customer: { userId: "c2" },
        ratings: [{ metric: "nps", value: 7 }],
        title: "Lieferung ok",
      },
      {
        key: "call",
        channel: "call_note",
        receivedAt: "2026-02-10T16:30:00Z",
        customer: { email: "c3@example.com" },
        text: "Kunde fragt nach der Rechnung",
        language: "de",
      },
      {
        key: "bill",
        channel: "email",
        receivedAt: "2026-02-28T23:59:59Z",
        customer: { userId: "c1" },
        text: "Invoice is wrong again",
      },
    ];
    const res = await call(
      "POST",
      path(),
      as({ items: records.map(({ key, ...r }) => ({ ...r, externalId: key })) }),
    );
    expect(res.status).toBe(201);
    records.forEach((r, i) => {
      ids[r.key] = res.body.items[i].id;
    });
    await call("POST", path("", other), {
      cookie: other.ownerCookie,
      body: { channel: "email", text: "Lieferung fremd" },
    });
  });
  afterAll(() => stores.close());

  it("lists newest first and pages with a stable cursor", async () => {
    const all = await call("GET", path(), as());
    expect(all.body.items.map((i: Item) => i.id)).toEqual(
      ["bill", "call", "meh", "great", "late"].map((k) => ids[k]),
    );
    expect(all.body.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const page = await call("GET", path(q), as());
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((i: Item) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((i: Item) => i.id));
    const bad = await call("GET", path("?cursor=bm9wZQ"), as());
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe("/query/cursor");
  });

  it("filters by full text, channel, band, language, dates, text, customer", async () => {
    expect(await texts("q=Lieferung")).toEqual(["", "Die Lieferung kam zwei Wochen zu spät"]);
    expect(await texts(`q=${encodeURIComponent('"delivery was fast"')}`)).toEqual([
      "Great service, the delivery was fast and the driver was kind",
    ]);
    expect(await texts(`q=${encodeURIComponent("lieferung -spät")}`)).toEqual([""]);
    expect(await texts("channel=email")).toEqual([
      "Die Lieferung kam zwei Wochen zu spät",
      "Invoice is wrong again",
    ]);
    expect(await texts("band=negative")).toEqual(["Die Lieferung kam zwei Wochen zu spät"]);
    expect(await texts("band=neutral")).toEqual([""]);
    expect(await texts("language=en")).toEqual([
      "Great service, the delivery was fast and the driver was kind",
      "Invoice is wrong again",
    ]);
    expect(await texts("from=2026-02-01&to=2026-02-28")).toEqual([
      "",
      "Invoice is wrong again",
      "Kunde fragt nach der Rechnung",
    ]);
    expect(await texts("to=2026-02-28T23:59:58Z&from=2026-02-01T00:00:01Z")).toEqual([
      "Kunde fragt nach der Rechnung",
    ]);
    expect(await texts("hasText=false")).toEqual([""]);
    expect(await texts("customerId=email:c3@example.com")).toEqual(["Kunde fragt nach der Rechnung"]);
    expect(await texts("kind=survey_response")).toEqual([]);
    const bad = await call("GET", path("?band=bad&from=yesterday&touchpointId=x"), as());
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      "/query/band",
      "/query/from",
      "/query/touchpointId",
    ]);
  });

  it("shows a record with the customer's other feedback, and 404 for another workspace's", async () => {
    const got = await call("GET", path(`/${ids.great}`), as());
    expect(got.body.customerFeedback.map((f: Item) => f.id)).toEqual([ids.bill, ids.late]);
    const foreign = await call("GET", path(`/${ids.great}`, other), { cookie: other.ownerCookie });
    expect(foreign.status).toBe(404);
    expect((await call("GET", path("/not-a-uuid"), as())).status).toBe(404);
  });

  it("flags, unflags and relinks with a new version, an audit entry and a relay each", async () => {
    const id = ids.late as string;
    const relays = async () =>
      (
        await stores.sor.db
          .selectFrom("outbox")
          .select("payload")
          .where("topic", "=", "feedback.relay")
          .execute()
      ).filter((r) => JSON.stringify(r.payload).includes(id)).length;
    const before = await relays();
    const flagged = await call("PATCH", path(`/${id}`), as({ flagged: true, flagReason: "Spam" }));
    expect(flagged.body).toMatchObject({ flagged: true, flagReason: "Spam" });
    expect(await texts("flagged=true")).toEqual(["Die Lieferung kam zwei Wochen zu spät"]);
    expect((await texts("flagged=false")).length).toBe(4);

    const touchpointId = await insertTouchpoint(stores, ws.workspaceId, { name: "Lieferung" });
    const j = await call(
      "POST",
      `/api/v1/workspaces/${ws.workspaceId}/journeys`,
      as({ document: journeyInput("Kauf", { Lieferung: ["Paket"] }) }),
    );
    const stepId = j.body.document.stages[0].steps[0].id;
    const linked = await call("PATCH", path(`/${id}`), as({ touchpointId, journeyId: j.body.id, stepId }));
    expect(linked.body).toMatchObject({
      touchpointId,
      journeyId: j.body.id,
      stepId,
      flagged: true,
      flagReason: "Spam",
    });
    const j2 = await call(
      "POST",
      `/api/v1/workspaces/${ws.workspaceId}/journeys`,
      as({ document: journeyInput("Service", {}) }),
    );
    const moved = await call("PATCH", path(`/${id}`), as({ journeyId: j2.body.id }));
    expect(moved.body).toMatchObject({ journeyId: j2.body.id, stepId: null });
    const badStep = await call("PATCH", path(`/${id}`), as({ stepId }));
    expect(badStep.status).toBe(400);
    expect(badStep.body.errors[0]).toMatchObject({ pointer: "/body/stepId", code: "unknown_reference" });
    const unflagged = await call("PATCH", path(`/${id}`), as({ flagged: false }));
    expect(unflagged.body).toMatchObject({ flagged: false, flagReason: null });

    const row = await stores.sor.db
      .selectFrom("feedback")
      .select("version")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(5);
    expect((await relays()) - before).toBe(4);
    const audit = await stores.sor.db
      .selectFrom("audit_log")
      .select("action")
      .where("target_id", "=", id)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "feedback.flag",
      "feedback.update",
      "feedback.update",
      "feedback.unflag",
    ]);
    expect((await call("PATCH", path(`/${id}`), as({}))).status).toBe(400);
    expect(
      (await call("PATCH", path(`/${id}`, other), { cookie: other.ownerCookie, body: { flagged: true } }))
        .status,
    ).toBe(404);
  });
});
