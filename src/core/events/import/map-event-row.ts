import { createHash } from "node:crypto";
import type { FieldError } from "../../errors.js";
import { parseDateCell } from "../../feedback/import/parse-date.js";
import { chTime, type EventRow, TRACK_ONLY_COLUMNS } from "../event-row.js";
import type { ResolvedMapping } from "./event-log-mapping.js";
import type { LogRecord } from "./read-event-log.js";

/** The ingestion API's id limit (docs/api/observe.md §1). */
const MAX_ID = 255;

/** JSON with object keys sorted at every level: the same event always hashes the same. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** `import:<32 hex>` from the workspace, the file and the row: a re-import of the same file repeats it. */
const importMessageId = (workspaceId: string, fingerprint: string, row: number) =>
  `import:${sha256(`${workspaceId}\n${fingerprint}\n${row}`).slice(0, 32)}`;

export interface RowContext {
  workspaceId: string;
  fingerprint: string;
  /** Server time of the import, the rows' `received_at`. */
  receivedAt: string;
}

/** Columns that feed the event itself; with `properties: "*"` every other column becomes a property. */
function propertiesOf(m: ResolvedMapping, cells: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  if (m.properties) {
    for (const c of m.properties) out[c] = cells[c] ?? "";
  } else {
    for (const [c, v] of Object.entries(cells))
      if (c !== m.caseId && c !== m.activity && c !== m.timestamp && c !== m.lifecycle && c !== m.resource)
        out[c] = v;
  }
  if (m.lifecycle !== undefined && cells[m.lifecycle]) out.lifecycle = cells[m.lifecycle] as string;
  if (m.resource !== undefined && cells[m.resource]) out.resource = cells[m.resource] as string;
  return out;
}

const rowError = (row: number, column: string, code: string, message: string): FieldError => ({
  pointer: `/rows/${row}/${column}`,
  code,
  message: `row ${row}, ${column}: ${message}`,
});

/** One log record as a facts row (type track, historical), or the errors that keep it out. */
export function mapEventRecord(
  m: ResolvedMapping,
  record: LogRecord,
  ctx: RowContext,
): { row: EventRow } | { errors: FieldError[] } {
  const { cells, row } = record;
  const errors: FieldError[] = [];
  const caseId = (cells[m.caseId] ?? "").trim();
  const activity = (cells[m.activity] ?? "").trim();
  const time = (cells[m.timestamp] ?? "").trim();
  if (!caseId) errors.push(rowError(row, m.caseId, "required", "the case id is empty"));
  else if (caseId.length > MAX_ID)
    errors.push(rowError(row, m.caseId, "too_long", `the case id has more than ${MAX_ID} characters`));
  if (!activity) errors.push(rowError(row, m.activity, "required", "the activity is empty"));
  const date = time ? parseDateCell(time) : null;
  if (!time) errors.push(rowError(row, m.timestamp, "required", "the timestamp is empty"));
  else if (!date)
    errors.push(
      rowError(row, m.timestamp, "invalid_date", `"${time.slice(0, 40)}" is not a date (ISO 8601 expected)`),
    );
  if (errors.length > 0 || !date) return { errors };

  const lifecycle = m.lifecycle === undefined ? "" : (cells[m.lifecycle] ?? "").trim();
  const event =
    m.appendLifecycle && lifecycle && lifecycle.toLowerCase() !== "complete"
      ? `${activity} (${lifecycle.toLowerCase()})`
      : activity;
  const messageId = importMessageId(ctx.workspaceId, ctx.fingerprint, row);
  const properties = propertiesOf(m, cells);
  const timestamp = chTime(date);
  // The normalised event as the ingestion API would hash it (without receivedAt/sentAt).
  const payloadHash = sha256(
    canonicalJson({
      type: "track",
      messageId,
      userId: caseId,
      event,
      properties,
      context: {},
      timestamp: date.toISOString(),
      historical: true,
    }),
  );
  return {
    row: {
      workspace_id: ctx.workspaceId,
      message_id: messageId,
      type: "track",
      event,
      customer_id: "",
      user_id: caseId,
      anonymous_id: "",
      timestamp,
      received_at: ctx.receivedAt,
      properties: JSON.stringify(properties),
      context: "{}",
      version: 1,
      payload_hash: payloadHash,
      ...TRACK_ONLY_COLUMNS,
      source: "import",
      historical: 1,
    },
  };
}
