import { readFileSync } from "node:fs";
import { extname } from "node:path";
import type { Command } from "commander";
import { isAppError } from "../../core/errors.js";
import type { TFeedbackInput, TIngestResult } from "../../core/feedback/feedback.schema.js";
import { FEEDBACK_CHANNELS, ZFeedbackChannel } from "../../core/feedback/feedback.schema.js";
import { checkMappingColumns, parseMapping } from "../../core/feedback/import/import-mapping.js";
import { mapFeedbackRows } from "../../core/feedback/import/map-rows.js";
import { DATE_FORMATS_HELP } from "../../core/feedback/import/parse-date.js";
import {
  FEEDBACK_FILE_FORMATS,
  type FeedbackFileFormat,
  readFeedbackFile,
} from "../../core/feedback/import/read-feedback-file.js";
import { type Call, CliError, findWorkspace, withApi } from "../api.js";
import { envConfig } from "../env.js";
import { printTable } from "../output.js";
import { createProgress } from "../progress.js";
import { collect } from "./files.js";
import { listAll } from "./workspace.js";

const MAX_BATCH = 500;
/** Stays under the server's default 1 MB body limit with room for the envelope. */
const MAX_BATCH_BYTES = 900_000;
const MAP_HELP = `column mapping, repeatable: field=column with field one of text, title, receivedAt, externalId,
customerId, email, language, channel, touchpointKey, metadata (repeat for more columns), or
rating:<nps|csat|ces|rating>[:<min>-<max>] (e.g. rating:csat=Stars, rating:rating:0-4=Score).
A blank header cell is named by its position: column_1, column_2 …`;

/** `--map` values → the import mapping (docs/api/listen.md §3); errors name the option. */
export function mappingFromOptions(maps: readonly string[]): ReturnType<typeof parseMapping> {
  const m: Record<string, unknown> = {};
  const ratings: unknown[] = [];
  const metadata: string[] = [];
  for (const entry of maps) {
    const eq = entry.indexOf("=");
    if (eq <= 0 || eq === entry.length - 1) throw new CliError(`--map ${entry}: expected field=column`);
    const field = entry.slice(0, eq).trim();
    const column = entry.slice(eq + 1);
    const rating = /^rating:([a-z]+)(?::(\d+)-(\d+))?$/.exec(field);
    if (rating) {
      const [, metric, min, max] = rating;
      ratings.push({ column, metric, ...(min && max && { scale: { min: Number(min), max: Number(max) } }) });
    } else if (field === "metadata") metadata.push(column);
    else if (field in m) throw new CliError(`--map ${field}: given twice`);
    else m[field] = column;
  }
  if (ratings.length > 0) m.ratings = ratings;
  if (metadata.length > 0) m.metadata = metadata;
  return parseMapping(JSON.stringify(m), "--map");
}

function formatOf(file: string, option: string | undefined): FeedbackFileFormat {
  const format = (option ?? extname(file).slice(1)).toLowerCase();
  if ((FEEDBACK_FILE_FORMATS as readonly string[]).includes(format)) return format as FeedbackFileFormat;
  throw new CliError(`--format: "${format || file}" is not csv, xlsx or json`);
}

/** Reads a file with the server's own reader, so errors match what an upload would report. */
async function readLocal(file: string, format: FeedbackFileFormat) {
  let data: Uint8Array;
  try {
    data = readFileSync(file);
  } catch (e) {
    throw new CliError(`Cannot read ${file}: ${(e as Error).message}`);
  }
  return readFeedbackFile(format, data);
}

/** Batches of at most 500 items and 900 KB of JSON. */
function batches(items: TFeedbackInput[]): TFeedbackInput[][] {
  const out: TFeedbackInput[][] = [];
  let current: TFeedbackInput[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item)) + 1;
    if (current.length > 0 && (current.length >= MAX_BATCH || bytes + size > MAX_BATCH_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Up to 20 indented lines, then how many more there are. */
const listed = (lines: string[]) =>
  lines
    .slice(0, 20)
    .map((l) => `\n  ${l}`)
    .join("") + (lines.length > 20 ? `\n  … and ${lines.length - 20} more` : "");

/** A core validation error as the CLI shows it: row errors by their message, others by pointer. */
const asCliError = (e: unknown) =>
  isAppError(e) && e.errors.length > 0
    ? new CliError(
        `${e.message.startsWith(e.errors[0]?.pointer ?? "\0") ? "Invalid input" : e.message}${listed(e.errors.map((x) => (x.pointer.startsWith("/rows/") ? x.message : `${x.pointer.replace(/^--map\//, "--map ")}: ${x.message}`)))}`,
      )
    : e;

interface ListedFeedback {
  id: string;
  receivedAt: string;
  channel: string;
  scoreBand: string | null;
  ratings: { metric: string; value: number; max: number }[];
  language: string | null;
  customerId: string | null;
  flagged: boolean;
  title: string | null;
  text: string;
}

async function importFile(file: string, o: ImportOptions): Promise<void> {
  const channel = o.channel === undefined ? undefined : ZFeedbackChannel.safeParse(o.channel).data;
  if (o.channel !== undefined && !channel)
    throw new CliError(`--channel: "${o.channel}" is not one of ${FEEDBACK_CHANNELS.join(", ")}`);
  const mapping = mappingFromOptions(o.map ?? []);
  const table = await readLocal(file, formatOf(file, o.format));
  checkMappingColumns(mapping, table.columns, "--map");
  const result = await withApi(envConfig(), async (call) => {
    const w = await findWorkspace(call, o.workspace);
    const base = `/api/v1/workspaces/${w.id}`;
    const touchpoints = mapping.touchpointKey
      ? new Map(
          (await listAll<{ key: string; id: string }>(call, `${base}/touchpoints`)).map((t) => [t.key, t.id]),
        )
      : new Map<string, string>();
    const { items, errors } = mapFeedbackRows(table, mapping, { channel, touchpoints });
    if (errors.length > 0)
      throw new CliError(
        `${errors.length} error(s) in the file; nothing was sent${listed(errors.map((e) => e.message))}`,
      );
    if (o.dryRun) return { rows: items.length, accepted: 0, duplicates: 0, dryRun: true };
    return send(
      call,
      `${base}/feedback`,
      items.map((i) => i.input),
    );
  });
  if ("dryRun" in result) console.log(`Dry run: ${result.rows} rows are valid; nothing was sent`);
  else
    console.log(
      `Imported ${file}: ${result.rows} rows, accepted ${result.accepted}, duplicates ${result.duplicates}`,
    );
}

async function send(call: Call, path: string, items: TFeedbackInput[]) {
  const progress = createProgress({ total: items.length, label: "rows sent" });
  let sent = 0;
  let accepted = 0;
  let duplicates = 0;
  progress.update(0);
  try {
    for (const batch of batches(items)) {
      const r = await call<TIngestResult>("POST", path, { items: batch });
      sent += batch.length;
      accepted += r.accepted;
      duplicates += r.duplicates;
      progress.update(sent, `accepted ${accepted}, duplicates ${duplicates}`);
    }
  } finally {
    progress.finish();
  }
  return { rows: items.length, accepted, duplicates };
}

interface ImportOptions {
  workspace: string;
  channel?: string;
  map?: string[];
  format?: string;
  dryRun?: boolean;
}

export function feedbackCommand(program: Command): void {
  const fb = program.command("feedback").description("Feedback inbox: import and list unsolicited feedback");
  const ws = "--workspace <idOrSlug>";

  fb.command("import")
    .description(
      "Import feedback from a CSV, XLSX or JSON file: read and checked locally, then sent in batches of up to 500. " +
        "Re-running adds nothing already imported (external id, or a hash of the mapped cells), so an interrupted import can be re-run.",
    )
    .argument("<file>", "the file; its extension tells the format unless --format is given")
    .requiredOption(ws, "workspace id or slug")
    .option("--channel <channel>", `channel of every row (${FEEDBACK_CHANNELS.join(", ")})`)
    .option("--map <field=column>", MAP_HELP, collect)
    .option("--format <format>", "csv, xlsx or json (an array of objects)")
    .option("--dry-run", "read and check the file, send nothing")
    .addHelpText(
      "after",
      `\nDates (receivedAt): ${DATE_FORMATS_HELP}.\n\nExample:\n  journeylens feedback import reviews.csv --workspace shop --channel web_review \\\n    --map externalId=column_1 --map title=Title --map text=ReviewText --map rating:csat=Rating --map metadata=Age`,
    )
    .action(async (file: string, o: ImportOptions) => {
      try {
        await importFile(file, o);
      } catch (e) {
        throw asCliError(e);
      }
    });

  fb.command("preview")
    .description("Show a file's columns (as --map names them) and first rows, without a server")
    .argument("<file>", "CSV, XLSX or JSON file")
    .option("--format <format>", "csv, xlsx or json")
    .action(async (file: string, o: { format?: string }) => {
      const table = await readLocal(file, formatOf(file, o.format));
      console.log(`${table.rows.length} rows; columns: ${table.columns.join(", ")}`);
      const short = (v: string) => (v.length > 30 ? `${v.slice(0, 29)}…` : v).replace(/\s+/g, " ");
      printTable(
        table.rows
          .slice(0, 5)
          .map((r) => Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, short(v)]))),
        table.columns,
        false,
      );
    });

  fb.command("list")
    .description("List feedback, newest first")
    .requiredOption(ws, "workspace id or slug")
    .option("--q <text>", "full-text search in title and text")
    .option("--channel <channel>", "only this channel")
    .option("--band <band>", "negative, neutral or positive")
    .option("--language <code>", "e.g. de or en")
    .option("--from <date>", "received on or after (ISO date)")
    .option("--to <date>", "received on or before (ISO date)")
    .option("--flagged <yesNo>", "true or false")
    .option("--limit <n>", "at most this many records", "50")
    .option("--json", "print JSON")
    .action(
      async (o: Record<string, string | boolean | undefined> & { workspace: string; limit: string }) => {
        const limit = Number(o.limit);
        if (!Number.isInteger(limit) || limit < 1) throw new CliError("--limit: a positive whole number");
        const qs = new URLSearchParams();
        for (const f of ["q", "channel", "band", "language", "from", "to", "flagged"])
          if (typeof o[f] === "string") qs.set(f, o[f] as string);
        const items = await withApi(envConfig(), async (call) => {
          const w = await findWorkspace(call, o.workspace);
          const out: ListedFeedback[] = [];
          let cursor: string | null = null;
          do {
            if (cursor) qs.set("cursor", cursor);
            qs.set("limit", String(Math.min(100, limit - out.length)));
            const page: { items: ListedFeedback[]; nextCursor: string | null } = await call(
              "GET",
              `/api/v1/workspaces/${w.id}/feedback?${qs}`,
            );
            out.push(...page.items);
            cursor = page.nextCursor;
          } while (cursor && out.length < limit);
          return out;
        });
        if (o.json) return printTable(items as unknown as Record<string, unknown>[], [], true);
        printTable(
          items.map((f) => ({
            ...f,
            rating: f.ratings[0] ? `${f.ratings[0].metric} ${f.ratings[0].value}/${f.ratings[0].max}` : null,
            band: f.scoreBand,
            customer: f.customerId,
            flagged: f.flagged ? "yes" : "",
            text: [f.title, f.text].filter(Boolean).join(" – ").replace(/\s+/g, " ").slice(0, 60),
          })),
          ["receivedAt", "channel", "rating", "band", "language", "customer", "flagged", "text", "id"],
          false,
        );
      },
    );
}
