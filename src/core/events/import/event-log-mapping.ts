import { z } from "zod";
import { AppError, type FieldError } from "../../errors.js";
import { issuesToErrors } from "../../journeys/document.js";

const ZColumn = z.string().min(1, "a column name").max(200);

/** Which column of a log feeds which part of an event (docs/api/observe.md §3). */
export const ZEventLogMapping = z.strictObject({
  /** The case: the customer whose journey this is (the event's userId). */
  caseId: ZColumn,
  /** The event name. */
  activity: ZColumn,
  timestamp: ZColumn,
  lifecycle: ZColumn.optional(),
  resource: ZColumn.optional(),
  /** Columns kept as properties under their own names; "*" = every column not mapped above. */
  properties: z.array(ZColumn).max(200).optional(),
  /** `true`: a lifecycle other than "complete" is appended to the name, "W_Nabellen offertes (start)". */
  appendLifecycle: z.boolean().optional(),
});
export type TEventLogMapping = z.infer<typeof ZEventLogMapping>;

/**
 * The XES standard's names (CSV exports use them as headers, `case:` for trace attributes).
 * Lifecycle and resource are dropped when a file has no such column.
 */
export const XES_PRESET: TEventLogMapping = {
  caseId: "case:concept:name",
  activity: "concept:name",
  timestamp: "time:timestamp",
  lifecycle: "lifecycle:transition",
  resource: "org:resource",
  properties: ["*"],
  appendLifecycle: true,
};

const fail = (errors: FieldError[]) =>
  new AppError("validation_failed", errors.map((e) => `${e.pointer}: ${e.message}`).join("; "), { errors });

/** The mapping from its JSON text; errors name the mapping field (`/query/mapping/caseId`). */
export function parseEventLogMapping(json: string, pointer = "/query/mapping"): TEventLogMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw fail([{ pointer, code: "invalid_json", message: `not valid JSON: ${(e as Error).message}` }]);
  }
  const parsed = ZEventLogMapping.safeParse(raw);
  if (!parsed.success) throw fail(issuesToErrors(pointer, parsed.error.issues));
  return parsed.data;
}

const SINGLE = ["caseId", "activity", "timestamp", "lifecycle", "resource"] as const;

/** A mapping checked against a file's header: every named column must exist (preset: optional ones may not). */
export interface ResolvedMapping {
  caseId: string;
  activity: string;
  timestamp: string;
  lifecycle?: string | undefined;
  resource?: string | undefined;
  /** Undefined: every column not mapped above. */
  properties?: string[] | undefined;
  appendLifecycle: boolean;
}

/**
 * Checks a mapping against the columns of a CSV/XLSX header (an XES log has none up front: pass
 * undefined, and a missing attribute is a row error). With `preset`, absent optional columns are dropped.
 */
export function resolveMapping(
  m: TEventLogMapping,
  columns: readonly string[] | undefined,
  options: { preset?: boolean; pointer?: string } = {},
): ResolvedMapping {
  const pointer = options.pointer ?? "/query/mapping";
  const have = columns && new Set(columns);
  const errors: FieldError[] = [];
  const missing = (c: string) => have !== undefined && !have.has(c);
  const list = (columns ?? [])
    .slice(0, 30)
    .map((c) => `"${c}"`)
    .join(", ");
  const error = (field: string, column: string) => ({
    pointer: `${pointer}/${field}`,
    code: "unknown_column",
    message: `the file has no column "${column}"; it has ${list}`,
  });
  const out: ResolvedMapping = { ...m, appendLifecycle: m.appendLifecycle ?? false };
  for (const f of SINGLE) {
    const column = m[f];
    if (column === undefined || !missing(column)) continue;
    if (options.preset && (f === "lifecycle" || f === "resource")) out[f] = undefined;
    else errors.push(error(f, column));
  }
  const all = m.properties?.includes("*");
  if (!all)
    (m.properties ?? []).forEach((c, i) => {
      if (missing(c)) errors.push(error(`properties/${i}`, c));
    });
  out.properties = all ? undefined : (m.properties ?? []);
  if (errors.length > 0) throw fail(errors);
  return out;
}
