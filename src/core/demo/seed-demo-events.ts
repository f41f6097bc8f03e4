import type { Insertable } from "kysely";
import { rebuildJourneyInstances } from "../analytics/instances/refresh.js";
import { maybeEnqueueEventRules } from "../case-rules/schedule.js";
import { applyIdentity } from "../customers/apply-identity.js";
import { ZIdentityPayload } from "../customers/identity-payload.js";
import type { FeedbackTable, StoredRating } from "../db/schema.js";
import { chTime, type EventRow, TRACK_ONLY_COLUMNS } from "../events/event-row.js";
import { eventWriterFor } from "../events/writer.js";
import { enqueueFeedbackRelay } from "../feedback/relay.js";
import { scoreBand } from "../feedback/score-band.js";
import { uuidv7 } from "../ids.js";
import { readStoredDocument } from "../journeys/document-migrations.js";
import type { Stores } from "../stores.js";
import { seededRng } from "./demo-random.js";
import { telecomMove } from "./demo-telecom.js";
import { type CohortCustomer, TELECOM_STEPS, telecomCohort } from "./demo-telecom-cohort.js";

const DAY = 86_400_000;
type Step = [name: string, channel: string, properties: Record<string, unknown>];

/** One scenario per demo journey, in the event names the journeys' touchpoints match. */
const SCENARIOS: readonly (readonly Step[])[] = [
  [
    ["Page Viewed", "web", { path: "/umzug" }],
    ["Availability Checked", "web", { result: "available" }],
    ["Move Order Submitted", "web", { tariff: "Comfort" }],
    ["Order Confirmation Sent", "email", {}],
    ["Shipment Dispatched", "server", { carrier: "DHL" }],
    ["Delivery Delayed", "server", { delayDays: 3 }],
    ["Ticket Created", "phone", { queue: "Lieferung" }],
    ["Call Ended", "phone", { durationSeconds: 640, repeat_contact: true }],
    ["Technician Appointment Scheduled", "phone", {}],
  ],
  [
    ["Booking Completed", "web", { nights: 3 }],
    ["Email Sent", "email", { template: "pre_arrival" }],
    ["Guest Checked In", "frontdesk", {}],
    ["Call Ended", "phone", { topic: "water", repeat_contact: true }],
    ["Ticket Created", "phone", { queue: "Haustechnik" }],
    ["Guest Checked Out", "frontdesk", {}],
    ["Invoice Issued", "email", {}],
  ],
  [
    ["Product Viewed", "app", { sku: "JK-2041" }],
    ["Checkout Started", "app", {}],
    ["Order Completed", "app", { total: 129.9, currency: "EUR" }],
    ["Order Shipped", "server", {}],
    ["Delivery Delayed", "server", { delayDays: 2 }],
    ["Order Delivered", "server", {}],
    ["Return Requested", "app", { reason: "size" }],
    ["Ticket Created", "chat", { queue: "Retoure" }],
    ["Refund Issued", "server", { amount: 129.9 }],
  ],
];

/** Demo customers K-10001 … with events; they are among the demo feedback's customers. */
export const DEMO_EVENT_CUSTOMERS = 40;

type Identify = {
  messageId: string;
  userId: string;
  anonymousId: string;
  traits: Record<string, unknown>;
  timestamp: string;
};
type SeenRange = { userId?: string; anonymousId?: string; firstSeen: string; lastSeen: string };

/**
 * A few hundred events for the first demo customers, so the customer timeline shows events next to
 * their feedback: each browses anonymously, then identifies (linking both ids) and walks one demo
 * journey. Then the telecom cohort (`demo-telecom-cohort.ts`): several hundred customers K-20001 …
 * walking the telecom journey, with ratings linked to its steps (when the workspace has that journey).
 * Written to the facts store, stitched and measured as journey instances at once; the same every
 * installation, relative to `now`.
 * Returns the number of events.
 */
export async function seedDemoEvents(stores: Stores, workspaceId: string, now = new Date()): Promise<number> {
  const rng = seededRng(20261123);
  const rows: EventRow[] = [];
  const identifies: Identify[] = [];
  const ids: SeenRange[] = [];
  for (let i = 0; i < DEMO_EVENT_CUSTOMERS; i++) {
    const n = 10001 + i;
    const userId = `K-${n}`;
    const anonymousId = `demo-anon-${n}`;
    let at = now.getTime() - rng.int(20, 80) * DAY;
    const push = (who: { userId?: string; anonymousId?: string }, [name, channel, properties]: Step) => {
      at += rng.int(2, 60 * 30) * 60_000;
      const messageId = `demo-${n}-${rows.length}`;
      rows.push(demoRow(workspaceId, messageId, who, name, channel, properties, new Date(at)));
      return new Date(at).toISOString();
    };
    const first = push({ anonymousId }, ["Page Viewed", "web", { path: "/" }]);
    const identified = push({ userId, anonymousId }, ["Signed In", "web", {}]);
    identifies.push({
      messageId: `demo-identify-${n}`,
      userId,
      anonymousId,
      traits: { email: `kunde${n}@example.com`, name: `Kunde ${n}` },
      timestamp: identified,
    });
    let last = identified;
    for (const step of SCENARIOS[i % SCENARIOS.length] as readonly Step[])
      if (rng.chance(0.85)) last = push({ userId }, step);
    ids.push(
      { anonymousId, firstSeen: first, lastSeen: identified },
      // "Signed In" carries both ids, which links them at once (no merge of two customers later).
      { userId, anonymousId, firstSeen: identified, lastSeen: identified },
      { userId, firstSeen: identified, lastSeen: last },
    );
  }
  const cohort = telecomCohort(now);
  for (const c of cohort) cohortRows(workspaceId, c, rows, identifies, ids);
  await eventWriterFor(stores).write(rows);
  await applyIdentity(stores, workspaceId, ZIdentityPayload.parse({ ids, identifies, aliases: [] }));
  await seedCohortFeedback(stores, workspaceId, cohort);
  // The journeys' instances now, so the maps show measured values on first start (later events
  // refresh them through the outbox).
  await rebuildJourneyInstances(stores, workspaceId);
  // The case rules read these events too (identity was applied here, not through the outbox).
  await maybeEnqueueEventRules(stores.sor.db, workspaceId, new Date(), 0);
  return rows.length;
}

/** One cohort customer's events, identify call and seen ranges (anonymous before signing in). */
function cohortRows(
  workspaceId: string,
  c: CohortCustomer,
  rows: EventRow[],
  identifies: Identify[],
  ids: SeenRange[],
): void {
  const iso = (ms: number) => new Date(ms).toISOString();
  c.events.forEach((e, i) => {
    const who = e.anonymous
      ? { anonymousId: c.anonymousId }
      : { userId: c.userId, anonymousId: c.anonymousId };
    rows.push(demoRow(workspaceId, `demo-${c.n}-${i}`, who, e.name, e.channel, e.properties, new Date(e.at)));
  });
  const first = c.events[0]?.at ?? c.identifiedAt;
  const last = c.events.at(-1)?.at ?? c.identifiedAt;
  identifies.push({
    messageId: `demo-identify-${c.n}`,
    userId: c.userId,
    anonymousId: c.anonymousId,
    traits: { email: c.email, name: `Kunde ${c.n}`, ...c.traits },
    timestamp: iso(c.identifiedAt),
  });
  ids.push(
    { anonymousId: c.anonymousId, firstSeen: iso(first), lastSeen: iso(c.identifiedAt) },
    // After signing in, events carry both ids: one seen range links them (no merge needed later).
    {
      userId: c.userId,
      anonymousId: c.anonymousId,
      firstSeen: iso(c.identifiedAt),
      lastSeen: iso(Math.max(last, c.identifiedAt)),
    },
  );
}

const FEEDBACK_CHUNK = 250;

/**
 * The cohort's ratings as feedback records linked to the telecom journey (and, for step ratings, to
 * the step and its touchpoint) and to the customer, relayed to the facts store like any feedback.
 * Nothing when the workspace has no telecom demo journey.
 */
async function seedCohortFeedback(stores: Stores, workspaceId: string, cohort: CohortCustomer[]) {
  const { db } = stores.sor;
  const journey = await db
    .selectFrom("journeys")
    .select(["id", "document"])
    .where("workspace_id", "=", workspaceId)
    .where("title", "=", telecomMove.journey.title)
    .orderBy("created_at")
    .executeTakeFirst();
  if (!journey) return 0;
  const steps = readStoredDocument(journey.document, journey.id).stages.flatMap((s) => s.steps);
  // The stored map must still be the demo's: step i of the document is step i of the cohort.
  if (steps.length !== TELECOM_STEPS.length || steps.some((s, i) => s.title !== TELECOM_STEPS[i]?.title))
    return 0;
  const records: Insertable<FeedbackTable>[] = [];
  for (const c of cohort) {
    const customer = JSON.stringify({ userId: c.userId, email: c.email, traits: c.traits });
    for (const f of c.feedback) {
      const step = f.step === null ? null : steps[f.step];
      const [min, max] = f.metric === "nps" ? [0, 10] : [1, 5];
      const ratings: StoredRating[] = [{ metric: f.metric, value: f.value, min, max, questionId: f.metric }];
      const at = new Date(f.at);
      records.push({
        id: uuidv7(),
        workspace_id: workspaceId,
        kind: "survey_response",
        channel: f.metric === "nps" ? "sms" : "survey_link",
        received_at: at,
        customer_id: c.userId,
        customer,
        touchpoint_id: step?.touchpointId ?? null,
        journey_id: journey.id,
        step_id: step?.id ?? null,
        ratings: JSON.stringify(ratings),
        score_band: scoreBand(ratings),
        answers: JSON.stringify(f.text ? { [f.metric]: f.value, reason: f.text } : { [f.metric]: f.value }),
        text: f.text,
        language: "de",
        metadata: JSON.stringify({ demo: "telecom_cohort", scope: f.step === null ? "journey" : "step" }),
        finished: true,
        finished_at: at,
        created_at: at,
        updated_at: at,
      });
    }
  }
  for (let i = 0; i < records.length; i += FEEDBACK_CHUNK) {
    const chunk = records.slice(i, i + FEEDBACK_CHUNK);
    await db.transaction().execute(async (tx) => {
      await tx.insertInto("feedback").values(chunk).execute();
      await enqueueFeedbackRelay(
        tx,
        workspaceId,
        chunk.map((r) => r.id),
      );
    });
  }
  return records.length;
}

function demoRow(
  workspaceId: string,
  messageId: string,
  who: { userId?: string; anonymousId?: string },
  event: string,
  channel: string,
  properties: Record<string, unknown>,
  at: Date,
): EventRow {
  const context = { channel, library: { name: "journeylens-demo" } };
  return {
    workspace_id: workspaceId,
    message_id: messageId,
    type: "track",
    event,
    customer_id: "",
    user_id: who.userId ?? "",
    anonymous_id: who.anonymousId ?? "",
    timestamp: chTime(at),
    received_at: chTime(at),
    properties: JSON.stringify(properties),
    context: JSON.stringify(context),
    version: 1,
    payload_hash: messageId,
    ...TRACK_ONLY_COLUMNS,
    source: "import",
    historical: 1,
  };
}
