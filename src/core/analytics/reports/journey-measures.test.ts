import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mergeVisitor, trackEvent } from "../../../testing/analytics-events.js";
import { seedWorkspace } from "../../../testing/app.js";
import { drainOutbox } from "../../../testing/drain-outbox.js";
import { createMappedJourney, systemContext } from "../../../testing/journey-fixture.js";
import { storeVariants } from "../../../testing/stores.js";
import { textFact } from "../../../testing/text-facts.js";
import { ZFeedbackInput } from "../../feedback/feedback.schema.js";
import { ingestFeedback } from "../../feedback/ingest-feedback.js";
import type { ReportContext } from "../../metrics/report-context.js";
import type { Stores } from "../../stores.js";
import { refreshJourneyInstances } from "../instances/refresh.js";
import { ZJourneyKpisRequest } from "../journey-kpis.schema.js";
import { ZJourneyMeasuresRequest } from "../journey-measures.schema.js";
import { journeyKpis } from "./journey-kpis.js";
import { journeyMeasures } from "./journey-measures.js";

const NOW = new Date("2026-11-20T00:00:00Z");
const RANGE = { from: "2026-07-01T00:00:00Z", to: "2026-11-20T00:00:00Z" };
const DAY = 86_400;

/*
 * Journey "Umzug": Bestellen [Auftrag] · Liefern [Versand, Ohne Daten (no touchpoint), Zustellung] ·
 * Aktivieren [Router aktiv]. Hand-computed (NOW 20 Nov, inactivity 30 days):
 *
 * | unit       | matched events (wait before)                               | contacts (at step) | status      |
 * | K-1 (a-1)  | Auftrag · Versand (1 d) · Zustellung (2 d) · Router (1 d)  | —                  | completed   |
 * | K-2        | Auftrag · Versand (4 d)                                     | 2 at Auftrag       | in_progress |
 * | K-3        | Auftrag · Versand (12 h) · Versand again (no new wait)      | 1 at Versand       | dropped     |
 * | K-4        | Auftrag · Router (1 d, Liefern skipped)                     | —                  | completed   |
 */
describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "journey measures on %s",
  (_name, variant) => {
    let stores: Stores;
    let ctx: ReportContext;
    let journeyId: string;
    let stepIds: Record<string, string>;
    const run = (body: Record<string, unknown> = {}) =>
      journeyMeasures(ctx, ZJourneyMeasuresRequest.parse({ ...RANGE, journeyId, ...body }), NOW);

    beforeAll(async () => {
      stores = await variant.open();
      const w = (await seedWorkspace(stores, "Measures")).workspaceId;
      const wctx = await systemContext(stores, w);
      ctx = { ...wctx, facts: stores.facts };
      const fixture = await createMappedJourney(
        stores,
        w,
        "Umzug",
        [
          { name: "Bestellen", steps: [{ title: "Auftrag", matchers: [{ event: "Order Submitted" }] }] },
          {
            name: "Liefern",
            steps: [
              { title: "Versand", matchers: [{ event: "Shipment Dispatched" }] },
              { title: "Ohne Daten" },
              { title: "Zustellung", matchers: [{ event: "Delivered" }] },
            ],
          },
          {
            name: "Aktivieren",
            steps: [{ title: "Router aktiv", matchers: [{ event: "Router Activated" }] }],
          },
        ],
        {
          kpis: {
            performance: [
              { name: "Abschlussquote", target: 60, unit: "%", measure: "conversion" },
              { name: "Kontakte pro Umzug", target: 1, unit: "Anzahl", measure: "contacts_per_instance" },
              { name: "Tage bis Schaltung", target: 3, unit: "Tage", measure: "time_to_complete" },
              { name: "Weiterempfehlung", target: 30, unit: "NPS" },
            ],
          },
        },
      );
      journeyId = fixture.journey.id;
      stepIds = fixture.stepIds;
      await mergeVisitor(stores, w, "2026-11-01T07:00:00Z");
      const e = (at: string, who: { userId?: string; anonymousId?: string }, name: string) =>
        trackEvent(w, at, who, name);
      await stores.facts.insert("events", [
        e("2026-11-01T08:00:00Z", { anonymousId: "a-1" }, "Order Submitted"),
        e("2026-11-02T08:00:00Z", { userId: "K-1" }, "Shipment Dispatched"),
        e("2026-11-04T08:00:00Z", { userId: "K-1" }, "Delivered"),
        e("2026-11-05T08:00:00Z", { userId: "K-1" }, "Router Activated"),
        e("2026-11-10T08:00:00Z", { userId: "K-2" }, "Order Submitted"),
        e("2026-11-11T08:00:00Z", { userId: "K-2" }, "Call Ended"),
        e("2026-11-12T08:00:00Z", { userId: "K-2" }, "Call Ended"),
        e("2026-11-14T08:00:00Z", { userId: "K-2" }, "Shipment Dispatched"),
        e("2026-08-01T08:00:00Z", { userId: "K-3" }, "Order Submitted"),
        e("2026-08-01T20:00:00Z", { userId: "K-3" }, "Shipment Dispatched"),
        e("2026-08-02T08:00:00Z", { userId: "K-3" }, "Ticket Created"),
        e("2026-08-03T08:00:00Z", { userId: "K-3" }, "Shipment Dispatched"),
        e("2026-10-01T08:00:00Z", { userId: "K-4" }, "Order Submitted"),
        e("2026-10-02T08:00:00Z", { userId: "K-4" }, "Router Activated"),
      ]);
      const fb = (key: string, receivedAt: string, ratings: unknown[], step?: string) =>
        ZFeedbackInput.parse({
          channel: "other",
          externalId: key,
          receivedAt,
          customer: { userId: "K-1" },
          journeyId,
          ...(step && { stepId: fixture.stepIds[step] }),
          ratings,
        });
      const items = [
        // Versand: CSAT 5 → 5; NPS 7 → 1 + 4 · 0.7 = 3.8; mean 4.4.
        fb("v1", "2026-11-02T09:00:00Z", [{ metric: "csat", value: 5 }], "Versand"),
        fb("v2", "2026-11-02T10:00:00Z", [{ metric: "nps", value: 7 }], "Versand"),
        // A step without touchpoint still shows its feedback.
        fb("o1", "2026-11-03T10:00:00Z", [{ metric: "csat", value: 2 }], "Ohne Daten"),
        // The journey as a whole, and a step rating outside the range: not a step's.
        fb("j1", "2026-11-06T10:00:00Z", [{ metric: "nps", value: 0 }]),
        fb("late", "2026-11-21T10:00:00Z", [{ metric: "csat", value: 1 }], "Versand"),
      ];
      const stored = await ingestFeedback(
        wctx,
        items.map((input, n) => ({ input, pointer: `/items/${n}` })),
      );
      await drainOutbox(stores);
      await stores.facts.insert("feedback_text", [
        {
          ...textFact(w, new Date("2026-11-02T09:00:00Z"), {
            id: stored.items[0]?.id as string,
            polarity: 1,
          }),
          journey_id: journeyId,
          sentiment_score: 0.8,
          version: 1_000_000,
        },
      ]);
      await refreshJourneyInstances(stores, w);
    });
    afterAll(async () => stores?.close());

    it("measures each step from the instances and the linked feedback (hand-computed)", async () => {
      const r = await run();
      expect(r.instances).toEqual({ total: 4, completed: 2, inProgress: 1, dropped: 1, customers: 4 });
      expect(r.refreshedAt).not.toBeNull();
      const brief = r.steps.map((s) => [
        s.title,
        s.mapped,
        s.instances,
        s.conversion,
        s.waitMedianSeconds,
        s.waitP90Seconds,
        s.contacts,
        s.contactRate,
      ]);
      expect(brief).toEqual([
        ["Auftrag", true, 4, null, null, null, 2, 0.5],
        // Waits 12 h, 1 d, 4 d: median 1 d; p90 at position 1.8 → 1 d + 0.8 · 3 d.
        ["Versand", true, 3, 0.75, DAY, DAY + 0.8 * 3 * DAY, 1, 1 / 3],
        ["Ohne Daten", false, 0, null, null, null, 0, null],
        ["Zustellung", true, 1, 1 / 3, 2 * DAY, 2 * DAY, 0, 0],
        // K-4 skipped Zustellung: it reached the router, but not from the previous mapped step.
        ["Router aktiv", true, 2, 1, DAY, DAY, 0, 0],
      ]);
      const versand = r.steps.find((s) => s.stepId === stepIds.Versand);
      expect(versand?.rating).toEqual({ n: 2, mean: 4.4 });
      expect(versand?.sentiment).toEqual({ n: 1, meanScore: 0.8, positive: 1, negative: 0 });
      expect(r.steps.find((s) => s.title === "Ohne Daten")?.rating).toEqual({ n: 1, mean: 2 });
    });

    it("computes the journey's KPIs from the instances against the map's targets (hand-computed)", async () => {
      const r = await journeyKpis(ctx, ZJourneyKpisRequest.parse({ ...RANGE, journeyId }), NOW);
      expect(r.instances).toBe(4);
      expect(r.items.map((k) => [k.key, k.value, k.n, k.target?.value ?? null, k.met])).toEqual([
        // 2 of 4 completed; target 60 % not met.
        ["conversion", 50, 4, 60, false],
        // K-1 took 4 days, K-4 1 day: median 2.5 ≤ 3.
        ["time_to_complete", 2.5, 2, 3, true],
        // 3 contacts over 4 instances ≤ 1.
        ["contacts_per_instance", 0.75, 4, 1, true],
        // Of K-2 (2 contacts) and K-3 (1): one needed a single contact; K-2's were a day apart.
        ["first_contact_resolution", 50, 2, null, null],
        ["repeat_contact_rate", 50, 2, null, null],
        ["drop_off_rate", 25, 4, null, null],
      ]);
      const short = await journeyKpis(
        ctx,
        ZJourneyKpisRequest.parse({ ...RANGE, journeyId, repeatWithinDays: 1 }),
        NOW,
      );
      // K-2's calls were exactly one day apart: still a repeat.
      expect(short.items.find((k) => k.key === "repeat_contact_rate")?.value).toBe(50);
    });

    it("reads instances started in the range only, and answers nulls, not zeros, when empty", async () => {
      const r = await run({ from: "2026-11-08T00:00:00Z" });
      expect(r.instances.total).toBe(1);
      const empty = await run({ from: "2025-01-01T00:00:00Z", to: "2025-02-01T00:00:00Z" });
      expect(empty.instances).toEqual({ total: 0, completed: 0, inProgress: 0, dropped: 0, customers: 0 });
      expect(empty.steps.map((s) => [s.instances, s.conversion, s.waitMedianSeconds, s.contactRate])).toEqual(
        Array(5).fill([0, null, null, null]),
      );
      expect(empty.steps[0]?.rating).toEqual({ n: 0, mean: null });
    });

    it("reads a shorter inactivity as more dropped instances", async () => {
      // K-2's last event was 6 days before NOW.
      expect((await run({ inactivityDays: 5 })).instances).toMatchObject({ inProgress: 0, dropped: 2 });
    });

    it("answers 404 for a journey of another workspace or none", async () => {
      const other = (await seedWorkspace(stores, "Other")).workspaceId;
      const foreign = await createMappedJourney(stores, other, "Fremd", [
        { name: "A", steps: [{ title: "X" }] },
      ]);
      await expect(run({ journeyId: foreign.journey.id })).rejects.toMatchObject({ code: "not_found" });
      await expect(run({ journeyId: "nope" })).rejects.toMatchObject({ code: "not_found" });
    });
  },
);
