import { createHash } from "node:crypto";
import type { IngestLimits } from "../config.js";
import { uuidv7 } from "../ids.js";
import type { JsonObject, NormalizedEvent, TEventType, TIngestCode } from "./event.schema.js";
import { EVENT_TYPES } from "./event.schema.js";
import { chTime, type EventRow } from "./event-row.js";
import { deeperThan, isObject, sanitize } from "./safe-json.js";

/** What a batch envelope lends its events (docs/api/observe.md §1). */
export interface Envelope {
  context?: Record<string, unknown> | undefined;
  integrations?: Record<string, unknown> | undefined;
  sentAt?: unknown;
  historical?: boolean | undefined;
}

export type Normalized =
  | { ok: true; event: NormalizedEvent; futureWarning: boolean }
  | { ok: false; code: TIngestCode; message: string; messageId: string | null };

const MIN_TIME = Date.UTC(1900, 0, 1);
const MAX_TIME = Date.UTC(2299, 11, 31);
const FUTURE_MS = 23 * 3600 * 1000;
const ID_FIELDS = ["messageId", "userId", "anonymousId", "groupId", "previousId"] as const;
const ANALYTICS_CATEGORIES = ["analytics", "Analytics", "C0002", "statistics"];

class Rejection extends Error {
  constructor(
    readonly code: TIngestCode,
    message: string,
  ) {
    super(message);
  }
}
const reject = (code: TIngestCode, message: string) => new Rejection(code, message);

/** An id field: strings and numbers (some SDKs send numeric user ids); "" counts as absent. */
function id(raw: Record<string, unknown>, field: (typeof ID_FIELDS)[number], max: number): string {
  const v = raw[field];
  if (v === undefined || v === null) return "";
  if (typeof v !== "string" && typeof v !== "number")
    throw reject("schema_violation", `${field} must be a string`);
  const s = String(v);
  if (s.length > max) throw reject("schema_violation", `${field} is longer than ${max} characters`);
  return s;
}

function object(raw: Record<string, unknown>, field: string): JsonObject {
  const v = raw[field];
  if (v === undefined || v === null) return {};
  if (!isObject(v)) throw reject("schema_violation", `${field} must be an object`);
  return v as JsonObject;
}

function time(v: unknown, field: string): Date | null {
  if (v === undefined || v === null || v === "") return null;
  const d = typeof v === "string" ? new Date(v) : null;
  if (!d || Number.isNaN(d.getTime()))
    throw reject("schema_violation", `${field} must be an ISO 8601 date-time`);
  // The facts store's DateTime64 covers 1900–2299; outside it an insert would fail for good.
  if (d.getTime() < MIN_TIME || d.getTime() > MAX_TIME)
    throw reject("schema_violation", `${field} must lie between 1900 and 2299`);
  return d;
}

/**
 * Validates one item and applies the envelope (context/integrations merged under the event's own,
 * shallow per top-level key), the clock-skew correction and the future rule.
 */
export function normalizeEvent(
  item: unknown,
  options: { type?: TEventType; envelope: Envelope; receivedAt: Date; limits: IngestLimits },
): Normalized {
  const { limits, envelope, receivedAt } = options;
  const rawId = isObject(item) && typeof item.messageId === "string" ? item.messageId.slice(0, 255) : null;
  try {
    if (!isObject(item)) throw reject("schema_violation", "an event must be a JSON object");
    if (deeperThan(item, limits.maxDepth))
      throw reject("schema_violation", `the event nests deeper than ${limits.maxDepth} levels`);
    if (Buffer.byteLength(JSON.stringify(item)) > limits.maxEventBytes)
      throw reject("event_too_large", `the event's JSON exceeds ${limits.maxEventBytes} bytes`);
    const raw = sanitize(item) as Record<string, unknown>;
    const type = options.type ?? raw.type;
    if (!EVENT_TYPES.includes(type as TEventType))
      throw reject("schema_violation", `type must be one of ${EVENT_TYPES.join(", ")}`);
    const ids = Object.fromEntries(ID_FIELDS.map((f) => [f, id(raw, f, limits.maxIdLength)])) as Record<
      (typeof ID_FIELDS)[number],
      string
    >;
    if (type === "alias" && (!ids.previousId || !ids.userId))
      throw reject("missing_identity", "alias needs previousId and userId");
    if (!ids.userId && !ids.anonymousId)
      throw reject("missing_identity", "userId or anonymousId is required");
    const event = type === "track" ? raw.event : "";
    if (typeof event !== "string" || (type === "track" && event.trim() === ""))
      throw reject("missing_event_name", "track needs a non-empty event name");
    if (type === "group" && !ids.groupId) throw reject("schema_violation", "group needs groupId");
    const name = raw.name ?? "";
    if (typeof name !== "string") throw reject("schema_violation", "name must be a string");

    const context = { ...(sanitize(envelope.context ?? {}) as JsonObject), ...object(raw, "context") };
    const integrations = {
      ...(sanitize(envelope.integrations ?? {}) as JsonObject),
      ...object(raw, "integrations"),
    };
    const historical = envelope.historical === true || raw.historical === true || context.historical === true;
    const given = time(raw.timestamp, "timestamp");
    const originalTimestamp = time(raw.originalTimestamp, "originalTimestamp");
    const sentAt = time(raw.sentAt ?? envelope.sentAt, "sentAt");
    let timestamp: Date;
    let futureWarning = false;
    if (historical) timestamp = given ?? originalTimestamp ?? receivedAt;
    else {
      timestamp =
        sentAt && originalTimestamp
          ? new Date(receivedAt.getTime() - (sentAt.getTime() - originalTimestamp.getTime()))
          : (given ?? originalTimestamp ?? receivedAt);
      if (timestamp.getTime() > receivedAt.getTime() + FUTURE_MS) {
        timestamp = receivedAt;
        futureWarning = true;
      }
    }
    const messageId = ids.messageId || uuidv7();
    return {
      ok: true,
      futureWarning,
      event: {
        type: type as TEventType,
        messageId,
        generatedId: !ids.messageId,
        userId: ids.userId,
        anonymousId: ids.anonymousId,
        event,
        name: type === "page" || type === "screen" ? name : "",
        groupId: ids.groupId,
        previousId: ids.previousId,
        properties: object(raw, "properties"),
        traits: object(raw, "traits"),
        context,
        integrations,
        sentTimestamp: given ? given.toISOString() : null,
        timestamp,
        originalTimestamp,
        sentAt,
        receivedAt,
        historical,
      },
    };
  } catch (e) {
    if (e instanceof Rejection) return { ok: false, code: e.code, message: e.message, messageId: rawId };
    throw e;
  }
}

/** Top-level keys in order; nested objects are sorted by `sanitize` already. */
const sorted = (o: JsonObject): unknown =>
  Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );

/**
 * The row's JSON texts and the payload hash over them: sha256 of the canonical JSON (fixed field
 * order, sorted keys) of what the client sent, normalised — the time fields as sent (not the
 * skew-corrected time, which moves with `receivedAt`), without `receivedAt`/`sentAt`.
 */
function serialise(e: NormalizedEvent) {
  const properties = JSON.stringify(e.properties);
  const traits = JSON.stringify(e.traits);
  const context = JSON.stringify(sorted(e.context));
  const head = [e.type, e.messageId, e.userId, e.anonymousId, e.event, e.name, e.groupId, e.previousId];
  const tail = [
    sorted(e.integrations),
    e.sentTimestamp,
    e.originalTimestamp?.toISOString() ?? null,
    e.historical,
  ];
  const canonical = `[${JSON.stringify(head)},${properties},${traits},${context},${JSON.stringify(tail)}]`;
  return { properties, traits, context, hash: createHash("sha256").update(canonical).digest("hex") };
}

export const payloadHash = (e: NormalizedEvent): string => serialise(e).hash;

function consentOf(context: JsonObject): { consent: string; analytics: number } {
  const consent = isObject(context.consent) ? context.consent : undefined;
  const prefs = consent && isObject(consent.categoryPreferences) ? consent.categoryPreferences : undefined;
  if (!prefs) return { consent: "", analytics: 1 };
  const denied = ANALYTICS_CATEGORIES.some((c) => prefs[c] === false);
  return { consent: JSON.stringify(prefs), analytics: denied ? 0 : 1 };
}

/** The facts row of a normalised event. */
export function toEventRow(e: NormalizedEvent, workspaceId: string, source: EventRow["source"]): EventRow {
  const { consent, analytics } = consentOf(e.context);
  const texts = serialise(e);
  return {
    workspace_id: workspaceId,
    message_id: e.messageId,
    type: e.type,
    event: e.event,
    customer_id: "",
    user_id: e.userId,
    anonymous_id: e.anonymousId,
    timestamp: chTime(e.timestamp),
    received_at: chTime(e.receivedAt),
    properties: texts.properties,
    context: texts.context,
    version: 1,
    payload_hash: texts.hash,
    name: e.name,
    group_id: e.groupId,
    previous_id: e.previousId,
    traits: texts.traits,
    original_timestamp: e.originalTimestamp ? chTime(e.originalTimestamp) : null,
    sent_at: e.sentAt ? chTime(e.sentAt) : null,
    consent,
    analytics_consent: analytics,
    source,
    historical: e.historical ? 1 : 0,
  };
}
