import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyIdentity } from "../../core/customers/apply-identity.js";
import { ZIdentityPayload } from "../../core/customers/identity-payload.js";
import type { Stores } from "../../core/stores.js";
import { trackEvent } from "../../testing/analytics-events.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, 0) + minute * 60_000);

const body = {
  from: "2026-11-01T00:00:00Z",
  to: "2026-11-03T00:00:00Z",
  steps: [{ event: "Product Viewed" }, { event: "Checkout Started" }, { event: "Order Completed" }],
  window: { value: 1, unit: "hours" },
};

describe.each(storeVariants().map((v) => [v.name, v] as const))("funnel routes on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let other: SeededWorkspace;
  let call: ReturnType<typeof client>;
  let customer: string;
  const path = (p = "") => `/api/v1/workspaces/${ws.workspaceId}/analytics/funnel${p}`;

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Funnel");
    other = await seedWorkspace(stores, "Other");
    call = client(testApp(stores));
    const w = ws.workspaceId;
    await applyIdentity(
      stores,
      w,
      ZIdentityPayload.parse({
        ids: [
          { anonymousId: "a-1", firstSeen: at(0).toISOString(), lastSeen: at(0).toISOString() },
          { userId: "K-1", firstSeen: at(2).toISOString(), lastSeen: at(2).toISOString() },
        ],
        identifies: [{ messageId: "i-1", userId: "K-1", anonymousId: "a-1", timestamp: at(1).toISOString() }],
      }),
    );
    customer = (
      await stores.sor.db
        .selectFrom("customer_identities")
        .select("customer_id")
        .where("workspace_id", "=", w)
        .where("distinct_id", "=", "user:K-1")
        .executeTakeFirstOrThrow()
    ).customer_id;
    await stores.facts.insert("events", [
      // The merged customer views anonymously and checks out identified: dropped before the order.
      trackEvent(w, at(0).toISOString(), { anonymousId: "a-1" }, "Product Viewed", {}, { channel: "web" }),
      trackEvent(w, at(2).toISOString(), { userId: "K-1" }, "Checkout Started", {}, { channel: "web" }),
      trackEvent(w, at(1).toISOString(), { userId: "K-2" }, "Product Viewed", {}, { channel: "web" }),
      trackEvent(w, at(5).toISOString(), { userId: "K-2" }, "Checkout Started", {}, { channel: "web" }),
      trackEvent(w, at(9).toISOString(), { userId: "K-2" }, "Order Completed", {}, { channel: "web" }),
      trackEvent(w, at(3).toISOString(), { userId: "=cmd" }, "Product Viewed", {}, { channel: "web" }),
      trackEvent(w, at(4).toISOString(), { userId: "=cmd" }, "Checkout Started", {}, { channel: "web" }),
      trackEvent(
        other.workspaceId,
        at(1).toISOString(),
        { userId: "K-2" },
        "Product Viewed",
        {},
        { channel: "web" },
      ),
    ]);
  });
  afterAll(() => stores.close());

  it("answers the funnel with hand-computed figures, for a session and a read key", async () => {
    const res = await call("POST", path(), { cookie: ws.ownerCookie, body });
    expect(res.status).toBe(200);
    expect(res.body.entered).toBe(3);
    expect(res.body.overallConversion).toBeCloseTo(1 / 3, 12);
    expect(res.body.steps.map((s: { reached: number }) => s.reached)).toEqual([3, 3, 1]);
    // Product Viewed → Checkout Started: 2, 4 and 1 minutes; median 120 s, p90 at 1.8 → 216 s.
    expect(res.body.steps[1]).toMatchObject({ medianSeconds: 120, p90Seconds: 216, dropped: 0 });
    expect(res.body.steps[2]).toMatchObject({ medianSeconds: 240, dropped: 2, stepConversion: 1 / 3 });
    const key = await ws.key(["read"]);
    const byKey = await call("POST", path(), {
      bearer: key,
      body: { ...body, breakdown: { by: "channel" } },
    });
    expect(byKey.status).toBe(200);
    expect(byKey.body.breakdown.map((g: { group: string; entered: number }) => [g.group, g.entered])).toEqual(
      [["web", 3]],
    );
  });

  it("lists the dropped units as JSON and as CSV", async () => {
    const res = await call("POST", path("/dropped"), { cookie: ws.ownerCookie, body: { ...body, step: 2 } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      total: 2,
      items: [
        { unit: customer, customerId: customer, reachedAt: at(2).toISOString() },
        { unit: "user:=cmd", customerId: null, reachedAt: at(4).toISOString() },
      ],
    });
    const limited = await call("POST", path("/dropped"), {
      cookie: ws.ownerCookie,
      body: { ...body, step: 2, limit: 1 },
    });
    expect(limited.body.items).toHaveLength(1);
    expect(limited.body.total).toBe(2);
    const csv = await call("POST", path("/dropped?format=csv"), {
      cookie: ws.ownerCookie,
      body: { ...body, step: 2 },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(
      String(csv.body)
        .replace(/^\uFEFF/, "")
        .trim()
        .split(/\r?\n/),
    ).toEqual([
      "unit,customer_id,reached_at",
      `${customer},${customer},${at(2).toISOString()}`,
      `user:=cmd,,${at(4).toISOString()}`,
    ]);
  });

  it("answers 400 naming the field for bad and hostile input, and changes nothing", async () => {
    const bad = async (b: unknown, p = path()) => {
      const res = await call("POST", p, { cookie: ws.ownerCookie, body: b });
      expect(res.status).toBe(400);
      return res.body.errors.map((e: { pointer: string }) => e.pointer);
    };
    const steps = body.steps;
    expect(await bad({ ...body, steps: [steps[0], { event: "X", where: "properties.total >" }] })).toEqual([
      "/body/steps/1/where",
    ]);
    expect(await bad({ ...body, steps: [{ event: "X", where: "events.x = 1 or 1 = 1" }, steps[1]] })).toEqual(
      ["/body/steps/0/where"],
    );
    expect(await bad({ ...body, timezone: "Mars/Phobos" })).toEqual(["/body/timezone"]);
    expect(await bad({ ...body, steps: [steps[0]] })).toEqual(["/body/steps"]);
    expect(await bad({ ...body, order: "sideways" })).toEqual(["/body/order"]);
    expect(await bad({ ...body, breakdown: { by: "property", path: "plan') OR 1=1 --" } })).toEqual([
      "/body/breakdown/path",
    ]);
    expect(await bad({ ...body, step: 3 }, path("/dropped"))).toEqual(["/body/step"]);
    expect(await bad({ ...body, step: 1, limit: 1001 }, path("/dropped"))).toEqual(["/body/limit"]);
    // A hostile event name is a bound value: it matches nothing and the events are still there.
    const hostile = await call("POST", path(), {
      cookie: ws.ownerCookie,
      body: { ...body, steps: [{ event: "x'; DROP TABLE events; --" }, steps[1]] },
    });
    expect(hostile.status).toBe(200);
    expect(hostile.body.entered).toBe(0);
    expect((await call("POST", path(), { cookie: ws.ownerCookie, body })).body.entered).toBe(3);
  });

  it("takes a touchpoint as a step (any of its matchers); foreign touchpoints are 404", async () => {
    const touchpoint = async (owner: SeededWorkspace, b: unknown) =>
      (
        await call("POST", `/api/v1/workspaces/${owner.workspaceId}/touchpoints`, {
          cookie: owner.ownerCookie,
          body: b,
        })
      ).body.id as string;
    const kasse = await touchpoint(ws, {
      name: "Kasse",
      eventMatchers: [{ event: "Cart Viewed" }, { event: "Checkout *" }],
    });
    const res = await call("POST", path(), {
      cookie: ws.ownerCookie,
      body: { ...body, steps: [body.steps[0], { touchpointId: kasse }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.steps.map((s: { label: string; reached: number }) => [s.label, s.reached])).toEqual([
      ["Product Viewed", 3],
      ["Kasse", 3],
    ]);
    expect(res.body.steps[1].medianSeconds).toBe(120);
    const empty = await touchpoint(ws, { name: "Ohne Ereignisse" });
    const none = await call("POST", path(), {
      cookie: ws.ownerCookie,
      body: { ...body, steps: [body.steps[0], { touchpointId: empty }] },
    });
    expect(none.status).toBe(400);
    expect(none.body.errors[0].pointer).toBe("/body/steps/1/touchpointId");
    const foreign = await touchpoint(other, {
      name: "Fremd",
      eventMatchers: [{ event: "Checkout Started" }],
    });
    const notFound = await call("POST", path(), {
      cookie: ws.ownerCookie,
      body: { ...body, steps: [body.steps[0], { touchpointId: foreign }] },
    });
    expect(notFound.status).toBe(404);
  });

  it("opens one case per dropped customer, once, and refuses a read key and foreign journeys", async () => {
    const request = { ...body, step: 2, title: "Checkout ohne Bestellung", priority: "high" };
    const first = await call("POST", path("/dropped/cases"), { cookie: ws.ownerCookie, body: request });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ units: 2, created: 2, attached: 0, unchanged: 0 });
    const cases = await stores.sor.db
      .selectFrom("cases as c")
      .innerJoin("case_signals as s", "s.case_id", "c.id")
      .select(["c.customer_id", "c.title", "c.priority", "s.kind", "s.summary"])
      .where("c.workspace_id", "=", ws.workspaceId)
      .where("s.kind", "=", "funnel_drop")
      .orderBy("c.customer_id")
      .execute();
    expect(cases.map((c) => [c.customer_id, c.title, c.priority])).toEqual(
      [
        [customer, "Checkout ohne Bestellung", "high"],
        ["user:=cmd", "Checkout ohne Bestellung", "high"],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(cases[0]?.summary).toContain("“Checkout Started”");
    // The same funnel and step again: nothing new.
    const again = await call("POST", path("/dropped/cases"), { cookie: ws.ownerCookie, body: request });
    expect(again.body).toMatchObject({ units: 2, created: 0, attached: 0, unchanged: 2 });
    expect(again.body.caseIds).toEqual(first.body.caseIds);
    const readOnly = await call("POST", path("/dropped/cases"), {
      bearer: await ws.key(["read"]),
      body: request,
    });
    expect(readOnly.status).toBe(403);
    const foreign = await call("POST", path("/dropped/cases"), {
      cookie: ws.ownerCookie,
      body: { ...request, journeyId: "01890000-0000-7000-8000-000000000000" },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(["/body/journeyId"]);
    expect(
      (await call("POST", path("/dropped/cases"), { cookie: other.ownerCookie, body: request })).status,
    ).toBe(404);
  });

  it("answers 404 for another workspace and 401 without credentials; documents both routes", async () => {
    expect((await call("POST", path(), { cookie: other.ownerCookie, body })).status).toBe(404);
    expect(
      (await call("POST", path("/dropped"), { cookie: other.ownerCookie, body: { ...body, step: 1 } }))
        .status,
    ).toBe(404);
    expect((await call("POST", path(), { body })).status).toBe(401);
    const doc = (await call("GET", "/api/openapi.json")).body;
    expect(doc.paths["/api/v1/workspaces/{workspaceId}/analytics/funnel"]?.post).toBeDefined();
    expect(doc.paths["/api/v1/workspaces/{workspaceId}/analytics/funnel/dropped"]?.post).toBeDefined();
  });
});
