import { createReadStream, statSync } from "node:fs";
import { basename } from "node:path";
import type { Command } from "commander";
import type { FieldError } from "../../core/errors.js";
import { isAppError } from "../../core/errors.js";
import {
  parseEventLogMapping,
  resolveMapping,
  type TEventLogMapping,
  XES_PRESET,
} from "../../core/events/import/event-log-mapping.js";
import { fileFingerprint } from "../../core/events/import/fingerprint.js";
import type { ImportEventLogResult } from "../../core/events/import/import-event-log.js";
import {
  EVENT_LOG_FORMATS,
  type EventLogFormat,
  type LogRecord,
  readEventLog,
} from "../../core/events/import/read-event-log.js";
import { DATE_FORMATS_HELP } from "../../core/feedback/import/parse-date.js";
import { type Call, CliError, findWorkspace, withApi } from "../api.js";
import { envConfig } from "../env.js";
import { createProgress } from "../progress.js";
import { collect } from "./files.js";

const MAX_PIECE = 5_000;
/** Stays under the server's default 1 MB body limit with room for the envelope. */
const MAX_PIECE_BYTES = 900_000;
const MAP_FIELDS = ["caseId", "activity", "timestamp", "lifecycle", "resource", "properties"];

/** `--map` values → the mapping (docs/api/observe.md §3); `properties` repeats, `*` = all other columns. */
export function eventMappingFromOptions(maps: readonly string[], appendLifecycle: boolean): TEventLogMapping {
  const m: Record<string, unknown> = {};
  const properties: string[] = [];
  for (const entry of maps) {
    const eq = entry.indexOf("=");
    if (eq <= 0 || eq === entry.length - 1) throw new CliError(`--map ${entry}: expected field=column`);
    const field = entry.slice(0, eq).trim();
    const column = entry.slice(eq + 1);
    if (!MAP_FIELDS.includes(field))
      throw new CliError(`--map ${field}: not one of ${MAP_FIELDS.join(", ")}`);
    if (field === "properties") properties.push(column);
    else if (field in m) throw new CliError(`--map ${field}: given twice`);
    else m[field] = column;
  }
  if (properties.length > 0) m.properties = properties;
  if (appendLifecycle) m.appendLifecycle = true;
  return parseEventLogMapping(JSON.stringify(m), "--map");
}

function formatOf(file: string, option: string | undefined): EventLogFormat {
  const format = (option ?? /\.([a-z]+)(?:\.gz)?$/i.exec(file)?.[1] ?? "").toLowerCase();
  if ((EVENT_LOG_FORMATS as readonly string[]).includes(format)) return format as EventLogFormat;
  throw new CliError(`--format: "${format || file}" is not csv, xlsx or xes`);
}

const listed = (lines: string[]) =>
  lines
    .slice(0, 20)
    .map((l) => `\n  ${l}`)
    .join("") + (lines.length > 20 ? `\n  … and ${lines.length - 20} more` : "");

interface ImportOptions {
  workspace: string;
  preset?: string;
  map?: string[];
  format?: string;
  appendLifecycle?: boolean;
}

/**
 * Reads the log locally (streamed, any size) and sends its records in pieces; the server keeps the
 * import's progress by the file's sha256, so a re-run after an interruption continues where it was.
 */
async function importFile(file: string, o: ImportOptions): Promise<void> {
  if (o.preset !== undefined && o.preset !== "xes") throw new CliError(`--preset: "${o.preset}" is not xes`);
  if (o.preset && (o.map?.length ?? 0) > 0) throw new CliError("give either --preset or --map, not both");
  if (!o.preset && (o.map?.length ?? 0) === 0)
    throw new CliError("give --preset xes or --map field=column …");
  const format = formatOf(file, o.format);
  const mapping = o.preset ? XES_PRESET : eventMappingFromOptions(o.map ?? [], o.appendLifecycle ?? false);
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new CliError(`Cannot read ${file}: ${(e as Error).message}`);
  }
  const fingerprint = await fileFingerprint(file);
  const result = await withApi(envConfig(), async (call) => {
    const w = await findWorkspace(call, o.workspace);
    const path = `/api/v1/workspaces/${w.id}/events/import`;
    const state = await call<{ status: string; rowsRead: number }>("GET", `${path}/${fingerprint}`).catch(
      (e: unknown) => {
        // Never started: begin at the first row.
        if (e instanceof CliError && /not found/i.test(e.message)) return undefined;
        throw e;
      },
    );
    const offset = state && state.status !== "done" ? state.rowsRead : 0;
    if (offset > 0) console.error(`Resuming ${basename(file)} after row ${offset}`);
    return send(call, path, { file, size, format, mapping, preset: Boolean(o.preset), fingerprint, offset });
  });
  if (result.errors.length > 0)
    console.error(
      `${result.rejected} row(s) skipped (kept in failed events):${listed(result.errors.map((e) => e.message))}`,
    );
  console.log(
    `Imported ${file}: ${result.rows} rows, accepted ${result.accepted}, duplicates ${result.duplicates}, rejected ${result.rejected}`,
  );
}

interface SendInput {
  file: string;
  size: number;
  format: EventLogFormat;
  mapping: TEventLogMapping;
  preset: boolean;
  fingerprint: string;
  offset: number;
}

async function send(call: Call, path: string, input: SendInput) {
  let bytesRead = 0;
  const stream = createReadStream(input.file);
  stream.on("data", (chunk) => {
    bytesRead += chunk.length;
  });
  const progress = createProgress({ total: input.size, label: "bytes read" });
  const errors: FieldError[] = [];
  let last: ImportEventLogResult | undefined;
  let offset = input.offset;
  let piece: LogRecord[] = [];
  let pieceBytes = 0;
  let checked = false;
  const post = async (isLast: boolean) => {
    const body = {
      fingerprint: input.fingerprint,
      format: input.format,
      ...(input.preset ? { preset: "xes" } : { mapping: input.mapping }),
      offset,
      last: isLast,
      records: piece,
    };
    last = await call<ImportEventLogResult>("POST", `${path}/pieces`, body);
    for (const e of last.errors) if (errors.length < 200) errors.push(e);
    offset += piece.length;
    piece = [];
    pieceBytes = 0;
    progress.update(bytesRead, `rows ${last.rows}, accepted ${last.accepted}, duplicates ${last.duplicates}`);
  };
  try {
    let read = 0;
    for await (const record of readEventLog(input.format, stream)) {
      read++;
      if (read <= input.offset) continue;
      if (!checked) {
        // The mapping against the header, before anything is sent (the server checks again).
        resolveMapping(input.mapping, input.format === "xes" ? undefined : Object.keys(record.cells), {
          preset: input.preset,
          pointer: "--map",
        });
        checked = true;
      }
      const size = Buffer.byteLength(JSON.stringify(record)) + 1;
      if (piece.length > 0 && (piece.length >= MAX_PIECE || pieceBytes + size > MAX_PIECE_BYTES))
        await post(false);
      piece.push(record);
      pieceBytes += size;
    }
    await post(true);
  } finally {
    progress.finish();
  }
  const r = last as ImportEventLogResult;
  return { ...r, errors };
}

export function eventsCommand(program: Command): void {
  const events = program.command("events").description("Operational events: import event logs");
  events
    .command("import")
    .description(
      "Import an event log (CSV, XLSX or XES, also .gz) as historical track events: each case is a customer, each row an event. " +
        "The file is streamed and sent in pieces; re-running after an interruption continues where it stopped, re-running a finished import adds nothing.",
    )
    .argument("<file>", "the log; its extension (before .gz) tells the format unless --format is given")
    .requiredOption("--workspace <idOrSlug>", "workspace id or slug")
    .option(
      "--preset <preset>",
      "xes: the XES standard names (case:concept:name, concept:name, time:timestamp, …)",
    )
    .option(
      "--map <field=column>",
      "column mapping, repeatable: caseId, activity, timestamp, lifecycle, resource, properties (repeat; * = every other column)",
      collect,
    )
    .option("--append-lifecycle", "with --map: append a lifecycle other than complete to the event name")
    .option("--format <format>", "csv, xlsx or xes")
    .addHelpText(
      "after",
      `\nTimestamps: ${DATE_FORMATS_HELP}.\n\nExamples:\n  journeylens events import bpic2012.xes.gz --workspace bank --preset xes\n  journeylens events import tickets.csv --workspace support --map caseId=Ticket --map activity=Status --map timestamp=Changed --map properties=Team`,
    )
    .action(async (file: string, o: ImportOptions) => {
      try {
        await importFile(file, o);
      } catch (e) {
        if (isAppError(e) && e.errors.length > 0)
          throw new CliError(
            `${e.message}${listed(e.errors.map((x) => (x.pointer.startsWith("/rows/") ? x.message : `${x.pointer}: ${x.message}`)))}`,
          );
        throw e;
      }
    });
}
