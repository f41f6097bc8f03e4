import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultAppConfig } from "../../core/config.js";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { drainOutbox } from "../../testing/drain-outbox.js";
import { type FactRating, feedbackFact } from "../../testing/feedback-facts.js";
import { createMappedJourney } from "../../testing/journey-fixture.js";
import { storeVariants } from "../../testing/stores.js";
import { textFact } from "../../testing/text-facts.js";

const RANGE = { from: "2026-10-01T00:00:00Z", to: "2026-12-01T00:00:00Z" };
const AT = "2026-11-10T10:00:00.000Z";

/*
 * The fixture, computed by hand (docs/api/measure-the-gap.md §2):
 *
 * touchpoint   owner    internal  customer ratings (→ 1–5)                 measured  gap    records
 * Bestellung   analyst  4         CSAT 4, 4, 5 (by touchpoint)             4.33      −0.33  3
 * Lieferung    analyst  5         NPS 0 → 1, NPS 5 → 3, CSAT 2 (by step)   2.00      3.00   3
 * Aktivierung  creator  2         CES 7 → 5, CSAT 5                        5.00      −3.00  2
 * Rechnung     viewer   5         CSAT 3                                   3.00      2.00   1
 *
 * Importance (volume): 3/9, 3/9, 2/9, 1/9; median (2/9 + 3/9)/2 = 0.2778, so Bestellung and Lieferung
 * are important. Threshold 0.5: Lieferung blindspot, Rechnung over-rated, Bestellung aligned,
 * Aktivierung under-rated. Internal good (≥ 4): 3 of 4 = 75 %; customers good (top-2 box, NPS
 * promoters, CES 5–7): 3 + 0 + 2 + 0 = 5 of 9 = 55.6 %.
 */
describe.each(storeVariants().map((v) => [v.name, v] as const))("gap routes on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let other: SeededWorkspace;
  let call: ReturnType<typeof client>;
  let journeyId: string;
  let foreignJourneyId: string;
  let tp: Record<string, string>;
  let stepIds: Record<string, string>;
  let analyst: { userId: string; cookie: string };
  let viewer: { userId: string; cookie: string };
  let roundId: string;
  let assessmentOf: Record<string, string>;
  let relay: Server;
  let relayUrl: string;
  const received: { headers: IncomingHttpHeaders; body: Record<string, unknown> }[] = [];
  const path = (p: string, w = ws) => `/api/v1/workspaces/${w.workspaceId}/gap${p}`;

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Gap");
    other = await seedWorkspace(stores, "Other");
    call = client(testApp(stores));
    analyst = await ws.member("analyst");
    viewer = await ws.member("viewer");
    const stages = [
      {
        name: "Bestellen",
        steps: [
          { title: "Bestellung", matchers: [{ event: "Order Submitted" }] },
          { title: "Lieferung", matchers: [{ event: "Hardware Delivered" }] },
        ],
      },
      {
        name: "Nutzen",
        steps: [
          { title: "Aktivierung", matchers: [{ event: "Router Activated" }] },
          { title: "Rechnung", matchers: [{ event: "Invoice Sent" }] },
        ],
      },
    ];
    const made = await createMappedJourney(stores, ws.workspaceId, "Umzug", stages);
    journeyId = made.journey.id;
    tp = made.touchpointIds;
    stepIds = made.stepIds;
    foreignJourneyId = (await createMappedJourney(stores, other.workspaceId, "Fremd", stages)).journey.id;
    const patch = async (id: string, body: unknown) =>
      expect(
        (
          await call("PATCH", `/api/v1/workspaces/${ws.workspaceId}/touchpoints/${id}`, {
            cookie: ws.ownerCookie,
            body,
          })
        ).status,
      ).toBe(200);
    await patch(tp.Bestellung as string, { owner: { type: "user", userId: analyst.userId } });
    await patch(tp.Lieferung as string, { owner: { type: "user", userId: analyst.userId } });
    await patch(tp.Aktivierung as string, { owner: { type: "team", name: "Technik" } });
    // A name that starts like a spreadsheet formula, for the CSV export.
    await patch(tp.Rechnung as string, { name: "=Rechnung", owner: { type: "user", userId: viewer.userId } });

    const w = ws.workspaceId;
    const byTouchpoint = (id: string, ratings: FactRating[], extra = {}) =>
      feedbackFact(w, { touchpoint_id: id, ratings, at: AT, ...extra });
    const byStep = (step: string, ratings: FactRating[]) =>
      feedbackFact(w, { journey_id: journeyId, step_id: stepIds[step] as string, ratings, at: AT });
    const unrated = feedbackFact(w, { touchpoint_id: tp.Rechnung as string, at: AT });
    await stores.facts.insert("feedback", [
      byTouchpoint(tp.Bestellung as string, [{ metric: "csat", value: 4 }]),
      byTouchpoint(tp.Bestellung as string, [{ metric: "csat", value: 4 }]),
      byTouchpoint(tp.Bestellung as string, [{ metric: "csat", value: 5 }]),
      byStep("Lieferung", [{ metric: "nps", value: 0 }]),
      byStep("Lieferung", [{ metric: "nps", value: 5 }]),
      byStep("Lieferung", [{ metric: "csat", value: 2 }]),
      byTouchpoint(tp.Aktivierung as string, [{ metric: "ces", value: 7 }]),
      byTouchpoint(tp.Aktivierung as string, [{ metric: "csat", value: 5 }]),
      byTouchpoint(tp.Rechnung as string, [{ metric: "csat", value: 3 }]),
      // Not counted: outside the range, flagged, unfinished, another workspace.
      feedbackFact(w, {
        touchpoint_id: tp.Lieferung as string,
        ratings: [{ metric: "csat", value: 5 }],
        at: "2026-09-01T10:00:00.000Z",
      }),
      byTouchpoint(tp.Lieferung as string, [{ metric: "csat", value: 5 }], { flagged: 1 }),
      byTouchpoint(tp.Lieferung as string, [{ metric: "csat", value: 5 }], { finished: 0 }),
      feedbackFact(other.workspaceId, {
        touchpoint_id: tp.Lieferung as string,
        ratings: [{ metric: "csat", value: 5 }],
        at: AT,
      }),
      // Without a rating: counts only with includeSentiment (score 0.5 → 3 + 2 · 0.5 = 4).
      unrated,
    ]);
    await stores.facts.insert("feedback_text", [
      {
        ...textFact(w, new Date(AT), { polarity: 1, id: unrated.feedback_id }),
        touchpoint_id: tp.Rechnung as string,
      },
    ]);

    relay = createServer((req, res) => {
      let data = "";
      req.on("data", (c) => {
        data += c;
      });
      req.on("end", () => {
        received.push({ headers: req.headers, body: JSON.parse(data) });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
    relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/mail`;
  });
  afterAll(async () => {
    await new Promise((resolve) => relay.close(resolve));
    await stores.close();
  });

  it("uses the touchpoints' stored self-assessment while no round exists", async () => {
    const rated = await call("PATCH", `/api/v1/workspaces/${ws.workspaceId}/touchpoints/${tp.Lieferung}`, {
      cookie: ws.ownerCookie,
      body: { internalRating: 4.5 },
    });
    expect(rated.status).toBe(200);
    const res = await call("POST", path(""), { cookie: viewer.cookie, body: { ...RANGE, journeyId } });
    expect(res.status).toBe(200);
    expect(res.body.round).toBeNull();
    const delivery = res.body.touchpoints.find((t: { name: string }) => t.name === "Umzug: Lieferung");
    // 4.5 − mean(1, 3, 2) = 2.5
    expect(delivery).toMatchObject({ internal: { n: 1, value: 4.5 }, gap: { value: 2.5 } });
    expect(res.body.statement).toMatchObject({ raters: 1, internalRatings: 1, internalGoodPercent: 100 });
  });

  it("starts a round for a journey: one open assessment per touchpoint, for its owner or the creator", async () => {
    const res = await call("POST", path("/rounds"), {
      cookie: ws.ownerCookie,
      body: { title: "Umzug Q4", journeyId, dueAt: "2026-12-04T17:00:00+01:00" },
    });
    expect(res.status).toBe(201);
    roundId = res.body.id;
    expect(res.body).toMatchObject({
      scope: "journey",
      journeyId,
      status: "open",
      createdBy: ws.ownerId,
      dueAt: "2026-12-04T16:00:00.000Z",
      reminderChannel: "alert",
      meanRating: null,
      progress: { assessments: 4, answered: 0, share: 0, owners: 3, ownersWithOpen: 3 },
    });
    const owners = Object.fromEntries(
      res.body.assessments.map((a: { touchpoint: { id: string }; owner: { userId: string } }) => [
        a.touchpoint.id,
        a.owner.userId,
      ]),
    );
    expect(owners).toEqual({
      [tp.Bestellung as string]: analyst.userId,
      [tp.Lieferung as string]: analyst.userId,
      [tp.Aktivierung as string]: ws.ownerId, // a team owns it: the creator answers
      [tp.Rechnung as string]: viewer.userId,
    });
    assessmentOf = Object.fromEntries(
      res.body.assessments.map((a: { id: string; touchpoint: { id: string } }) => [a.touchpoint.id, a.id]),
    );
    const list = await call("GET", path("/rounds"), { cookie: viewer.cookie });
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([roundId]);
  });

  it("names each failing field with 400, and answers 404 for another workspace's ids", async () => {
    const bad = await call("POST", path("/rounds"), {
      cookie: ws.ownerCookie,
      body: { title: " ", dueAt: "soon", reminderRelay: { url: "ftp://x", secret: "short" } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      "/body/dueAt",
      "/body/reminderRelay/secret",
      "/body/reminderRelay/url",
      "/body/title",
    ]);
    const badAnswer = await call("PUT", path(`/assessments/${assessmentOf[tp.Bestellung as string]}`), {
      cookie: analyst.cookie,
      body: { rating: 6, predicted: { metric: "nps", value: 10 } },
    });
    expect(badAnswer.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(["/body/rating"]);
    const badNps = await call("PUT", path(`/assessments/${assessmentOf[tp.Bestellung as string]}`), {
      cookie: analyst.cookie,
      body: { rating: 4, predicted: { metric: "nps", value: 150 } },
    });
    expect(badNps.status).toBe(400);
    expect(badNps.body.errors[0].pointer).toBe("/body/predicted/value");
    const badReport = await call("POST", path(""), {
      cookie: ws.ownerCookie,
      body: { threshold: 0, importance: "x" },
    });
    expect(badReport.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      "/body/importance",
      "/body/threshold",
    ]);

    const foreign = await call("POST", path("/rounds", other), {
      cookie: other.ownerCookie,
      body: { title: "Fremd", journeyId: foreignJourneyId },
    });
    expect(foreign.status).toBe(201);
    const foreignAssessment = foreign.body.assessments[0].id as string;
    for (const [method, p, body] of [
      ["GET", `/rounds/${foreign.body.id}`, undefined],
      ["POST", `/rounds/${foreign.body.id}/close`, undefined],
      ["POST", `/rounds/${foreign.body.id}/remind`, undefined],
      ["DELETE", `/rounds/${foreign.body.id}`, undefined],
      ["PUT", `/assessments/${foreignAssessment}`, { rating: 3 }],
      ["POST", "/rounds", { title: "x", journeyId: foreignJourneyId }],
      ["POST", "", { roundId: foreign.body.id }],
      ["POST", "", { journeyId: foreignJourneyId }],
      ["GET", "/rounds/not-a-uuid", undefined],
    ] as const)
      expect([p, (await call(method, path(p), { cookie: ws.ownerCookie, body })).status]).toEqual([p, 404]);
  });

  it("lets only the owner (or an admin) answer, and lists each person's open assessments", async () => {
    const mine = await call("GET", path("/assessments/mine"), { cookie: analyst.cookie });
    expect(mine.body.items.map((a: { touchpoint: { name: string } }) => a.touchpoint.name)).toEqual([
      "Umzug: Bestellung",
      "Umzug: Lieferung",
    ]);
    const notMine = await call("PUT", path(`/assessments/${assessmentOf[tp.Rechnung as string]}`), {
      cookie: analyst.cookie,
      body: { rating: 1 },
    });
    expect(notMine.status).toBe(403);
    const viewerCreates = await call("POST", path("/rounds"), {
      cookie: viewer.cookie,
      body: { title: "x" },
    });
    expect(viewerCreates.status).toBe(403);

    const answer = (id: string, cookie: string, body: unknown) =>
      call("PUT", path(`/assessments/${assessmentOf[id]}`), { cookie, body });
    expect((await answer(tp.Bestellung as string, analyst.cookie, { rating: 4 })).status).toBe(200);
    const delivery = await answer(tp.Lieferung as string, analyst.cookie, {
      rating: 5,
      predicted: { metric: "csat", value: 90 },
      comment: "  Die Lieferung klappt fast immer.  ",
    });
    expect(delivery.status).toBe(200);
    expect(delivery.body).toMatchObject({
      rating: 5,
      predicted: { metric: "csat", value: 90 },
      comment: "Die Lieferung klappt fast immer.",
      answeredBy: analyst.userId,
    });
    // The viewer owns Rechnung and may answer it with a read-only role.
    expect((await answer(tp.Rechnung as string, viewer.cookie, { rating: 5 })).status).toBe(200);
    expect((await call("GET", path("/assessments/mine"), { cookie: analyst.cookie })).body.items).toEqual([]);
    const all = await call("GET", path("/assessments/mine?status=all"), { cookie: analyst.cookie });
    expect(all.body.items).toHaveLength(2);
    const keyMine = await call("GET", path("/assessments/mine"), { bearer: await ws.key(["read"]) });
    expect(keyMine.status).toBe(403);
  });

  it("reminds each owner with open assessments once, as an in-app alert or through the mail relay", async () => {
    const res = await call("POST", path(`/rounds/${roundId}/remind`), { cookie: ws.ownerCookie });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      channel: "alert",
      reminders: [{ id: expect.any(String), userId: ws.ownerId, open: 1 }],
    });
    await drainOutbox(stores);
    const alerts = await call("GET", `/api/v1/workspaces/${ws.workspaceId}/alerts`, {
      cookie: ws.ownerCookie,
    });
    const reminder = alerts.body.items.find((a: { kind: string }) => a.kind === "assessment_reminder");
    expect(reminder.details).toMatchObject({ roundId, userId: ws.ownerId, open: 1, roundTitle: "Umzug Q4" });

    const mailed = await call("PATCH", path(`/rounds/${roundId}`), {
      cookie: ws.ownerCookie,
      body: { reminderRelay: { url: relayUrl, secret: "whsec_0123456789abcdef0123" } },
    });
    expect(mailed.body.reminderChannel).toBe("email");
    await call("POST", path(`/rounds/${roundId}/remind`), { cookie: ws.ownerCookie });
    await drainOutbox(
      stores,
      defaultAppConfig({ webhooks: { allowPrivateAddresses: true, timeoutMs: 5000 } }),
    );
    expect(received).toHaveLength(1);
    expect(received[0]?.body).toMatchObject({ to: expect.stringMatching(/^owner-.*@example\.com$/) });
    expect(String(received[0]?.body.text)).toContain("one touchpoint still waits for your assessment");
    expect(received[0]?.headers["webhook-signature"]).toMatch(/^v1,/);
    const audit = await stores.sor.db
      .selectFrom("audit_log")
      .select("action")
      .where("workspace_id", "=", ws.workspaceId)
      .where("target_type", "in", ["assessment_round", "assessment"])
      .execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set([
        "assessment_round.create",
        "assessment.submit",
        "assessment_round.remind",
        "assessment_round.update",
      ]),
    );
  });

  it("computes the gap and the blindspot classes as computed by hand", async () => {
    // The owner answers the creator's assessment of Aktivierung.
    const own = await call("PUT", path(`/assessments/${assessmentOf[tp.Aktivierung as string]}`), {
      cookie: ws.ownerCookie,
      body: { rating: 2, predicted: { metric: "nps", value: -10 } },
    });
    expect(own.status).toBe(200);
    const res = await call("POST", path(""), {
      cookie: viewer.cookie,
      body: { ...RANGE, roundId, importance: "volume" },
    });
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.round).toMatchObject({ id: roundId, status: "open" });
    expect(r.importance).toEqual({ source: "volume", used: "volume", median: 0.2778 });
    expect(
      r.touchpoints.map((t: { name: string; class: string; gap: { value: number } }) => [
        t.name,
        t.class,
        t.gap.value,
      ]),
    ).toEqual([
      ["Umzug: Lieferung", "blindspot", 3],
      ["=Rechnung", "over_rated", 2],
      ["Umzug: Bestellung", "aligned", -0.33],
      ["Umzug: Aktivierung", "under_rated", -3],
    ]);
    const [delivery, invoice, order, activation] = r.touchpoints;
    expect(delivery).toMatchObject({
      owner: { userId: analyst.userId, name: "analyst", team: null },
      importance: 0.3333,
      important: true,
      internal: { n: 1, value: 5, interval: null },
      measured: { n: 3, value: 2, interval: { low: 1, high: 3.13, method: "normal_mean" } },
      feedback: 3,
      gap: { value: 3, interval: { low: 1.87, high: 4.13, method: "welch_normal" } },
      customerGood: { n: 3, value: 0 },
      comments: ["Die Lieferung klappt fast immer."],
      predicted: { csat: { n: 1, value: 90 }, nps: { n: 0, value: null } },
    });
    expect(order).toMatchObject({
      importance: 0.3333,
      measured: { n: 3, value: 4.33, interval: { low: 3.68, high: 4.99 } },
      gap: { value: -0.33, interval: { low: -0.99, high: 0.32 } },
      customerGood: { n: 3, value: 100 },
    });
    expect(invoice).toMatchObject({
      importance: 0.1111,
      important: false,
      gap: { value: 2, interval: null },
    });
    expect(activation).toMatchObject({
      owner: { userId: ws.ownerId, team: "Technik" },
      importance: 0.2222,
      measured: { n: 2, value: 5 },
      customerGood: { n: 2, value: 100 },
      predicted: { nps: { n: 1, value: -10 } },
    });
    expect(r.steps.map((s: { title: string; gap: { value: number } }) => [s.title, s.gap.value])).toEqual([
      ["Bestellung", -0.33],
      ["Lieferung", 3],
      ["Aktivierung", -3],
      ["Rechnung", 2],
    ]);
    expect(r.stages[0]).toMatchObject({
      title: "Bestellen",
      internal: { n: 2, value: 4.5, interval: { low: 3.52, high: 5 } },
      measured: { n: 6, value: 3.17 },
      gap: { value: 1.33, interval: { low: -0.2, high: 2.87 } },
    });
    expect(r.journey).toMatchObject({
      title: "Umzug",
      internal: { n: 4, value: 4, interval: { low: 2.61, high: 5 } },
      measured: { n: 9, value: 3.56, interval: { low: 2.63, high: 4.49 } },
      feedback: 9,
      gap: { value: 0.44, interval: { low: -1.22, high: 2.11 } },
    });
    expect(r.statement).toMatchObject({
      internalGoodPercent: 75,
      customerGoodPercent: 55.6,
      raters: 3,
      internalRatings: 4,
      customerRatings: 9,
    });
    expect(r.statement.customerGood.interval.method).toBe("wilson");

    // A higher threshold turns the over-rated Rechnung (gap 2) aligned; sentiment adds one rating of 4.
    const strict = await call("POST", path(""), {
      cookie: viewer.cookie,
      body: { ...RANGE, roundId, threshold: 2.5, includeSentiment: true, importance: "volume" },
    });
    const invoiceStrict = strict.body.touchpoints.find((t: { name: string }) => t.name === "=Rechnung");
    expect(invoiceStrict).toMatchObject({
      class: "aligned",
      measured: { n: 2, value: 3.5, interval: { low: 2.52, high: 4.48 } },
      gap: { value: 1.5, interval: { low: 0.52, high: 2.48 } },
      feedback: 2,
    });
  });

  it("exports the same report as CSV with formula-like text escaped", async () => {
    const res = await call("POST", path("/export"), {
      cookie: viewer.cookie,
      body: { ...RANGE, roundId, importance: "volume" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = String(res.body)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toBe(
      "level,id,name,owner,class,importance,internal_n,internal_mean,internal_low,internal_high,measured_n," +
        "measured_mean,measured_low,measured_high,feedback,gap,gap_low,gap_high,internal_good_percent,customer_good_percent",
    );
    expect(lines[1]).toBe(
      `touchpoint,${tp.Lieferung},Umzug: Lieferung,analyst,blindspot,0.3333,1,5,,,3,2,1,3.13,3,3,1.87,4.13,100,0`,
    );
    expect(lines[2]).toContain(",'=Rechnung,");
    expect(lines.at(-1)).toMatch(
      /^journey,.*,Umzug,,,,4,4,2.61,5,9,3.56,2.63,4.49,9,0.44,-1.22,2.11,75,55.6$/,
    );
  });

  it("closes a round: internal ratings take the round's mean, the round is kept and stays the default", async () => {
    const closed = await call("POST", path(`/rounds/${roundId}/close`), { cookie: ws.ownerCookie });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: "closed",
      meanRating: 4,
      progress: { answered: 4, share: 1 },
    });
    expect((await call("POST", path(`/rounds/${roundId}/close`), { cookie: ws.ownerCookie })).status).toBe(
      409,
    );
    const late = await call("PUT", path(`/assessments/${assessmentOf[tp.Bestellung as string]}`), {
      cookie: analyst.cookie,
      body: { rating: 1 },
    });
    expect(late.status).toBe(409);
    const delivery = await call("GET", `/api/v1/workspaces/${ws.workspaceId}/touchpoints/${tp.Lieferung}`, {
      cookie: ws.ownerCookie,
    });
    expect(delivery.body.internalRating).toMatchObject({ value: 5, assessedBy: { userId: analyst.userId } });

    // A new open round does not replace the closed one as the report's default.
    const next = await call("POST", path("/rounds"), {
      cookie: ws.ownerCookie,
      body: { title: "Register Q1" },
    });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ scope: "register", progress: { assessments: 4 } });
    const report = await call("POST", path(""), { cookie: viewer.cookie, body: { ...RANGE, journeyId } });
    expect(report.body.round).toMatchObject({ id: roundId, status: "closed" });
    expect(report.body.importance).toEqual({ source: "volume", used: "volume", median: 0.2778 });
    // The driver analysis finds no outcome to model in these records: it falls back to volume.
    const drivers = await call("POST", path(""), {
      cookie: viewer.cookie,
      body: { ...RANGE, journeyId, importance: "drivers" },
    });
    expect(drivers.body.importance).toEqual({ source: "drivers", used: "volume", median: 0.2778 });
    const rounds = await call("GET", path("/rounds"), { cookie: viewer.cookie });
    expect(rounds.body.items.map((r: { status: string }) => r.status)).toEqual(["open", "closed"]);
    expect((await call("DELETE", path(`/rounds/${next.body.id}`), { cookie: ws.ownerCookie })).status).toBe(
      204,
    );
  });
});
