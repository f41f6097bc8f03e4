import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { fileError } from "../../files/read-table.js";
import { readXesEvents } from "./read-xes.js";

export const EVENT_LOG_FORMATS = ["csv", "xlsx", "xes"] as const;
export type EventLogFormat = (typeof EVENT_LOG_FORMATS)[number];

/** One event of a log: its row number (CSV/XLSX line with the header as 1; XES: event ordinal from 1). */
export interface LogRecord {
  row: number;
  cells: Record<string, string>;
}

export type ByteSource = AsyncIterable<Uint8Array>;

/** A header cell left blank (e.g. a pandas index column) is named by its position, as for feedback files. */
const blankColumnName = (position: number) => `column_${position}`;

/** The first bytes (until `until` holds, or all) and a stream replaying everything from the start. */
async function peek(source: ByteSource, until: (head: Buffer) => boolean): Promise<[Buffer, Readable]> {
  const it = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let done = false;
  while (!until(Buffer.concat(head, size))) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(Buffer.from(next.value));
    size += next.value.length;
  }
  const first = Buffer.concat(head, size);
  async function* replay() {
    if (first.length > 0) yield first;
    if (done) return;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  }
  return [first, Readable.from(replay(), { objectMode: false })];
}

/** Gzip (by its magic bytes, whatever the file is called) is decompressed as a stream. */
async function decompressed(source: ByteSource): Promise<Readable> {
  const [head, stream] = await peek(source, (h) => h.length >= 2);
  if (head[0] !== 0x1f || head[1] !== 0x8b) return stream;
  const gunzip = createGunzip();
  stream.on("error", (e) => gunzip.destroy(e));
  return stream.pipe(gunzip);
}

/** Reads an event log as a stream of records, in constant memory for CSV and XES (XLSX: see below). */
export async function* readEventLog(format: EventLogFormat, source: ByteSource): AsyncGenerator<LogRecord> {
  const bytes = await decompressed(source);
  if (format === "csv") yield* readCsv(bytes);
  else if (format === "xlsx") yield* readXlsx(bytes);
  else yield* readXesEvents(bytes);
}

function columnsOf(header: string[], row: number): string[] {
  const columns = header.map((h, i) => h.trim() || blankColumnName(i + 1));
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c))
      throw fileError([
        {
          pointer: `/rows/${row}/${c}`,
          code: "duplicate_column",
          message: `row ${row}: the column "${c}" appears twice`,
        },
      ]);
    seen.add(c);
  }
  return columns;
}

const toCells = (columns: string[], values: string[]) => {
  const cells: Record<string, string> = {};
  for (let i = 0; i < columns.length; i++) cells[columns[i] as string] = values[i] ?? "";
  return cells;
};

async function* readCsv(bytes: Readable): AsyncGenerator<LogRecord> {
  // Spreadsheets with a German locale write `;`; the header line tells which one this file uses.
  const [head, stream] = await peek(bytes, (h) => h.includes(0x0a) || h.length > 1 << 20);
  const firstLine = head.toString("utf8", 0, Math.min(head.length, 1 << 20)).split(/\r?\n/)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const parser = stream.pipe(
    parse({ delimiter, bom: true, skip_empty_lines: true, relax_column_count: true, info: true }),
  );
  stream.on("error", (e) => parser.destroy(e));
  let columns: string[] | undefined;
  try {
    type Info = { records: number; empty_lines: number };
    for await (const r of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      // A row number as a spreadsheet shows it: skipped blank lines still count as rows.
      const row = r.info.records + r.info.empty_lines;
      if (!columns) {
        columns = columnsOf(r.record, row);
        continue;
      }
      if (r.record.every((v) => v.trim() === "")) continue;
      yield { row, cells: toCells(columns, r.record) };
    }
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith("CSV_"))
      throw fileError([
        {
          pointer: "/body",
          code: "invalid_csv",
          message: `not a readable CSV file: ${(e as Error).message}`,
        },
      ]);
    throw e;
  }
  if (!columns)
    throw fileError([{ pointer: "/body", code: "empty_file", message: "the file has no header row" }]);
}

function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("formula" in v || "sharedFormula" in v) return cellText(v.result as ExcelJS.CellValue);
  if ("text" in v) return String(v.text);
  if ("error" in v) return String(v.error);
  return "";
}

/**
 * The first worksheet, read with ExcelJS's streaming reader: rows are not kept, but the shared-string
 * table (one copy of each distinct text) and the styles (to tell date cells from numbers) are.
 */
async function* readXlsx(bytes: Readable): AsyncGenerator<LogRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(bytes, {
    sharedStrings: "cache",
    worksheets: "emit",
    hyperlinks: "ignore",
    styles: "cache",
    entries: "ignore",
  });
  let columns: string[] | undefined;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = Array.isArray(row.values) ? row.values.slice(1).map((v) => cellText(v)) : [];
        if (!columns) {
          columns = columnsOf(values, row.number);
          continue;
        }
        if (values.every((v) => v.trim() === "")) continue;
        yield { row: row.number, cells: toCells(columns, values) };
      }
      break;
    }
  } catch (e) {
    if ((e as { code?: string }).code === "duplicate_column" || (e as { errors?: unknown }).errors) throw e;
    throw fileError([
      {
        pointer: "/body",
        code: "invalid_xlsx",
        message: `not a readable XLSX file: ${(e as Error).message}`,
      },
    ]);
  }
  if (!columns)
    throw fileError([{ pointer: "/body", code: "empty_file", message: "the file has no header row" }]);
}
