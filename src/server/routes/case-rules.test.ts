import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshJourneyInstances } from "../../core/analytics/instances/refresh.js";
import { evaluateEventRules, evaluateFeedbackRules } from "../../core/case-rules/evaluate-rules.js";
import { applyIdentity } from "../../core/customers/apply-identity.js";
import { ZIdentityPayload } from "../../core/customers/identity-payload.js";
import type { EventRow } from "../../core/events/event-row.js";
import type { Stores } from "../../core/stores.js";
import { trackEvent } from "../../testing/analytics-events.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { drainOutbox } from "../../testing/drain-outbox.js";
import { createMappedJourney } from "../../testing/journey-fixture.js";
import { storeVariants } from "../../testing/stores.js";

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe.each(storeVariants().map((v) => [v.name, v] as const))("case rules on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let other: SeededWorkspace;
  let call: ReturnType<typeof client>;
  const api = (w: SeededWorkspace, method: string, suffix: string, body?: unknown) =>
    call(method, `/api/v1/workspaces/${w.workspaceId}${suffix}`, {
      cookie: w.ownerCookie,
      ...(body !== undefined && { body }),
    });
  const createRule = async (rule: Record<string, unknown>) => {
    const res = await api(ws, "POST", "/case-rules", rule);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  /** The workspace's cases with their signals, by rule. */
  const casesOf = async (ruleIds: string[]) => {
    const rows = await stores.sor.db
      .selectFrom("case_signals as s")
      .innerJoin("cases as c", "c.id", "s.case_id")
      .select([
        "c.id",
        "c.customer_id",
        "c.journey_id",
        "c.instance_key",
        "c.priority",
        "c.aspect",
        "s.kind",
        "s.ref",
      ])
      .where("c.workspace_id", "=", ws.workspaceId)
      .where("s.rule_id", "in", ruleIds)
      .orderBy("s.created_at")
      .execute();
    const byCase = new Map<string, typeof rows>();
    for (const r of rows) byCase.set(r.id, [...(byCase.get(r.id) ?? []), r]);
    return [...byCase.values()];
  };
  type Cases = Awaited<ReturnType<typeof casesOf>>;
  /** Customer → the kinds of the signals of their one case (fails when a customer has two cases). */
  const summary = (cases: Cases) => {
    const out: Record<string, string[]> = {};
    for (const c of cases) {
      const customer = c[0]?.customer_id ?? "none";
      expect(out[customer], `two cases for ${customer}`).toBeUndefined();
      out[customer] = c.map((s) => s.kind);
    }
    return out;
  };
  const byCustomer = (cases: Cases, customer: string) =>
    cases.find((c) => c[0]?.customer_id === customer) ?? [];
  const writeEvents = async (rows: EventRow[]) => {
    await stores.facts.insert("events", rows);
  };
  const stitch = async (userId: string) =>
    applyIdentity(
      stores,
      ws.workspaceId,
      ZIdentityPayload.parse({
        ids: [{ userId, firstSeen: ago(30), lastSeen: ago(0) }],
        identifies: [],
        aliases: [],
      }),
    );
  const customerOf = async (userId: string) =>
    (
      await stores.sor.db
        .selectFrom("customer_identities")
        .select("customer_id")
        .where("workspace_id", "=", ws.workspaceId)
        .where("distinct_id", "=", `user:${userId}`)
        .executeTakeFirstOrThrow()
    ).customer_id;

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Stadtwerke");
    other = await seedWorkspace(stores, "Fremd");
    call = client(testApp(stores));
  });
  afterAll(() => stores.close());

  it("validates conditions, names bad fields, and answers 404 for another workspace's rule", async () => {
    const hostile = await api(ws, "POST", "/case-rules", {
      name: "Böse",
      kind: "event",
      condition: {
        events: ["Delivery Failed"],
        count: 0,
        where: [
          { field: "properties.__proto__", op: "=", value: 1 },
          { field: "constructor.name", op: "=", value: "x" },
          { field: "properties.fee", op: "; DROP TABLE cases", value: 1 },
          { field: "properties.plan", op: "in", value: "premium" },
          { field: "properties.plan", op: "exists", value: 1 },
        ],
      },
    });
    expect(hostile.status).toBe(400);
    expect(hostile.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(
      [
        "/body/condition/count",
        "/body/condition/where/0/field",
        "/body/condition/where/1/field",
        "/body/condition/where/2/op",
        "/body/condition/where/3/value",
        "/body/condition/where/4/value",
      ].sort(),
    );
    const badKind = await api(ws, "POST", "/case-rules", { name: "X", kind: "sql", condition: {} });
    expect(badKind.status).toBe(400);
    expect(badKind.body.errors[0].pointer).toBe("/body/kind");
    const foreignTouchpoint = await api(other, "POST", "/touchpoints", { name: "Fremder Touchpoint" });
    const refs = await api(ws, "POST", "/case-rules", {
      name: "Hängt",
      kind: "stuck",
      touchpointId: foreignTouchpoint.body.id,
      condition: { defaultTargetHours: 24 },
    });
    expect(refs.status).toBe(400);
    expect(refs.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      "/body/touchpointId",
      "/body/journeyId",
    ]);

    const id = await createRule({
      name: "Detraktor",
      kind: "feedback",
      condition: { match: { type: "rating", metric: "nps", op: "<=", value: 6 } },
      enabled: false,
    });
    const badPatch = await api(ws, "PATCH", `/case-rules/${id}`, {
      condition: { match: { type: "rating", metric: "nps", op: "<=", value: "sechs" } },
    });
    expect(badPatch.status).toBe(400);
    expect(badPatch.body.errors[0].pointer).toBe("/body/condition/match/value");
    const patched = await api(ws, "PATCH", `/case-rules/${id}`, { priority: "urgent", name: "Detraktor!" });
    expect(patched.body).toMatchObject({
      kind: "feedback",
      priority: "urgent",
      name: "Detraktor!",
      enabled: false,
    });
    expect(
      (await api(ws, "GET", "/case-rules?kind=feedback")).body.items.map((r: { id: string }) => r.id),
    ).toContain(id);

    for (const [method, suffix, body] of [
      ["GET", `/case-rules/${id}`, undefined],
      ["PATCH", `/case-rules/${id}`, { enabled: true }],
      ["POST", `/case-rules/${id}/test`, undefined],
      ["DELETE", `/case-rules/${id}`, undefined],
    ] as const)
      expect((await api(other, method, suffix, body)).status, `${method} ${suffix}`).toBe(404);
    expect((await api(ws, "GET", `/case-rules/${id}`)).body.enabled).toBe(false);
    expect((await api(ws, "DELETE", `/case-rules/${id}`)).status).toBe(204);
    expect((await api(ws, "GET", `/case-rules/${id}`)).status).toBe(404);
  });

  it("feedback rules: one case per customer problem, a second signal attaches, a replay adds nothing", async () => {
    const nps = await createRule({
      name: "Detraktor (NPS ≤ 6)",
      kind: "feedback",
      priority: "high",
      condition: { match: { type: "rating", metric: "nps", op: "<=", value: 6 } },
    });
    const keyword = await createRule({
      name: "Kündigung angedroht",
      kind: "feedback",
      priority: "urgent",
      condition: { match: { type: "keyword", keywords: ["kündigen"] } },
    });
    const aspect = await createRule({
      name: "Ärger über die Lieferung",
      kind: "feedback",
      condition: { match: { type: "sentiment", polarity: "negative", aspect: "delivery" } },
    });
    const post = async (items: Record<string, unknown>[]) => {
      const res = await api(ws, "POST", "/feedback", { items });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      await drainOutbox(stores);
      return res.body.items.map((i: { id: string }) => i.id) as string[];
    };
    const first = await post([
      {
        channel: "email",
        customer: { userId: "F-1" },
        ratings: [{ metric: "nps", value: 3 }],
        text: "Na ja.",
      },
      { channel: "email", customer: { userId: "F-2" }, ratings: [{ metric: "nps", value: 9 }], text: "Gut." },
      {
        channel: "chat",
        customer: { userId: "F-3" },
        text: "Die Lieferung war eine Katastrophe, das Paket kam beschädigt an. Furchtbar!",
      },
    ]);
    let cases = await casesOf([nps, keyword, aspect]);
    expect(summary(cases)).toEqual({ "user:F-1": ["feedback"], "user:F-3": ["feedback"] });
    expect(byCustomer(cases, "user:F-1")[0]).toMatchObject({ priority: "high", ref: first[0] });
    expect(byCustomer(cases, "user:F-3")[0]).toMatchObject({ aspect: "delivery", ref: first[2] });

    // The same customer again, through another rule: it attaches to the open case.
    const second = await post([
      { channel: "chat", customer: { userId: "F-1" }, text: "Wenn das so bleibt, werde ich kündigen." },
    ]);
    cases = await casesOf([nps, keyword, aspect]);
    expect(cases).toHaveLength(2);
    expect(byCustomer(cases, "user:F-1").map((s) => s.ref)).toEqual([first[0], second[0]]);
    // Which case did a feedback record open or join: the list filters by a signal's source.
    const bySignal = async (ref: string) =>
      ((await api(ws, "GET", `/cases?signalRef=${ref}`)).body.items as { customerId: string }[]).map(
        (c) => c.customerId,
      );
    expect(await bySignal(second[0] as string)).toEqual(["user:F-1"]);
    expect(await bySignal(first[2] as string)).toEqual(["user:F-3"]);
    expect(await bySignal(first[1] as string)).toEqual([]);

    const replay = await evaluateFeedbackRules(stores, ws.workspaceId, [...first, ...second]);
    expect(replay).toEqual({ signals: 3, created: 0, attached: 3 });
    expect((await casesOf([nps, keyword, aspect])).flat()).toHaveLength(3);
    for (const id of [nps, keyword, aspect]) await api(ws, "PATCH", `/case-rules/${id}`, { enabled: false });
  });

  it("event and repeat-contact rules: windows over events, dry run, attach, re-runs add nothing", async () => {
    const failed = await createRule({
      name: "Zustellung zweimal gescheitert",
      kind: "event",
      priority: "high",
      condition: {
        events: ["Delivery Failed"],
        count: 2,
        withinDays: 7,
        where: [{ field: "properties.carrier", op: "in", value: ["DHL", "Hermes"] }],
      },
    });
    const fee = await createRule({
      name: "Gebühr trotz Erlass",
      kind: "event",
      condition: {
        events: ["Fee Charged"],
        where: [
          { field: "properties.fee", op: "=", value: "move" },
          { field: "customer.traits.plan", op: "=", value: "Premium" },
        ],
      },
    });
    const repeat = await createRule({
      name: "Wiederholte Kontakte",
      kind: "repeat_contacts",
      condition: { minContacts: 3, withinDays: 14 },
    });
    const w = ws.workspaceId;
    await stitch("E-1");
    await applyIdentity(
      stores,
      w,
      ZIdentityPayload.parse({
        ids: [{ userId: "E-4", firstSeen: ago(30), lastSeen: ago(0) }],
        identifies: [{ messageId: "id-e4", userId: "E-4", traits: { plan: "Premium" }, timestamp: ago(20) }],
        aliases: [],
      }),
    );
    await writeEvents([
      trackEvent(w, ago(5), { userId: "E-1" }, "Delivery Failed", { carrier: "DHL" }),
      trackEvent(w, ago(3), { userId: "E-1" }, "Delivery Failed", { carrier: "Hermes" }),
      // Outside the window, or the wrong carrier: no case.
      trackEvent(w, ago(20), { userId: "E-2" }, "Delivery Failed", { carrier: "DHL" }),
      trackEvent(w, ago(2), { userId: "E-2" }, "Delivery Failed", { carrier: "DHL" }),
      trackEvent(w, ago(4), { userId: "E-3" }, "Delivery Failed", { carrier: "UPS" }),
      trackEvent(w, ago(3), { userId: "E-3" }, "Delivery Failed", { carrier: "UPS" }),
      // A fee the plan waives: only the Premium customer.
      trackEvent(w, ago(1), { userId: "E-4" }, "Fee Charged", { fee: "move" }),
      trackEvent(w, ago(1), { userId: "E-5" }, "Fee Charged", { fee: "move" }),
      // Three contacts within 14 days (E-6), three spread over 30 days (E-7).
      trackEvent(w, ago(12), { userId: "E-6" }, "Call Ended"),
      trackEvent(w, ago(8), { userId: "E-6" }, "Chat Ended"),
      trackEvent(w, ago(1), { userId: "E-6" }, "Call Ended"),
      trackEvent(w, ago(29), { userId: "E-7" }, "Call Ended"),
      trackEvent(w, ago(15), { userId: "E-7" }, "Call Ended"),
      trackEvent(w, ago(1), { userId: "E-7" }, "Call Ended"),
    ]);

    const dry = await api(ws, "POST", `/case-rules/${failed}/test?days=10`);
    expect(dry.status).toBe(200);
    expect(dry.body.matches).toHaveLength(1);
    expect(dry.body.matches[0]).toMatchObject({ customerId: await customerOf("E-1"), existingCaseId: null });
    expect(await casesOf([failed])).toHaveLength(0);

    expect(await evaluateEventRules(stores, w)).toMatchObject({ created: 3, attached: 0 });
    const e1 = await customerOf("E-1");
    const e4 = await customerOf("E-4");
    let cases = await casesOf([failed, fee, repeat]);
    expect(summary(cases)).toEqual({ [e1]: ["event"], [e4]: ["event"], "user:E-6": ["repeat_contacts"] });
    const again = await api(ws, "POST", `/case-rules/${failed}/test?days=10`);
    expect(again.body.matches[0].existingCaseId).toBe(byCustomer(cases, e1)[0]?.id);

    // A third failed delivery and a fourth contact: new signals, attached to the open cases.
    await writeEvents([
      trackEvent(w, ago(0.5), { userId: "E-1" }, "Delivery Failed", { carrier: "DHL" }),
      trackEvent(w, ago(0.5), { userId: "E-6" }, "Email Received"),
    ]);
    expect(await evaluateEventRules(stores, w)).toMatchObject({ created: 0 });
    cases = await casesOf([failed, fee, repeat]);
    expect(summary(cases)).toEqual({
      [e1]: ["event", "event"],
      [e4]: ["event"],
      "user:E-6": ["repeat_contacts", "repeat_contacts"],
    });
    expect(await evaluateEventRules(stores, w)).toMatchObject({ created: 0 });
    expect((await casesOf([failed, fee, repeat])).flat()).toHaveLength(5);
    for (const id of [failed, fee, repeat]) await api(ws, "PATCH", `/case-rules/${id}`, { enabled: false });
  });

  it("stuck rules: an instance over its stage target opens one case; a journey-linked event attaches", async () => {
    const w = ws.workspaceId;
    const { journey } = await createMappedJourney(stores, w, "Bestellung", [
      { name: "Kauf", steps: [{ title: "Bestellt", matchers: [{ event: "Order Placed" }] }] },
      { name: "Versand", steps: [{ title: "Versandt", matchers: [{ event: "Shipment Dispatched" }] }] },
      { name: "Abschluss", steps: [{ title: "Zugestellt", matchers: [{ event: "Order Delivered" }] }] },
    ]);
    const shipping = journey.document.stages[1]?.id as string;
    const stuck = await createRule({
      name: "Hängt im Versand",
      kind: "stuck",
      journeyId: journey.id,
      condition: { stageTargets: [{ stageId: shipping, targetHours: 48 }] },
    });
    const address = await createRule({
      name: "Versand an alte Adresse",
      kind: "event",
      journeyId: journey.id,
      condition: {
        events: ["Shipment Dispatched"],
        where: [{ field: "properties.oldAddress", op: "=", value: true }],
      },
    });
    await stitch("S-1");
    await writeEvents([
      trackEvent(w, ago(6), { userId: "S-1" }, "Order Placed"),
      trackEvent(w, ago(4), { userId: "S-1" }, "Shipment Dispatched", { oldAddress: true }),
      // Delivered: not stuck. Shipped yesterday: within the target.
      trackEvent(w, ago(6), { userId: "S-2" }, "Order Placed"),
      trackEvent(w, ago(5), { userId: "S-2" }, "Shipment Dispatched"),
      trackEvent(w, ago(3), { userId: "S-2" }, "Order Delivered"),
      trackEvent(w, ago(2), { userId: "S-3" }, "Order Placed"),
      trackEvent(w, ago(1), { userId: "S-3" }, "Shipment Dispatched"),
    ]);
    await refreshJourneyInstances(stores, w);

    const dry = await api(ws, "POST", `/case-rules/${stuck}/test`);
    expect(dry.body.matches.map((m: { customerId: string }) => m.customerId)).toEqual([
      await customerOf("S-1"),
    ]);
    expect(await evaluateEventRules(stores, w)).toMatchObject({ created: 1, attached: 1 });
    const cases = await casesOf([stuck, address]);
    expect(cases).toHaveLength(1);
    expect(cases[0]?.map((s) => s.kind).sort()).toEqual(["event", "stuck"]);
    expect(cases[0]?.[0]).toMatchObject({
      customer_id: await customerOf("S-1"),
      journey_id: journey.id,
      instance_key: "0",
    });
    expect(await evaluateEventRules(stores, w)).toMatchObject({ created: 0 });
    expect((await casesOf([stuck, address])).flat()).toHaveLength(2);
  });
});
