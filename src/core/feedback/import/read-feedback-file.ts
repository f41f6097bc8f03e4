import type { FieldError } from "../../errors.js";
import { fileError, readCsvTable, readXlsxTable, type Table } from "../../files/read-table.js";

export const FEEDBACK_FILE_FORMATS = ["csv", "xlsx", "json"] as const;
export type FeedbackFileFormat = (typeof FEEDBACK_FILE_FORMATS)[number];
export const MAX_IMPORT_ROWS = 20_000;

/** A file as named columns of text cells. */
export interface FeedbackTable {
  columns: string[];
  rows: FeedbackFileRow[];
}
export interface FeedbackFileRow {
  /** As the file shows it: CSV/XLSX line number with the header as 1; JSON: array index. */
  row: number;
  cells: Record<string, string>;
}

/** A header cell left blank (e.g. a spreadsheet's index column) is named by its position. */
export const blankColumnName = (position: number) => `column_${position}`;

/**
 * Reads a CSV, XLSX or JSON (an array of flat objects) file of feedback. Any column may be
 * mapped later, so only the shape is checked here: a header, unique column names, a row limit.
 */
export async function readFeedbackFile(format: FeedbackFileFormat, data: Uint8Array): Promise<FeedbackTable> {
  const table =
    format === "json"
      ? readJsonRows(data)
      : fromTable(format === "csv" ? readCsvTable(data) : await readXlsxTable(data));
  if (table.rows.length > MAX_IMPORT_ROWS)
    throw fileError([
      {
        pointer: "/body",
        code: "too_many_rows",
        message: `at most ${MAX_IMPORT_ROWS} rows per import; split the file`,
      },
    ]);
  return table;
}

function fromTable(table: Table): FeedbackTable {
  const [header, ...body] = table;
  if (!header)
    throw fileError([{ pointer: "/body", code: "empty_file", message: "the file has no header row" }]);
  const columns = header.cells.map((h, i) => h.trim() || blankColumnName(i + 1));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c))
      errors.push({
        pointer: `/rows/${header.row}/${c}`,
        code: "duplicate_column",
        message: `row ${header.row}: the column "${c}" appears twice`,
      });
    seen.add(c);
  }
  if (errors.length > 0) throw fileError(errors);
  const rows = body
    .filter((r) => r.cells.some((v) => v.trim() !== ""))
    .map((r) => ({
      row: r.row,
      cells: Object.fromEntries(columns.map((c, i) => [c, r.cells[i] ?? ""])),
    }));
  return { columns, rows };
}

const cellOf = (v: unknown): string =>
  v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v);

function readJsonRows(data: Uint8Array): FeedbackTable {
  let doc: unknown;
  try {
    doc = JSON.parse(
      Buffer.from(data)
        .toString("utf8")
        .replace(/^\uFEFF/, ""),
    );
  } catch (e) {
    throw fileError([
      { pointer: "/body", code: "invalid_json", message: `not valid JSON: ${(e as Error).message}` },
    ]);
  }
  if (!Array.isArray(doc) || doc.some((r) => r === null || typeof r !== "object" || Array.isArray(r)))
    throw fileError([
      { pointer: "/body", code: "invalid_type", message: "expected an array of objects, one per row" },
    ]);
  const columns = [...new Set(doc.flatMap((r: object) => Object.keys(r)))];
  const rows = doc.map((r: Record<string, unknown>, i) => ({
    row: i,
    cells: Object.fromEntries(columns.map((c) => [c, cellOf(r[c])])),
  }));
  return { columns, rows };
}
