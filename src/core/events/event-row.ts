import { jsonString } from "./safe-json.js";

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
  /** The row's line, when it was written and checked loadable already (by an ingestion worker thread). */
  line?: LineBytes;
}

/** A row's `eventLine` and its newline as UTF-8 bytes: `bytes[start, end)`. */
export interface LineBytes {
  bytes: Uint8Array;
  start: number;
  end: number;
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

// The row's strings are well-formed already (normaliser, import), so `jsonString` is JSON.stringify.
const str = jsonString;
/**
 * A JSON-text column: an object's text goes into the line as it is (ClickHouse reads it back
 * verbatim with `input_format_json_read_objects_as_strings`, see EVENT_INSERT_SETTINGS), which
 * spares escaping the largest part of every row; anything else (consent's "") as a JSON string.
 */
const text = (t: string) => (t.charCodeAt(0) === 123 && t.charCodeAt(t.length - 1) === 125 ? t : str(t));
const nullable = (t: string | null) => (t === null ? "null" : str(t));

/**
 * The row as one JSONCompactEachRow line (without the newline), columns as `EVENT_COLUMNS`; insert
 * with EVENT_INSERT_SETTINGS. `properties`, `context`, `traits` and `consent` must be JSON object
 * text (consent may be ""), as the normaliser, the import and the demo write them.
 */
export function eventLine(r: EventRow): string {
  if (r.line !== undefined)
    return Buffer.from(
      r.line.bytes.buffer,
      r.line.bytes.byteOffset + r.line.start,
      r.line.end - r.line.start - 1,
    ).toString();
  return `[${str(r.workspace_id)},${str(r.message_id)},${str(r.type)},${str(r.event)},${str(r.customer_id)},${str(r.user_id)},${str(r.anonymous_id)},${str(r.timestamp)},${str(r.received_at)},${text(r.properties)},${text(r.context)},${r.version},${str(r.payload_hash)},${str(r.name)},${str(r.group_id)},${str(r.previous_id)},${text(r.traits)},${nullable(r.original_timestamp)},${nullable(r.sent_at)},${text(r.consent)},${r.analytics_consent},${str(r.source)},${r.historical}]`;
}

const TIME = /^(19\d\d|2[0-2]\d\d)-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FLAG = (n: number) => n === 0 || n === 1;

/**
 * Throws unless the facts store can load this row's line: the times in chTime's form within
 * 1900–2299, a UUID workspace, integer flags and version. The ingestion log acknowledges rows
 * before chDB parses them, so a row it could not parse must never get in (it would stop every load).
 */
export function assertLoadable(r: EventRow): void {
  const bad = (what: string) => new Error(`event row ${JSON.stringify(r.message_id)}: ${what}`);
  if (!UUID.test(r.workspace_id)) throw bad("workspace_id is not a UUID");
  if (!TIME.test(r.timestamp) || !TIME.test(r.received_at))
    throw bad("timestamp/received_at not in DateTime64(3) form");
  if (
    (r.original_timestamp !== null && !TIME.test(r.original_timestamp)) ||
    (r.sent_at !== null && !TIME.test(r.sent_at))
  )
    throw bad("original_timestamp/sent_at not in DateTime64(3) form");
  if (!Number.isSafeInteger(r.version) || r.version < 0) throw bad("version is not a non-negative integer");
  if (!FLAG(r.analytics_consent) || !FLAG(r.historical))
    throw bad("analytics_consent/historical are not 0 or 1");
}

/**
 * The rows' lines, each with its newline, as few UTF-8 chunks as they allow: lines written already
 * (`line`) are views of their bytes, consecutive ones of one buffer joined; the others are checked
 * (`assertLoadable`, throws) and written here.
 */
export function loadableLines(rows: readonly EventRow[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let text: string[] = [];
  let view: LineBytes | undefined;
  const flush = () => {
    if (text.length > 0) chunks.push(Buffer.from(text.join("")));
    text = [];
    if (view) chunks.push(view.bytes.subarray(view.start, view.end));
    view = undefined;
  };
  for (const r of rows) {
    const line = r.line;
    if (line === undefined) {
      if (view) flush();
      assertLoadable(r);
      text.push(`${eventLine(r)}\n`);
    } else if (view && view.bytes === line.bytes && view.end === line.start) view.end = line.end;
    else {
      flush();
      view = { ...line };
    }
  }
  flush();
  return chunks;
}

/**
 * One request's rows' lines as the ingestion worker sends them: the UTF-8 bytes of every line with
 * its newline in a buffer of its own (transferable), and where each line ends. Each row is checked
 * loadable first (throws).
 */
export function linesOf(rows: readonly EventRow[]): { bytes: Uint8Array; ends: Uint32Array } {
  const ends = new Uint32Array(rows.length);
  const lines = new Array<string>(rows.length);
  let at = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as EventRow;
    assertLoadable(r);
    const line = eventLine(r);
    lines[i] = line;
    at += Buffer.byteLength(line) + 1;
    ends[i] = at;
  }
  // Never from Buffer's shared pool: the buffer is transferred to the main thread.
  const bytes = Buffer.allocUnsafeSlow(at);
  if (rows.length > 0) bytes.write(`${lines.join("\n")}\n`);
  return { bytes, ends };
}

/** Settings for inserting `eventLine` rows. */
export const EVENT_INSERT_SETTINGS = {
  // Times are written in one fixed form (chTime): the basic parser is enough and much faster.
  date_time_input_format: "basic",
  // A flush is a few thousand rows: parsing them on parallel threads costs more than it saves.
  input_format_parallel_parsing: 0,
  input_format_json_read_objects_as_strings: 1,
} as const;

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
