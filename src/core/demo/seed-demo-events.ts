import { applyIdentity } from "../customers/apply-identity.js";
import { ZIdentityPayload } from "../customers/identity-payload.js";
import { chTime, type EventRow, TRACK_ONLY_COLUMNS } from "../events/event-row.js";
import type { Stores } from "../stores.js";
import { seededRng } from "./demo-random.js";

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

/**
 * A few hundred events for the first demo customers, so the customer timeline shows events next to
 * their feedback: each browses anonymously, then identifies (linking both ids) and walks one demo
 * journey. Written to the facts store and stitched at once; the same every installation.
 */
export async function seedDemoEvents(stores: Stores, workspaceId: string, now = new Date()): Promise<number> {
  const rng = seededRng(20261123);
  const rows: EventRow[] = [];
  const identifies: {
    messageId: string;
    userId: string;
    anonymousId: string;
    traits: Record<string, unknown>;
    timestamp: string;
  }[] = [];
  const ids: { userId?: string; anonymousId?: string; firstSeen: string; lastSeen: string }[] = [];
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
      { userId, firstSeen: identified, lastSeen: last },
    );
  }
  await stores.facts.insert("events", rows);
  await applyIdentity(stores, workspaceId, ZIdentityPayload.parse({ ids, identifies, aliases: [] }));
  return rows.length;
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
