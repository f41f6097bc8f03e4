import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeVariants } from "../../testing/stores.js";
import { ZJourneyMeasuresRequest } from "../analytics/journey-measures.schema.js";
import { journeyMeasures } from "../analytics/reports/journey-measures.js";
import type { TEventMatcher } from "../expressions/validate.js";
import { matchesEvent } from "../expressions/validate.js";
import { relayFeedbackFacts } from "../feedback/relay-feedback-facts.js";
import { readStoredDocument } from "../journeys/document-migrations.js";
import type { Stores } from "../stores.js";
import { createWorkspace } from "../workspaces/create-workspace.js";
import { resolveAccess } from "../workspaces/resolve-access.js";
import { DEMO_LOGIN, seedDemo } from "../workspaces/seed-demo.js";
import { telecomMove } from "./demo-telecom.js";
import { TELECOM_COHORT_SIZE, TELECOM_STEPS, telecomCohort } from "./demo-telecom-cohort.js";
import { seedDemoContent } from "./seed-demo-content.js";
import { seedDemoEvents } from "./seed-demo-events.js";

const NOW = new Date("2026-11-23T10:00:00.000Z");
const DAY = 86_400_000;

interface EventFact {
  message_id: string;
  event: string;
  user_id: string;
  anonymous_id: string;
  ts: string;
  properties: string;
  context: string;
}

interface FeedbackFactRow {
  customer_id: string;
  journey_id: string;
  step_id: string;
  touchpoint_id: string;
  ts: string;
  rating_metrics: string[];
  rating_values: number[];
  text: string;
}

/** The telecom journey of a workspace: its steps in order with their touchpoints' matchers. */
async function telecomJourney(stores: Stores, workspaceId: string) {
  const j = await stores.sor.db
    .selectFrom("journeys")
    .select(["id", "document"])
    .where("workspace_id", "=", workspaceId)
    .where("title", "=", telecomMove.journey.title)
    .executeTakeFirstOrThrow();
  const steps = readStoredDocument(j.document, j.id).stages.flatMap((s) => s.steps);
  const tps = await stores.sor.db
    .selectFrom("touchpoints")
    .select(["id", "key", "event_matchers"])
    .where("workspace_id", "=", workspaceId)
    .execute();
  const byId = new Map(tps.map((t) => [t.id, t]));
  return {
    id: j.id,
    steps: steps.map((s) => {
      const tp = s.touchpointId ? byId.get(s.touchpointId) : undefined;
      return {
        id: s.id,
        title: s.title,
        touchpointId: s.touchpointId,
        key: tp?.key ?? null,
        matchers: (tp?.event_matchers ?? []) as TEventMatcher[],
      };
    }),
  };
}

const cohortEvents = (stores: Stores, workspaceId: string) =>
  stores.facts.query<EventFact>(
    `SELECT message_id, event, user_id, anonymous_id, toString(timestamp) AS ts, properties, context
     FROM ${stores.facts.database}.events
     WHERE workspace_id = {ws:UUID} AND anonymous_id LIKE 'demo-anon-2%'
     ORDER BY timestamp, message_id`,
    { ws: workspaceId },
  );

async function cohortFeedback(stores: Stores, workspaceId: string): Promise<FeedbackFactRow[]> {
  const ids = await stores.sor.db
    .selectFrom("feedback")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("customer_id", "like", "K-2%")
    .execute();
  await relayFeedbackFacts(
    stores,
    workspaceId,
    ids.map((r) => r.id),
  );
  return stores.facts.query<FeedbackFactRow>(
    `SELECT customer_id, toString(journey_id) AS journey_id, step_id, touchpoint_id,
            toString(received_at) AS ts, rating_metrics, rating_values, text
     FROM ${stores.facts.database}.feedback FINAL
     WHERE workspace_id = {ws:UUID} AND customer_id LIKE 'K-2%' AND deleted = 0
     ORDER BY customer_id, received_at`,
    { ws: workspaceId },
  );
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const time = (ts: string) => new Date(`${ts.replace(" ", "T")}Z`).getTime();
const record = (e: EventFact) => ({ properties: JSON.parse(e.properties), context: JSON.parse(e.context) });
const matches = (matchers: TEventMatcher[], e: EventFact) =>
  matchers.some((m) => matchesEvent(m, e.event, record(e)));

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "demo telecom cohort on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: string;
    let journey: Awaited<ReturnType<typeof telecomJourney>>;
    let events: EventFact[];
    let feedback: FeedbackFactRow[];
    const cohort = telecomCohort(NOW);
    beforeAll(async () => {
      stores = await variant.open();
      await seedDemo(stores.sor.db);
      ws = (
        await stores.sor.db
          .selectFrom("workspaces")
          .select("id")
          .where("slug", "=", "demo")
          .executeTakeFirstOrThrow()
      ).id;
      await seedDemoEvents(stores, ws, NOW);
      journey = await telecomJourney(stores, ws);
      events = await cohortEvents(stores, ws);
      feedback = await cohortFeedback(stores, ws);
    });
    afterAll(() => stores.close());

    it("stores the cohort's customers, stitched anonymous and user ids, and every generated event", async () => {
      expect(new Set(events.map((e) => e.anonymous_id)).size).toBe(TELECOM_COHORT_SIZE);
      expect(events.length).toBe(cohort.reduce((n, c) => n + c.events.length, 0));
      const stitched = await stores.sor.db
        .selectFrom("customer_identities")
        .select(["customer_id", "distinct_id"])
        .where("workspace_id", "=", ws)
        .where((eb) =>
          eb.or([eb("distinct_id", "like", "user:K-2%"), eb("distinct_id", "like", "anon:demo-anon-2%")]),
        )
        .execute();
      expect(stitched.length).toBe(2 * TELECOM_COHORT_SIZE);
      expect(new Set(stitched.map((s) => s.customer_id)).size).toBe(TELECOM_COHORT_SIZE);
      // Every event lies in the last ~90 days and before now.
      for (const e of events) {
        expect(time(e.ts)).toBeLessThan(NOW.getTime());
        expect(time(e.ts)).toBeGreaterThan(NOW.getTime() - 93 * DAY);
      }
    });

    it("generates only events that a touchpoint of the telecom journey's steps matches", () => {
      const matchers = journey.steps.flatMap((s) => s.matchers);
      const unmatched = events.filter((e) => !matches(matchers, e)).map((e) => e.event);
      expect(unmatched).toEqual([]);
      // Each mapped step is matched by some event, so every step of the map has data.
      const mapped = journey.steps.filter((s) => s.matchers.length > 0);
      expect(mapped.length).toBe(17);
      for (const s of mapped)
        expect(
          events.some((e) => matches(s.matchers, e)),
          s.title,
        ).toBe(true);
    });

    it("walks the main path in step order with declining counts and 35–45 % completing", () => {
      const main = [
        "tk-website-umzug",
        "tk-verfuegbarkeit",
        "tk-umzugsauftrag",
        "tk-warten-bestaetigung",
        "tk-bestaetigung-mail",
        "tk-hardware-versand",
        "tk-terminvereinbarung",
        "tk-techniker-besuch",
        "tk-nps-umfrage",
        "tk-erste-rechnung",
        "tk-gutschrift",
      ];
      const byCustomer = groupBy(events, (e) => e.anonymous_id);
      const reached = main.map(() => 0);
      for (const list of byCustomer.values()) {
        let prev = Number.NEGATIVE_INFINITY;
        for (const [k, key] of main.entries()) {
          const step = journey.steps.find((s) => s.key === key);
          const first = list.find((e) => step && matches(step.matchers, e));
          if (!first) {
            // Nobody skips a main step: dropping out ends the walk.
            for (const later of main.slice(k + 1)) {
              const s = journey.steps.find((x) => x.key === later);
              expect(list.some((e) => s && matches(s.matchers, e))).toBe(false);
            }
            break;
          }
          expect(time(first.ts)).toBeGreaterThanOrEqual(prev);
          prev = time(first.ts);
          reached[k] = (reached[k] ?? 0) + 1;
        }
      }
      expect(reached[0]).toBe(TELECOM_COHORT_SIZE);
      for (let k = 1; k < reached.length; k++) expect(reached[k]).toBeLessThanOrEqual(reached[k - 1] ?? 0);
      const share = (k: number) => (reached[k] ?? 0) / TELECOM_COHORT_SIZE;
      expect(share(1)).toBeGreaterThan(0.7);
      expect(share(1)).toBeLessThan(0.9);
      expect(share(2)).toBeGreaterThan(0.5);
      expect(share(2)).toBeLessThan(0.7);
      expect(share(main.length - 1)).toBeGreaterThanOrEqual(0.35);
      expect(share(main.length - 1)).toBeLessThanOrEqual(0.45);
      // The facts hold what the generator made.
      expect(reached[main.length - 1]).toBe(
        cohort.filter((c) => c.events.some((e) => e.name === "Credit Note Issued")).length,
      );
    });

    it("has callers, repeat contacts within a week (some switching to chat) and rescheduled appointments", () => {
      const byCustomer = groupBy(events, (e) => e.anonymous_id);
      let callers = 0;
      let repeaters = 0;
      let switched = 0;
      for (const list of byCustomer.values()) {
        const calls = list.filter((e) => e.event === "Call Ended");
        const queued = list.filter((e) => e.event === "Call Queued");
        expect(queued.length).toBe(calls.length);
        for (const c of calls) expect(JSON.parse(c.context).channel).toBe("phone");
        if (calls.length > 0) callers++;
        const contacts = list.filter((e) => e.event === "Call Ended" || e.event === "Chat Ended");
        const repeats = contacts.filter((e) => JSON.parse(e.properties).repeat_contact === true);
        for (const r of repeats) {
          const previous = Math.max(
            ...contacts.filter((c) => time(c.ts) < time(r.ts)).map((c) => time(c.ts)),
          );
          expect(time(r.ts) - previous).toBeLessThanOrEqual(7 * DAY);
        }
        if (repeats.length > 0) repeaters++;
        if (repeats.some((r) => r.event === "Chat Ended") && calls.length > 0) switched++;
      }
      expect(callers / TELECOM_COHORT_SIZE).toBeGreaterThan(0.15);
      expect(callers / TELECOM_COHORT_SIZE).toBeLessThan(0.3);
      expect(repeaters).toBeGreaterThan(20);
      expect(switched).toBeGreaterThan(5);
      expect(events.filter((e) => e.event === "Technician Appointment Rescheduled").length).toBeGreaterThan(
        30,
      );
    });

    it("links ratings to the journey, its steps and the customer, after the rated step", () => {
      const byCustomer = groupBy(events, (e) => e.user_id || e.anonymous_id.replace("demo-anon-", "K-"));
      expect(feedback.length).toBe(cohort.reduce((n, c) => n + c.feedback.length, 0));
      const respondents = new Set(feedback.map((f) => f.customer_id));
      expect(respondents.size / TELECOM_COHORT_SIZE).toBeGreaterThan(0.3);
      expect(respondents.size / TELECOM_COHORT_SIZE).toBeLessThan(0.5);
      for (const f of feedback) {
        expect(f.journey_id).toBe(journey.id);
        expect(f.customer_id).toMatch(/^K-2\d{4}$/);
        const list = byCustomer.get(f.customer_id) ?? [];
        if (f.rating_metrics[0] === "csat") {
          const step = journey.steps.find((s) => s.id === f.step_id);
          expect(step?.touchpointId).toBe(f.touchpoint_id);
          const stepEvent = list.find((e) => step && matches(step.matchers, e));
          expect(stepEvent && time(stepEvent.ts)).toBeLessThan(time(f.ts));
          expect(f.rating_values[0]).toBeGreaterThanOrEqual(1);
          expect(f.rating_values[0]).toBeLessThanOrEqual(5);
        } else {
          expect(f.rating_metrics).toEqual(["nps"]);
          expect(f.step_id).toBe("");
          expect(time(list.at(-1)?.ts ?? "")).toBeLessThan(time(f.ts));
        }
      }
      expect(feedback.filter((f) => f.rating_metrics[0] === "nps").length).toBeGreaterThan(60);
      expect(feedback.filter((f) => f.text !== "").length).toBeGreaterThan(100);
    });

    it("makes satisfaction follow the operations, with some rating every step well and the journey badly", () => {
      const contacts = new Map<string, number>();
      for (const e of events)
        if (e.event === "Call Ended" || e.event === "Chat Ended")
          contacts.set(e.user_id, (contacts.get(e.user_id) ?? 0) + 1);
      const nps = feedback.filter((f) => f.rating_metrics[0] === "nps");
      const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
      const calm = nps
        .filter((f) => (contacts.get(f.customer_id) ?? 0) === 0)
        .map((f) => f.rating_values[0] ?? 0);
      const busy = nps
        .filter((f) => (contacts.get(f.customer_id) ?? 0) >= 2)
        .map((f) => f.rating_values[0] ?? 0);
      expect(calm.length).toBeGreaterThan(10);
      expect(busy.length).toBeGreaterThan(5);
      expect(mean(busy)).toBeLessThan(mean(calm) - 2);
      const goodBad = [...groupBy(feedback, (f) => f.customer_id).values()].filter((list) => {
        const steps = list.filter((f) => f.rating_metrics[0] === "csat");
        const overall = list.find((f) => f.rating_metrics[0] === "nps");
        return (
          steps.length >= 2 &&
          steps.every((f) => (f.rating_values[0] ?? 0) >= 4) &&
          (overall?.rating_values[0] ?? 10) <= 4
        );
      });
      expect(goodBad.length).toBeGreaterThanOrEqual(
        cohort.filter((c) => c.outcome.goodStepsBadJourney).length,
      );
      expect(goodBad.length).toBeGreaterThan(5);
    });

    it("measures the telecom journey at once: instances and step values on the map", async () => {
      const access = await resolveAccess(stores.sor.db, { kind: "system" }, ws);
      const ctx = { db: stores.sor.db, access: access as NonNullable<typeof access>, facts: stores.facts };
      const range = ZJourneyMeasuresRequest.parse({
        journeyId: journey.id,
        from: new Date(NOW.getTime() - 120 * DAY).toISOString(),
        to: NOW.toISOString(),
      });
      const measured = await journeyMeasures(ctx, range, NOW);
      // Every cohort customer entered at the first step (so did some of the first 40 demo customers,
      // who walk the start of this journey too); about 4 in 10 completed.
      expect(measured.instances.customers).toBeGreaterThanOrEqual(TELECOM_COHORT_SIZE);
      const completed = measured.instances.completed / measured.instances.total;
      expect(completed).toBeGreaterThan(0.3);
      expect(completed).toBeLessThan(0.5);
      const mapped = measured.steps.filter((s) => s.mapped);
      expect(mapped[0]?.customers).toBeGreaterThanOrEqual(TELECOM_COHORT_SIZE);
      expect(mapped.filter((s) => s.waitMedianSeconds !== null).length).toBeGreaterThan(5);
      expect(measured.steps.some((s) => s.contacts > 0)).toBe(true);
      expect(measured.steps.filter((s) => s.rating.n > 0).length).toBeGreaterThan(3);
    });

    it("is deterministic: a second workspace gets the same events and ratings", async () => {
      const other = await createWorkspace(
        stores.sor.db,
        { kind: "system" },
        { name: "Demo 2", slug: "demo-2", ownerEmail: DEMO_LOGIN.email },
      );
      const access = await resolveAccess(stores.sor.db, { kind: "system" }, other.id);
      await seedDemoContent({ db: stores.sor.db, access: access as NonNullable<typeof access> }, null);
      await seedDemoEvents(stores, other.id, NOW);
      expect(await cohortEvents(stores, other.id)).toEqual(events);
      const otherJourney = await telecomJourney(stores, other.id);
      const position = (j: typeof journey, stepId: string) => j.steps.findIndex((s) => s.id === stepId);
      const comparable = (rows: FeedbackFactRow[], j: typeof journey) =>
        rows.map((f) => ({
          customer: f.customer_id,
          at: f.ts,
          step: position(j, f.step_id),
          metrics: f.rating_metrics,
          values: f.rating_values,
          text: f.text,
        }));
      expect(comparable(await cohortFeedback(stores, other.id), otherJourney)).toEqual(
        comparable(feedback, journey),
      );
      expect(TELECOM_STEPS.length).toBe(otherJourney.steps.length);
    });
  },
);
