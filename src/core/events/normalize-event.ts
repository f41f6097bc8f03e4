import { hash } from "node:crypto";
import type { IngestLimits } from "../config.js";
import { uuidv7 } from "../ids.js";
import type { NormalizedEvent, TEventType, TIngestCode } from "./event.schema.js";
import { EVENT_TYPES } from "./event.schema.js";
import { chTime, type EventRow } from "./event-row.js";
import { canonicalJson, isObject, jsonString, TooDeep, wellFormed } from "./safe-json.js";

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
type IdField = "messageId" | "userId" | "anonymousId" | "groupId" | "previousId";
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
function id(raw: Record<string, unknown>, field: IdField, max: number): string {
  const v = raw[field];
  if (v === undefined || v === null) return "";
  if (typeof v !== "string" && typeof v !== "number")
    throw reject("schema_violation", `${field} must be a string`);
  const s = typeof v === "string" ? wellFormed(v) : String(v);
  if (s.length > max) throw reject("schema_violation", `${field} is longer than ${max} characters`);
  return s;
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

/** An object's canonical text per top-level key (keys cleaned and sorted), for merging. */
type Entries = Map<string, string>;

function entriesOf(v: unknown, field: string, maxDepth: number, depth: number): Entries {
  const entries: Entries = new Map();
  if (v === undefined || v === null) return entries;
  if (!isObject(v)) throw reject("schema_violation", `${field} must be an object`);
  for (const k of Object.keys(v).sort()) entries.set(wellFormed(k), canonicalJson(v[k], maxDepth, depth + 1));
  return entries;
}

/** `{...under, ...over}` per top-level key, as canonical text. */
function mergedText(under: Entries, over: Entries): string {
  if (under.size === 0) return textOf(over);
  const merged = new Map(under);
  for (const [k, v] of over) merged.set(k, v);
  return textOf(new Map([...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

function textOf(entries: Entries): string {
  let out = "{";
  for (const [k, v] of entries) out += `${out.length > 1 ? "," : ""}${jsonString(k)}:${v}`;
  return `${out}}`;
}

/** What every event of one request shares, serialised once. */
interface PreparedEnvelope {
  context: Entries;
  integrations: Entries;
  /** The envelope's `context.consent` / `context.historical`, read like the event's own. */
  contextObject: Record<string, unknown>;
}
const prepared = new WeakMap<Envelope, PreparedEnvelope>();

function prepare(envelope: Envelope, maxDepth: number): PreparedEnvelope {
  let p = prepared.get(envelope);
  if (!p) {
    p = {
      context: entriesOf(envelope.context, "context", maxDepth, 1),
      integrations: entriesOf(envelope.integrations, "integrations", maxDepth, 1),
      contextObject: envelope.context ?? {},
    };
    prepared.set(envelope, p);
  }
  return p;
}

/** The event's own top-level field of an object field, if it has one (`__proto__` included). */
const own = (o: unknown, key: string): unknown =>
  isObject(o) && Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;

function consentOf(context: unknown, maxDepth: number): { consent: string; analyticsConsent: boolean } {
  const prefs = own(own(context, "consent"), "categoryPreferences");
  if (!isObject(prefs)) return { consent: "", analyticsConsent: true };
  const denied = ANALYTICS_CATEGORIES.some((c) => own(prefs, c) === false);
  return { consent: canonicalJson(prefs, maxDepth, 3), analyticsConsent: !denied };
}

const KNOWN_FIELDS = new Set(["properties", "traits", "context", "integrations"]);

/**
 * Validates one item and applies the envelope (context/integrations merged under the event's own,
 * shallow per top-level key), the clock-skew correction and the future rule. One pass serialises
 * every field canonically (keys sorted, strings cleaned), which also checks depth and size.
 */
export function normalizeEvent(
  item: unknown,
  options: { type?: TEventType; envelope: Envelope; receivedAt: Date; limits: IngestLimits },
): Normalized {
  const { limits, envelope, receivedAt } = options;
  const maxDepth = limits.maxDepth;
  const rawId = isObject(item) && typeof item.messageId === "string" ? item.messageId.slice(0, 255) : null;
  try {
    if (!isObject(item)) throw reject("schema_violation", "an event must be a JSON object");
    const env = prepare(envelope, maxDepth);
    // The event's JSON, canonical: its size is checked, and each object field's text is kept.
    // Sizes are counted in UTF-16 units; only when three bytes per unit could pass the limit are
    // the strings measured in UTF-8 bytes.
    let units = 2;
    const measured: string[] = [];
    const texts: Record<string, string> = {};
    let contextEntries: Entries | undefined;
    for (const key of Object.keys(item)) {
      const v = item[key];
      let text: string | undefined;
      if (key === "context" && env.context.size > 0) {
        contextEntries = entriesOf(v, "context", maxDepth, 1);
        text = textOf(contextEntries);
      } else if (typeof v === "string") {
        text = v;
        units += 2;
      } else if (v === null || typeof v !== "object") units += 5;
      else {
        text = canonicalJson(v, maxDepth, 2);
        if (KNOWN_FIELDS.has(key)) texts[key] = text;
      }
      units += key.length + 4;
      measured.push(key);
      if (text !== undefined) {
        units += text.length;
        measured.push(text);
      }
    }
    if (3 * units > limits.maxEventBytes) {
      let size = units;
      for (const t of measured) size += Buffer.byteLength(t) - t.length;
      if (size > limits.maxEventBytes)
        throw reject("event_too_large", `the event's JSON exceeds ${limits.maxEventBytes} bytes`);
    }
    const type = options.type ?? item.type;
    if (!EVENT_TYPES.includes(type as TEventType))
      throw reject("schema_violation", `type must be one of ${EVENT_TYPES.join(", ")}`);
    const messageIdGiven = id(item, "messageId", limits.maxIdLength);
    const userId = id(item, "userId", limits.maxIdLength);
    const anonymousId = id(item, "anonymousId", limits.maxIdLength);
    const groupId = id(item, "groupId", limits.maxIdLength);
    const previousId = id(item, "previousId", limits.maxIdLength);
    if (type === "alias" && (!previousId || !userId))
      throw reject("missing_identity", "alias needs previousId and userId");
    if (!userId && !anonymousId) throw reject("missing_identity", "userId or anonymousId is required");
    const rawEvent = type === "track" ? item.event : "";
    if (typeof rawEvent !== "string" || (type === "track" && rawEvent.trim() === ""))
      throw reject("missing_event_name", "track needs a non-empty event name");
    if (type === "group" && !groupId) throw reject("schema_violation", "group needs groupId");
    const name = item.name ?? "";
    if (typeof name !== "string") throw reject("schema_violation", "name must be a string");
    for (const field of KNOWN_FIELDS) {
      const v = item[field];
      if (v !== undefined && v !== null && !isObject(v))
        throw reject("schema_violation", `${field} must be an object`);
    }

    const ownContext = item.context ?? {};
    const context =
      env.context.size === 0 ? (texts.context ?? "{}") : mergedText(env.context, contextEntries ?? new Map());
    const integrations =
      env.integrations.size === 0
        ? (texts.integrations ?? "{}")
        : mergedText(env.integrations, entriesOf(item.integrations, "integrations", maxDepth, 1));
    // The merged context's consent and historical flag: the event's own key wins.
    const contextValue = (key: string) =>
      own(ownContext, key) !== undefined ? own(ownContext, key) : own(env.contextObject, key);
    const historical =
      envelope.historical === true || item.historical === true || contextValue("historical") === true;
    const given = time(item.timestamp, "timestamp");
    const originalTimestamp = time(item.originalTimestamp, "originalTimestamp");
    const sentAt = time(item.sentAt ?? envelope.sentAt, "sentAt");
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
    const messageId = messageIdGiven || uuidv7();
    return {
      ok: true,
      futureWarning,
      event: {
        type: type as TEventType,
        messageId,
        generatedId: !messageIdGiven,
        userId,
        anonymousId,
        event: wellFormed(rawEvent),
        name: type === "page" || type === "screen" ? wellFormed(name) : "",
        groupId,
        previousId,
        properties: texts.properties ?? "{}",
        traits: texts.traits ?? "{}",
        context,
        integrations,
        ...consentOf({ consent: contextValue("consent") }, maxDepth),
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
    if (e instanceof TooDeep)
      return {
        ok: false,
        code: "schema_violation",
        message: `the event nests deeper than ${limits.maxDepth} levels`,
        messageId: rawId,
      };
    throw e;
  }
}

/**
 * The payload hash: sha256 of the canonical JSON (fixed field order, sorted keys) of what the
 * client sent, normalised — the time fields as sent (not the skew-corrected time, which moves with
 * `receivedAt`), without `receivedAt`/`sentAt`.
 */
export function payloadHash(e: NormalizedEvent): string {
  const head = [e.type, e.messageId, e.userId, e.anonymousId, e.event, e.name, e.groupId, e.previousId];
  const tail = `${JSON.stringify(e.sentTimestamp)},${JSON.stringify(e.originalTimestamp?.toISOString() ?? null)},${e.historical}`;
  const canonical = `[${JSON.stringify(head)},${e.properties},${e.traits},${e.context},[${e.integrations},${tail}]]`;
  return hash("sha256", canonical, "hex");
}

/** The facts row of a normalised event. */
export function toEventRow(e: NormalizedEvent, workspaceId: string, source: EventRow["source"]): EventRow {
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
    properties: e.properties,
    context: e.context,
    version: 1,
    payload_hash: payloadHash(e),
    name: e.name,
    group_id: e.groupId,
    previous_id: e.previousId,
    traits: e.traits,
    original_timestamp: e.originalTimestamp ? chTime(e.originalTimestamp) : null,
    sent_at: e.sentAt ? chTime(e.sentAt) : null,
    consent: e.consent,
    analytics_consent: e.analyticsConsent ? 1 : 0,
    source,
    historical: e.historical ? 1 : 0,
  };
}
