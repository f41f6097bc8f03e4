import type { Stores } from "../core/stores.js";

/** An events row as tests read it back (FINAL: after ReplacingMergeTree dedup). */
export interface StoredEvent {
  message_id: string;
  type: string;
  event: string;
  name: string;
  user_id: string;
  anonymous_id: string;
  group_id: string;
  previous_id: string;
  timestamp: string;
  properties: string;
  context: string;
  traits: string;
  source: string;
  historical: number;
  analytics_consent: number;
}

/** The workspace's stored events, by messageId. */
export async function storedEvents(stores: Stores, workspaceId: string): Promise<StoredEvent[]> {
  return stores.facts.query<StoredEvent>(
    `SELECT message_id, type, event, name, user_id, anonymous_id, group_id, previous_id,
            toString(timestamp) AS timestamp, properties, context, traits, source, historical, analytics_consent
     FROM ${stores.facts.database}.events FINAL WHERE workspace_id = {ws:String} ORDER BY message_id`,
    { ws: workspaceId },
  );
}

/** Basic auth as Segment SDKs send a write key. */
export const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString("base64")}`;
