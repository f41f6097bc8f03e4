/**
 * One row of the facts table `events` (src/core/facts/migrations.ts: 0001_events + 0004_events_ingest),
 * as the ingestion API and the event-log import write it. Times are ClickHouse DateTime64(3) text
 * ("2026-11-23 10:15:00.000", UTC); JSON columns are JSON text.
 */
export interface EventRow {
  workspace_id: string;
  message_id: string;
  type: "track" | "identify" | "page" | "screen" | "group" | "alias";
  /** Track: the event name; page/screen: "" (see `name`). */
  event: string;
  /** Resolved later through customer_identities; "" at ingestion. */
  customer_id: string;
  user_id: string;
  anonymous_id: string;
  timestamp: string;
  received_at: string;
  properties: string;
  context: string;
  version: number;
  payload_hash: string;
  name: string;
  group_id: string;
  previous_id: string;
  traits: string;
  original_timestamp: string | null;
  sent_at: string | null;
  consent: string;
  analytics_consent: number;
  source: "http" | "import" | "replay";
  historical: number;
}

/** The columns of `eventLine`, in its order. */
export const EVENT_COLUMNS = [
  "workspace_id",
  "message_id",
  "type",
  "event",
  "customer_id",
  "user_id",
  "anonymous_id",
  "timestamp",
  "received_at",
  "properties",
  "context",
  "version",
  "payload_hash",
  "name",
  "group_id",
  "previous_id",
  "traits",
  "original_timestamp",
  "sent_at",
  "consent",
  "analytics_consent",
  "source",
  "historical",
] as const satisfies readonly (keyof EventRow)[];

/** The row as one JSONCompactEachRow line (without the newline), columns as `EVENT_COLUMNS`. */
export function eventLine(r: EventRow): string {
  return JSON.stringify([
    r.workspace_id,
    r.message_id,
    r.type,
    r.event,
    r.customer_id,
    r.user_id,
    r.anonymous_id,
    r.timestamp,
    r.received_at,
    r.properties,
    r.context,
    r.version,
    r.payload_hash,
    r.name,
    r.group_id,
    r.previous_id,
    r.traits,
    r.original_timestamp,
    r.sent_at,
    r.consent,
    r.analytics_consent,
    r.source,
    r.historical,
  ]);
}

// A small direct-mapped cache of recent times: the events of one request share their received
// time and often their sent and event times, and toISOString is the costly part.
const SLOTS = 256;
const cachedMs = new Float64Array(SLOTS).fill(Number.NaN);
const cachedText: string[] = new Array(SLOTS).fill("");

/** ClickHouse's DateTime64(3) text form, read the same by chDB and a server. */
export function chTime(d: Date): string {
  const ms = d.getTime();
  const slot = ms & (SLOTS - 1);
  if (cachedMs[slot] === ms) return cachedText[slot] as string;
  const iso = d.toISOString();
  const text = `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
  cachedMs[slot] = ms;
  cachedText[slot] = text;
  return text;
}

/** The Segment-only columns a plain track event leaves empty: spread, then set what the event has. */
export const TRACK_ONLY_COLUMNS = {
  name: "",
  group_id: "",
  previous_id: "",
  traits: "{}",
  original_timestamp: null,
  sent_at: null,
  consent: "",
  analytics_consent: 1,
} as const satisfies Partial<EventRow>;
