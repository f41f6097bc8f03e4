import { z } from "@hono/zod-openapi";

/** Segment's call types. */
export const EVENT_TYPES = ["track", "identify", "page", "screen", "group", "alias"] as const;
export type TEventType = (typeof EVENT_TYPES)[number];

/** Stable per-item codes of the ingestion API (docs/api/observe.md §1). */
export const INGEST_CODES = [
  "invalid_json",
  "missing_identity",
  "missing_event_name",
  "event_too_large",
  "timestamp_in_future",
  "duplicate_conflict",
  "schema_violation",
  "suppressed",
  "rate_limited",
] as const;
export type TIngestCode = (typeof INGEST_CODES)[number];

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** An event after validation and envelope merge, before it becomes a facts row. */
export interface NormalizedEvent {
  type: TEventType;
  /** Given by the client, or a generated UUIDv7 (`generatedId`): no dedup possible then. */
  messageId: string;
  generatedId: boolean;
  userId: string;
  anonymousId: string;
  /** Track's event name; "" otherwise. */
  event: string;
  /** Page/screen name; "" otherwise. */
  name: string;
  groupId: string;
  previousId: string;
  /** Canonical JSON texts (keys sorted at every level, strings cleaned); context and integrations merged with the envelope's. */
  properties: string;
  traits: string;
  context: string;
  integrations: string;
  /** `context.consent.categoryPreferences` as canonical JSON, "" when absent. */
  consent: string;
  /** False when those preferences deny analytics. */
  analyticsConsent: boolean;
  /** The client's `timestamp` as sent (ISO), part of the payload hash. */
  sentTimestamp: string | null;
  /** The event's time after skew correction and the future rule. */
  timestamp: Date;
  originalTimestamp: Date | null;
  sentAt: Date | null;
  receivedAt: Date;
  historical: boolean;
}

export const ZIngestRejection = z.object({
  index: z.number().int(),
  messageId: z.string().nullable(),
  code: z.enum(INGEST_CODES),
  message: z.string(),
});
export type TIngestRejection = z.infer<typeof ZIngestRejection>;

export const ZIngestWarning = z.object({
  index: z.number().int(),
  messageId: z.string().nullable(),
  code: z.literal("timestamp_in_future"),
});
export type TIngestWarning = z.infer<typeof ZIngestWarning>;

export const ZIngestResult = z
  .object({
    success: z.boolean(),
    accepted: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.array(ZIngestRejection),
    warnings: z.array(ZIngestWarning).optional(),
  })
  .openapi("EventIngestResult");
export type TIngestResult = z.infer<typeof ZIngestResult>;

export const ZFailedEvent = z
  .object({
    id: z.string(),
    source: z.enum(["http", "import", "replay"]),
    code: z.string(),
    message: z.string(),
    messageId: z.string().nullable(),
    payload: z.string().openapi({ description: "The item as received (JSON text), cut at 64 KB" }),
    truncated: z.boolean(),
    status: z.enum(["failed", "replayed"]),
    receivedAt: z.string(),
    replayedAt: z.string().nullable(),
  })
  .openapi("FailedEvent");
export type TFailedEvent = z.infer<typeof ZFailedEvent>;

export const ZFailedEventListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
  code: z.enum(INGEST_CODES).optional(),
});
export type TFailedEventListQuery = z.infer<typeof ZFailedEventListQuery>;
