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

/** ClickHouse's DateTime64(3) text form, read the same by chDB and a server. */
export const chTime = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");

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
