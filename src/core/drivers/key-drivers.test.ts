import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trackEvent } from "../../testing/analytics-events.js";
import { seedWorkspace } from "../../testing/app.js";
import { drainOutbox } from "../../testing/drain-outbox.js";
import { createMappedJourney, systemContext } from "../../testing/journey-fixture.js";
import { storeVariants } from "../../testing/stores.js";
import { textFact } from "../../testing/text-facts.js";
import { refreshJourneyInstances } from "../analytics/instances/refresh.js";
import { ZFeedbackInput } from "../feedback/feedback.schema.js";
import { ingestFeedback } from "../feedback/ingest-feedback.js";
import type { ReportContext } from "../metrics/report-context.js";
import type { Stores } from "../stores.js";
import { keyDrivers, touchpointImportance } from "./key-drivers.js";
import { type TKeyDriversInput, ZKeyDriversRequest } from "./key-drivers.schema.js";
import { relativeWeights } from "./relative-weights.js";

const NOW = new Date("2026-11-20T00:00:00Z");
const RANGE = { from: "2026-08-01T00:00:00Z", to: "2026-11-20T00:00:00Z" };

/*
 * Ratings fixture (journey "Umzug": stage Bestellen [Auftrag → touchpoint A], stage Liefern [Zustellung →
 * touchpoint B]). Respondents R-1 … R-8 rate A (CSAT 5 or 1) and B (CES 7 or 1, i.e. 5 or 1 on 1–5) in a
 * balanced 2 × 2 design (a, b = ±1, uncorrelated) and give a journey NPS y = 5 + 2a + b ± 1 (the ±1
 * balanced within each cell, so uncorrelated with a and b):
 *   SS(model) = 8·(4 + 1) = 40, SS(error) = 8, R² = 40/48; weights A = 32/48, B = 8/48; shares 0.8, 0.2.
 * R-9 rates only B (CSAT 1) and gives NPS 10: not in the listwise model, but in B's n (9) and performance
 * (4·5 + 4·1 + 1)/9 = 25/9. A: n 8, performance 3 (goodness 0.5); B goodness (25/9 − 1)/4 = 4/9.
 * Medians: share 0.5, goodness 17/36 → A strength, B opportunity.
 */
const CELLS: { a: number; b: number; e: number }[] = [
  { a: 1, b: 1, e: 1 },
  { a: 1, b: 1, e: -1 },
  { a: 1, b: -1, e: 1 },
  { a: 1, b: -1, e: -1 },
  { a: -1, b: 1, e: 1 },
  { a: -1, b: 1, e: -1 },
  { a: -1, b: -1, e: 1 },
  { a: -1, b: -1, e: -1 },
];

/*
 * Operations fixture (journey "Lieferung": Order Submitted → Delivered), customers K-1 … K-8, one
 * instance each, an overall NPS linked to it. Hand-listed rows (wait bucket over 1 h, 1 d, 3 d, 7 d;
 * contacts; dropped; NPS):
 */
const OPS: { wait: number | null; contacts: number; nps: number; bucket: number; dropped: number }[] = [
  { wait: 30 * 60_000, contacts: 0, nps: 9, bucket: 0, dropped: 0 },
  { wait: 2 * 3_600_000, contacts: 0, nps: 8, bucket: 1, dropped: 0 },
  { wait: 2 * 86_400_000, contacts: 1, nps: 6, bucket: 2, dropped: 0 },
  { wait: 5 * 86_400_000, contacts: 2, nps: 3, bucket: 3, dropped: 0 },
  { wait: 10 * 86_400_000, contacts: 1, nps: 2, bucket: 4, dropped: 0 },
  { wait: null, contacts: 1, nps: 1, bucket: 0, dropped: 1 },
  { wait: null, contacts: 0, nps: 4, bucket: 0, dropped: 1 },
  { wait: 3 * 3_600_000, contacts: 0, nps: 10, bucket: 1, dropped: 0 },
];

describe.each(storeVariants().map((v) => [v.name, v] as const))("key drivers on %s", (_name, variant) => {
  let stores: Stores;
  let ctx: ReportContext;
  let journeyId: string;
  let opsJourneyId: string;
  let smallJourneyId: string;
  let tpA: string;
  let tpB: string;
  let stages: string[];
  const run = (body: Partial<TKeyDriversInput>) =>
    keyDrivers(ctx, ZKeyDriversRequest.parse({ ...RANGE, journeyId, minN: 1, resamples: 0, ...body }), NOW);

  beforeAll(async () => {
    stores = await variant.open();
    const w = (await seedWorkspace(stores, "Drivers")).workspaceId;
    const wctx = await systemContext(stores, w);
    ctx = { ...wctx, facts: stores.facts };
    const j = await createMappedJourney(stores, w, "Umzug", [
      { name: "Bestellen", steps: [{ title: "Auftrag", matchers: [{ event: "Plan Chosen" }] }] },
      { name: "Liefern", steps: [{ title: "Zustellung", matchers: [{ event: "Router Activated" }] }] },
    ]);
    journeyId = j.journey.id;
    stages = j.journey.document.stages.map((s) => s.id);
    tpA = j.touchpointIds.Auftrag as string;
    tpB = j.touchpointIds.Zustellung as string;
    const ops = await createMappedJourney(stores, w, "Lieferung", [
      { name: "Bestellen", steps: [{ title: "Bestellung", matchers: [{ event: "Order Submitted" }] }] },
      { name: "Liefern", steps: [{ title: "Lieferung", matchers: [{ event: "Delivered" }] }] },
    ]);
    opsJourneyId = ops.journey.id;
    smallJourneyId = (
      await createMappedJourney(stores, w, "Klein", [
        { name: "Alles", steps: [{ title: "Alles", matchers: [{ event: "Everything Done" }] }] },
      ])
    ).journey.id;

    type Item = Parameters<typeof ZFeedbackInput.parse>[0];
    const items: Item[] = [];
    const at = (day: number) => new Date(Date.UTC(2026, 9, day, 8)).toISOString();
    CELLS.forEach((c, i) => {
      const customer = { userId: `R-${i + 1}` };
      items.push(
        {
          channel: "other",
          receivedAt: at(1),
          customer,
          journeyId,
          stepId: j.stepIds.Auftrag,
          touchpointId: tpA,
          ratings: [{ metric: "csat", value: c.a > 0 ? 5 : 1 }],
        },
        {
          channel: "other",
          receivedAt: at(2),
          customer,
          journeyId,
          stepId: j.stepIds.Zustellung,
          touchpointId: tpB,
          ratings: [{ metric: "ces", value: c.b > 0 ? 7 : 1 }],
        },
        {
          channel: "other",
          receivedAt: at(3),
          customer,
          journeyId,
          ratings: [{ metric: "nps", value: 5 + 2 * c.a + c.b + c.e }],
        },
      );
    });
    items.push(
      {
        channel: "other",
        receivedAt: at(2),
        customer: { userId: "R-9" },
        journeyId,
        stepId: j.stepIds.Zustellung,
        touchpointId: tpB,
        ratings: [{ metric: "csat", value: 1 }],
      },
      {
        channel: "other",
        receivedAt: at(3),
        customer: { userId: "R-9" },
        journeyId,
        ratings: [{ metric: "nps", value: 10 }],
      },
    );
    // Journey "Klein": three respondents rating A and B, fewer than drivers + 2 = 4.
    for (const [k, a, b, nps] of [
      [1, 5, 1, 9],
      [2, 1, 5, 2],
      [3, 3, 3, 6],
    ] as const) {
      const customer = { userId: `S-${k}` };
      items.push(
        {
          channel: "other",
          receivedAt: at(1),
          customer,
          journeyId: smallJourneyId,
          touchpointId: tpA,
          ratings: [{ metric: "csat", value: a }],
        },
        {
          channel: "other",
          receivedAt: at(1),
          customer,
          journeyId: smallJourneyId,
          touchpointId: tpB,
          ratings: [{ metric: "csat", value: b }],
        },
        {
          channel: "other",
          receivedAt: at(2),
          customer,
          journeyId: smallJourneyId,
          ratings: [{ metric: "nps", value: nps }],
        },
      );
    }
    const events: ReturnType<typeof trackEvent>[] = [];
    OPS.forEach((o, i) => {
      const userId = `K-${i + 1}`;
      const start = o.wait === null ? Date.UTC(2026, 8, 1 + i, 8) : Date.UTC(2026, 9, 1 + i, 8);
      events.push(trackEvent(w, new Date(start).toISOString(), { userId }, "Order Submitted"));
      for (let k = 0; k < o.contacts; k++)
        events.push(
          trackEvent(w, new Date(start + (k + 1) * 60_000).toISOString(), { userId }, "Call Ended"),
        );
      if (o.wait !== null)
        events.push(trackEvent(w, new Date(start + o.wait).toISOString(), { userId }, "Delivered"));
      items.push({
        channel: "other",
        receivedAt: new Date(start + (o.wait ?? 0) + 86_400_000).toISOString(),
        customer: { userId },
        journeyId: opsJourneyId,
        ratings: [{ metric: "nps", value: o.nps }],
      });
    });
    await stores.facts.insert("events", events);
    const result = await ingestFeedback(
      wctx,
      items.map((it, n) => ({ input: ZFeedbackInput.parse(it), pointer: `/items/${n}` })),
    );
    await drainOutbox(stores);
    await refreshJourneyInstances(stores, w);
    // Aspects of the journey NPS records: "wartezeit" (negative) in the (−1, −1) cell (NPS 3 and 1),
    // "freundlichkeit" (positive) in the (1, 1) cell (NPS 9 and 7).
    const npsIds = CELLS.map((_, i) => result.items[i * 3 + 2]?.id as string);
    const aspect = (id: string, key: string, polarity: number) => ({
      ...textFact(w, new Date(at(3)), { id, aspects: [key], polarity, version: 1_000_000 }),
      journey_id: journeyId,
    });
    await stores.facts.insert("feedback_text", [
      aspect(npsIds[6] as string, "wartezeit", -1),
      aspect(npsIds[7] as string, "wartezeit", -1),
      aspect(npsIds[0] as string, "freundlichkeit", 1),
      aspect(npsIds[1] as string, "freundlichkeit", 1),
    ]);
  });
  afterAll(async () => stores?.close());

  it("weighs touchpoint ratings on the journey NPS (hand-computed)", async () => {
    const r = await run({});
    expect(r).toMatchObject({
      outcome: "nps",
      driverSet: "touchpoints",
      n: 8,
      respondents: 9,
      missing: "listwise",
    });
    expect(r.r2).toBeCloseTo(40 / 48, 10);
    expect(r.drivers.map((d) => [d.key, d.n, d.sign, d.quadrant])).toEqual([
      [tpA, 8, 1, "strength"],
      [tpB, 9, 1, "opportunity"],
    ]);
    expect(r.drivers[0]?.label).toBe("Umzug: Auftrag");
    expect(r.drivers[0]?.weight).toBeCloseTo(32 / 48, 10);
    expect(r.drivers[1]?.weight).toBeCloseTo(8 / 48, 10);
    expect(r.drivers[0]?.share).toBeCloseTo(0.8, 10);
    expect(r.drivers[0]?.performance).toBeCloseTo(3, 10);
    expect(r.drivers[1]?.performance).toBeCloseTo(25 / 9, 10);
    expect(r.drivers[0]?.scale).toEqual({ min: 1, max: 5, higherIsBetter: true });
    expect(r.medians.share).toBeCloseTo(0.5, 10);
    expect(r.medians.performance).toBeCloseTo(17 / 36, 10);
    expect(r.drivers[0]?.ci).toBeNull();
  });

  it("gives bootstrap intervals with a seed, reproducibly", async () => {
    const one = await run({ resamples: 50, seed: 3 });
    const two = await run({ resamples: 50, seed: 3 });
    expect(one.drivers).toEqual(two.drivers);
    expect(one.bootstrap).toEqual({ resamples: expect.any(Number), seed: 3, level: 0.95 });
    for (const d of one.drivers) {
      expect(d.ci?.[0]).toBeLessThanOrEqual(d.ci?.[1] as number);
      expect(typeof d.significant).toBe("boolean");
    }
  });

  it("fills a missing rating with the driver's mean when asked", async () => {
    const r = await run({ missing: "mean" });
    expect(r.n).toBe(9);
    expect(r.missing).toBe("mean");
  });

  it("weighs stage ratings like the touchpoints they hold", async () => {
    const r = await run({ driverSet: "stages" });
    expect(r.drivers.map((d) => [d.key, d.label])).toEqual([
      [stages[0], "Bestellen"],
      [stages[1], "Liefern"],
    ]);
    expect(r.drivers[0]?.weight).toBeCloseTo(32 / 48, 10);
  });

  it("leaves out drivers under minN and reports them", async () => {
    const r = await run({ minN: 9 });
    expect(r.excluded).toEqual([{ key: tpA, label: "Umzug: Auftrag", n: 8, reason: "min_n" }]);
    expect(r.drivers.map((d) => d.key)).toEqual([tpB]);
  });

  it("answers the detractor outcome with its sign (+ = more detractors)", async () => {
    const r = await run({ outcome: "detractor" });
    // Detractors (NPS ≤ 6): 5, 5, 3, 1 → the (1,−1) and (−1,·) cells; a higher rating, fewer detractors.
    expect(r.drivers.every((d) => d.sign === -1)).toBe(true);
  });

  it("weighs text aspects (present with polarity, 0 when absent) and their cost in NPS points", async () => {
    const r = await run({ driverSet: "aspects" });
    expect(r.n).toBe(9);
    expect(r.drivers.map((d) => d.key).sort()).toEqual(["freundlichkeit", "wartezeit"]);
    const wait = r.drivers.find((d) => d.key === "wartezeit");
    expect(wait).toMatchObject({ n: 2, performance: -1, sign: 1 });
    // NPS of all 9: 9, 7, 7, 5, 5, 3, 3, 1, 10 → P 2, D 5 → −33.3; without the two "wartezeit" answers
    // (3, 1): P 2, D 3 of 7 → −14.3; cost −19.0. Without "freundlichkeit" (9, 7): P 1, D 5 of 7 → −57.1.
    expect(r.aspectCosts).toEqual([
      {
        key: "wartezeit",
        label: expect.any(String),
        n: 2,
        nps: -33.3,
        npsWithout: -14.3,
        nWithout: 7,
        cost: -19,
      },
      {
        key: "freundlichkeit",
        label: expect.any(String),
        n: 2,
        nps: -33.3,
        npsWithout: -57.1,
        nWithout: 7,
        cost: 23.8,
      },
    ]);
  });

  it("weighs operational factors of linked journey instances (the hand-listed matrix)", async () => {
    const r = await run({ journeyId: opsJourneyId, driverSet: "operations" });
    const expected = relativeWeights(
      OPS.map((o) => [o.bucket, o.contacts, o.dropped]),
      OPS.map((o) => o.nps),
      ["wait_bucket", "contacts", "dropped"],
    );
    expect(r.n).toBe(8);
    expect(r.r2).toBeCloseTo(expected.r2, 10);
    for (const w of expected.weights) {
      const d = r.drivers.find((x) => x.key === w.driver);
      expect(d?.weight).toBeCloseTo(w.weight, 10);
      expect(d?.sign).toBe(w.sign);
    }
    expect(r.drivers.find((d) => d.key === "dropped")?.performance).toBeCloseTo(2 / 8, 10);
    expect(r.drivers.find((d) => d.key === "contacts")?.performance).toBeCloseTo(5 / 8, 10);
  });

  it("refuses with 422 when the drivers are too many for the respondents", async () => {
    await expect(run({ journeyId: smallJourneyId })).rejects.toMatchObject({
      code: "unprocessable",
      message: expect.stringContaining("drivers + 2 = 4"),
    });
  });

  it("exports the touchpoint importance for the gap", async () => {
    const m = await touchpointImportance(ctx, { ...RANGE, journeyId, minN: 1, missing: "listwise" });
    expect(m.get(tpA)?.share).toBeCloseTo(0.8, 10);
    expect(m.get(tpB)).toMatchObject({ n: 9 });
    const none = await touchpointImportance(ctx, {
      from: "2020-01-01T00:00:00Z",
      to: "2020-02-01T00:00:00Z",
    });
    expect(none.size).toBe(0);
  });

  it("answers 404 for a journey of another workspace", async () => {
    await expect(run({ journeyId: "0193a1c2-7d4e-7f00-8a00-000000000099" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
