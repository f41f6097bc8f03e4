import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mergeVisitor, trackEvent } from "../../../testing/analytics-events.js";
import { seedWorkspace } from "../../../testing/app.js";
import { drainOutbox } from "../../../testing/drain-outbox.js";
import { createMappedJourney, systemContext } from "../../../testing/journey-fixture.js";
import { storeVariants } from "../../../testing/stores.js";
import { textFact } from "../../../testing/text-facts.js";
import { applyIdentity } from "../../customers/apply-identity.js";
import { ZIdentityPayload } from "../../customers/identity-payload.js";
import { ZFeedbackInput } from "../../feedback/feedback.schema.js";
import { ingestFeedback } from "../../feedback/ingest-feedback.js";
import type { ReportContext } from "../../metrics/report-context.js";
import type { Stores } from "../../stores.js";
import { refreshJourneyInstances } from "../instances/refresh.js";
import { type TXoInput, ZXoRequest } from "../xo.schema.js";
import { xoReport } from "./xo.js";

const NOW = new Date("2026-11-20T00:00:00Z");
const RANGE = { from: "2026-08-01T00:00:00Z", to: "2026-11-20T00:00:00Z" };

/*
 * The fixture, hand-computed (journey "Umzug": Bestellen [Auftrag] · Liefern [Versand, Zustellung] ·
 * Aktivieren [Router aktiv]; NOW 20 Nov, inactivity 30 days):
 *
 * | instance | status      | contacts | longest wait | stage path               | linked NPS (step*)  |
 * | A (K-1)  | completed   | 0        | 2 d          | Bestellen > Liefern > Ak.| 2, 9*, 10*          |
 * | B (K-2)  | in_progress | 2        | 4 d          | Bestellen > Liefern      | 8, 10*              |
 * | C (K-3)  | dropped     | 3        | 4 d          | Bestellen > Liefern      | 0 (a 10 too late)   |
 * | D0 (K-4) | completed   | 0        | 1 d          | Bestellen > Aktivieren   | 9                   |
 * | D1 (K-4) | dropped     | 0        | 0 (1 event)  | Bestellen                | 10 (latest of two)  |
 * | E (K-5)  | completed   | 0        | 1 h          | Bestellen > Liefern > Ak.| —                   |
 *
 * A is one customer from two identities (anonymous a-1 ordered, K-1 answered); the others are
 * unstitched user ids. CSAT: A 2, 5*, 4*; B 4, 5*; C 1.
 */
describe.each(storeVariants().map((v) => [v.name, v] as const))("X+O report on %s", (_name, variant) => {
  let stores: Stores;
  let ctx: ReportContext;
  let journeyId: string;
  let emptyJourneyId: string;
  let customerA: string;
  const ids: Record<string, string> = {};
  const run = (body: Partial<TXoInput>) =>
    xoReport(ctx, ZXoRequest.parse({ ...RANGE, journeyId, ...body }), NOW);

  beforeAll(async () => {
    stores = await variant.open();
    const w = (await seedWorkspace(stores, "XO")).workspaceId;
    const wctx = await systemContext(stores, w);
    ctx = { ...wctx, facts: stores.facts };
    const { journey, stepIds } = await createMappedJourney(stores, w, "Umzug", [
      { name: "Bestellen", steps: [{ title: "Auftrag", matchers: [{ event: "Order Submitted" }] }] },
      {
        name: "Liefern",
        steps: [
          { title: "Versand", matchers: [{ event: "Shipment Dispatched" }] },
          { title: "Zustellung", matchers: [{ event: "Delivered" }] },
        ],
      },
      { name: "Aktivieren", steps: [{ title: "Router aktiv", matchers: [{ event: "Router Activated" }] }] },
    ]);
    journeyId = journey.id;
    const other = await createMappedJourney(stores, w, "Kündigung", [
      { name: "Kündigen", steps: [{ title: "Kündigung", matchers: [{ event: "Contract Cancelled" }] }] },
    ]);
    emptyJourneyId = other.journey.id;

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
      e("2026-11-12T08:00:00Z", { userId: "K-2" }, "Chat Ended"),
      e("2026-11-14T08:00:00Z", { userId: "K-2" }, "Shipment Dispatched"),
      e("2026-08-01T08:00:00Z", { userId: "K-3" }, "Order Submitted"),
      e("2026-08-02T08:00:00Z", { userId: "K-3" }, "Call Ended"),
      e("2026-08-03T08:00:00Z", { userId: "K-3" }, "Chat Ended"),
      e("2026-08-04T08:00:00Z", { userId: "K-3" }, "Ticket Created"),
      e("2026-08-05T08:00:00Z", { userId: "K-3" }, "Shipment Dispatched"),
      e("2026-10-01T08:00:00Z", { userId: "K-4" }, "Order Submitted"),
      e("2026-10-02T08:00:00Z", { userId: "K-4" }, "Router Activated"),
      e("2026-10-03T08:00:00Z", { userId: "K-4" }, "Order Submitted"),
      e("2026-11-01T08:00:00Z", { userId: "K-5" }, "Order Submitted"),
      e("2026-11-01T09:00:00Z", { userId: "K-5" }, "Shipment Dispatched"),
      e("2026-11-01T10:00:00Z", { userId: "K-5" }, "Delivered"),
      e("2026-11-01T11:00:00Z", { userId: "K-5" }, "Router Activated"),
    ]);

    const fb = (
      key: string,
      userId: string,
      receivedAt: string,
      ratings: { metric: "nps" | "csat"; value: number }[],
      opts: { step?: string; journey?: string } = {},
    ) => ({
      key,
      input: ZFeedbackInput.parse({
        channel: "other",
        externalId: key,
        receivedAt,
        customer: { userId },
        journeyId: opts.journey ?? journeyId,
        ...(opts.step && { stepId: stepIds[opts.step] }),
        ratings,
      }),
    });
    const nps = (value: number) => ({ metric: "nps" as const, value });
    const csat = (value: number) => ({ metric: "csat" as const, value });
    const items = [
      fb("a-overall", "K-1", "2026-11-06T08:00:00Z", [nps(2), csat(2)]),
      fb("a-versand", "K-1", "2026-11-02T09:00:00Z", [nps(9), csat(5)], { step: "Versand" }),
      fb("a-zustellung", "K-1", "2026-11-04T09:00:00Z", [nps(10), csat(4)], { step: "Zustellung" }),
      fb("b-overall", "K-2", "2026-11-15T08:00:00Z", [nps(8), csat(4)]),
      fb("b-auftrag", "K-2", "2026-11-10T09:00:00Z", [nps(10), csat(5)], { step: "Auftrag" }),
      fb("c-overall", "K-3", "2026-08-06T08:00:00Z", [nps(0), csat(1)]),
      // 46 days after C's last event: past the 30 days, linked to nothing.
      fb("c-late", "K-3", "2026-09-20T08:00:00Z", [nps(10)]),
      // Between D0's start and D1's: D0 only. After D1 started: both qualify, the latest (D1) wins.
      fb("d0", "K-4", "2026-10-02T12:00:00Z", [nps(9)]),
      fb("d1", "K-4", "2026-10-04T08:00:00Z", [nps(10)]),
      // Another journey's feedback of customer A.
      fb("a-other-journey", "K-1", "2026-11-06T08:00:00Z", [nps(0)], { journey: emptyJourneyId }),
    ];
    const result = await ingestFeedback(
      wctx,
      items.map((i, n) => ({ input: i.input, pointer: `/items/${n}` })),
    );
    result.items.forEach((r, n) => {
      ids[items[n]?.key as string] = r.id;
    });
    await drainOutbox(stores);
    await refreshJourneyInstances(stores, w);
    const [row] = await stores.facts.query<{ customer_id: string }>(
      `SELECT toString(customer_id) AS customer_id FROM ${stores.facts.database}.customer_identities FINAL
        WHERE distinct_id = 'user:K-1'`,
    );
    customerA = row?.customer_id as string;
    // Sentiment of three records (as if enriched; a newer version than any enrichment).
    const sentiment = (key: string, score: number) => ({
      ...textFact(w, new Date("2026-11-06T08:00:00Z"), { id: ids[key] as string, version: 1_000_000 }),
      journey_id: journeyId,
      sentiment_score: score,
    });
    await stores.facts.insert("feedback_text", [
      sentiment("a-overall", -0.6),
      sentiment("a-versand", 0.8),
      sentiment("b-overall", 0.2),
    ]);
  });
  afterAll(async () => stores?.close());

  const brief = (
    groups: { group: string; instances: number; withFeedback: number; n: number; score: number | null }[],
  ) => groups.map((g) => [g.group, g.instances, g.withFeedback, g.n, g.score]);

  it("gives the NPS of linked feedback per status (hand-computed)", async () => {
    const r = await run({});
    expect(r).toMatchObject({ journeyId, metric: "nps", by: "status" });
    // completed: A 2, 9, 10 + D0 9 → P 3, D 1 of 4 = 50; dropped: C 0 + D1 10 → 0; in progress: B 8, 10 → 50.
    expect(brief(r.groups)).toEqual([
      ["completed", 3, 2, 4, 50],
      ["dropped", 2, 2, 2, 0],
      ["in_progress", 1, 1, 2, 50],
    ]);
    // 8 ratings: 5 promoters, 2 detractors → 37.5.
    expect(r.total).toEqual({ instances: 6, withFeedback: 5, n: 8, score: 37.5 });
    expect(r.groups[0]?.interval).toMatchObject({ method: "nps_se", level: 0.95 });
  });

  it("counts only the overall or only the step ratings when asked", async () => {
    const overall = await run({ feedback: "overall" });
    // completed: A 2, D0 9 → 0; dropped: 0, 10 → 0; in progress: B 8 → 0 (a passive).
    expect(brief(overall.groups)).toEqual([
      ["completed", 3, 2, 2, 0],
      ["dropped", 2, 2, 2, 0],
      ["in_progress", 1, 1, 1, 0],
    ]);
    const steps = await run({ feedback: "steps" });
    expect(brief(steps.groups)).toEqual([
      ["completed", 3, 1, 2, 100],
      ["dropped", 2, 0, 0, null],
      ["in_progress", 1, 1, 1, 100],
    ]);
  });

  it("groups by number of contacts", async () => {
    const r = await run({ by: "contacts" });
    // 0: A, D0, D1, E → 2, 9, 10, 9, 10: P 4, D 1 of 5 = 60; 2: B → 50; 3+: C → −100.
    expect(brief(r.groups)).toEqual([
      ["0", 4, 3, 5, 60],
      ["1", 0, 0, 0, null],
      ["2", 1, 1, 2, 50],
      ["3+", 1, 1, 1, -100],
    ]);
  });

  it("groups by the longest wait", async () => {
    const r = await run({ by: "waiting" });
    // D1 0 s; E 1 h; A 2 d and D0 1 d; B and C 4 d.
    expect(r.groups.map((g) => [g.group, g.fromSeconds, g.toSeconds, g.instances, g.n, g.score])).toEqual([
      ["0-3600", 0, 3600, 1, 1, 100],
      ["3600-86400", 3600, 86400, 1, 0, null],
      ["86400-259200", 86400, 259200, 2, 4, 50],
      ["259200-604800", 259200, 604800, 2, 3, 0],
      ["604800+", 604800, null, 0, 0, null],
    ]);
    const custom = await run({ by: "waiting", waitingBuckets: [86_400] });
    expect(custom.groups.map((g) => [g.group, g.instances])).toEqual([
      ["0-86400", 2],
      ["86400+", 4],
    ]);
  });

  it("groups by stage path and step path", async () => {
    const r = await run({ by: "path" });
    // Most instances first, ties by name.
    expect(brief(r.groups)).toEqual([
      ["Bestellen > Liefern", 2, 2, 3, 0],
      ["Bestellen > Liefern > Aktivieren", 2, 1, 3, 33.3],
      ["Bestellen", 1, 1, 1, 100],
      ["Bestellen > Aktivieren", 1, 1, 1, 100],
    ]);
    const steps = await run({ by: "path", pathLevel: "step" });
    expect(steps.groups.map((g) => [g.group, g.instances])).toEqual([
      ["Auftrag > Versand", 2],
      ["Auftrag > Versand > Zustellung > Router aktiv", 2],
      ["Auftrag", 1],
      ["Auftrag > Router aktiv", 1],
    ]);
  });

  it("finds journeys whose steps were rated well and the journey badly", async () => {
    // With both: A (step ratings NPS 9, 10 and CSAT 5, 4 → (0.9 + 1 + 1 + 0.75) / 4; overall NPS 2) and
    // B (step ratings NPS 10, CSAT 5; overall 8, a passive). Step ratings of any metric count.
    const r = await run({});
    expect(r.ratedWellJourneyBad).toEqual({
      instances: 2,
      count: 1,
      share: 0.5,
      examples: [{ unit: customerA, seq: 0, customerId: customerA, stepMean: 0.913, overall: 0.2 }],
    });
    // CSAT: the same step mean; A's overall 2 → 0.25 < 0.5. B: overall 4 → 0.75.
    const c = await run({ metric: "csat" });
    expect(c.ratedWellJourneyBad).toMatchObject({ instances: 2, count: 1, share: 0.5 });
    expect(c.ratedWellJourneyBad.examples).toEqual([
      { unit: customerA, seq: 0, customerId: customerA, stepMean: 0.913, overall: 0.25 },
    ]);
  });

  it("gives CSAT % and mean sentiment per group", async () => {
    const c = await run({ metric: "csat" });
    // completed: A 2, 5, 4 → 2 of 3; dropped: C 1 → 0 of 1; in progress: B 4, 5 → 2 of 2.
    expect(brief(c.groups)).toEqual([
      ["completed", 3, 2, 3, 66.7],
      ["dropped", 2, 2, 1, 0],
      ["in_progress", 1, 1, 2, 100],
    ]);
    expect(c.groups[0]?.interval).toMatchObject({ method: "wilson" });
    const s = await run({ metric: "sentiment" });
    // completed: A −0.6 and 0.8 → 0.1; in progress: B 0.2; dropped: no texts.
    expect(brief(s.groups)).toEqual([
      ["completed", 3, 2, 2, 0.1],
      ["dropped", 2, 2, 0, null],
      ["in_progress", 1, 1, 1, 0.2],
    ]);
    // A: steps (0.8 + 1) / 2 = 0.9, overall (−0.6 + 1) / 2 = 0.2.
    expect(s.ratedWellJourneyBad).toMatchObject({ instances: 1, count: 1, share: 1 });
  });

  it("answers zeros and nulls for a journey without instances", async () => {
    const r = await run({ journeyId: emptyJourneyId });
    expect(brief(r.groups)).toEqual([
      ["completed", 0, 0, 0, null],
      ["dropped", 0, 0, 0, null],
      ["in_progress", 0, 0, 0, null],
    ]);
    expect(r.total).toEqual({ instances: 0, withFeedback: 0, n: 0, score: null });
    expect(r.ratedWellJourneyBad).toEqual({ instances: 0, count: 0, share: null, examples: [] });
    expect((await run({ journeyId: emptyJourneyId, by: "path" })).groups).toEqual([]);
  });

  it("counts only instances started in the scope's range", async () => {
    const r = await run({ from: "2026-10-15T00:00:00Z" });
    // A, B, E: C and the K-4 instances started before 15 Oct.
    expect(r.total).toMatchObject({ instances: 3, withFeedback: 2 });
  });

  it("links feedback sent with only an e-mail address to the customer with that e-mail identity", async () => {
    const w = ctx.access.workspaceId;
    const { journey } = await createMappedJourney(stores, w, "Anmeldung", [
      { name: "Anmelden", steps: [{ title: "Konto", matchers: [{ event: "Signed Up" }] }] },
    ]);
    await applyIdentity(
      stores,
      w,
      ZIdentityPayload.parse({
        identifies: [
          {
            messageId: "identify-eva",
            userId: "K-E",
            traits: { email: " Eva@Example.com" },
            timestamp: "2026-11-02T08:00:00Z",
          },
        ],
      }),
    );
    await stores.facts.insert("events", [
      trackEvent(w, "2026-11-02T08:00:00Z", { userId: "K-E" }, "Signed Up"),
    ]);
    await ingestFeedback(ctx, [
      {
        pointer: "/items/0",
        input: ZFeedbackInput.parse({
          channel: "email",
          receivedAt: "2026-11-03T08:00:00Z",
          customer: { email: "eva@example.com" },
          journeyId: journey.id,
          ratings: [{ metric: "nps", value: 10 }],
        }),
      },
    ]);
    await drainOutbox(stores);
    await refreshJourneyInstances(stores, w);
    const r = await run({ journeyId: journey.id });
    expect(r.total).toEqual({ instances: 1, withFeedback: 1, n: 1, score: 100 });
  });

  it("answers 404 for a journey of another workspace", async () => {
    const other = (await seedWorkspace(stores, "Other")).workspaceId;
    const foreign = await createMappedJourney(stores, other, "Fremd", [
      { name: "A", steps: [{ title: "X", matchers: [{ event: "X" }] }] },
    ]);
    await expect(run({ journeyId: foreign.journey.id })).rejects.toMatchObject({ code: "not_found" });
  });
});
