import type { FieldError } from "../errors.js";
import { fileError as fail, readCsvTable, readXlsxTable, type Table } from "../files/read-table.js";
import { type Column, columnOf, JSON_NAMES, JSON_READ_ONLY, unescapeCell } from "./file-columns.js";
import type { FileFormat } from "./touchpoints.schema.js";

export const MAX_IMPORT_ROWS = 5000;

/** One data row: its number as the file shows it (CSV/XLSX: header = 1; JSON: array index). */
export interface RawRow {
  row: number;
  /** Only the columns the file has; CSV/XLSX values are text, JSON values as written. */
  values: Partial<Record<Column, unknown>>;
}

/** Reads a CSV, XLSX or JSON touchpoint file into rows; a malformed file is a 400 on `/body`. */
export async function readTouchpointFile(format: FileFormat, data: Uint8Array): Promise<RawRow[]> {
  const rows =
    format === "json"
      ? readJson(data)
      : format === "csv"
        ? tableRows(readCsvTable(data))
        : tableRows(await readXlsxTable(data));
  if (rows.length > MAX_IMPORT_ROWS)
    throw fail([
      { pointer: "/body", code: "too_many_rows", message: `at most ${MAX_IMPORT_ROWS} rows per import` },
    ]);
  return rows;
}

function tableRows(table: Table): RawRow[] {
  const [header, ...body] = table;
  if (!header) throw fail([{ pointer: "/body", code: "empty_file", message: "the file has no header row" }]);
  const errors: FieldError[] = [];
  const columns = header.cells.map((h, i) => {
    if (h.trim() === "") return undefined;
    const c = columnOf(h);
    if (!c)
      errors.push({
        pointer: `/rows/${header.row}/${h}`,
        code: "unknown_column",
        message: `unknown column "${h}" (column ${i + 1}); expected one of key, name, description, channel, kind, department, owner, tags, signature, internal_rating, event_matchers, or their German names`,
      });
    return c;
  });
  if (!columns.includes("name"))
    errors.push({
      pointer: `/rows/${header.row}/name`,
      code: "missing_column",
      message: 'the column "name" (Name) is required',
    });
  const seen = new Set<Column>();
  for (const c of columns) {
    if (c && seen.has(c))
      errors.push({
        pointer: `/rows/${header.row}/${c}`,
        code: "duplicate_column",
        message: `the column "${c}" appears twice`,
      });
    if (c) seen.add(c);
  }
  for (const r of body)
    if (r.cells.length > columns.length && r.cells.slice(columns.length).some((v) => v.trim() !== ""))
      errors.push({
        pointer: `/rows/${r.row}`,
        code: "too_many_cells",
        message: `row ${r.row} has more cells than the header`,
      });
  if (errors.length > 0) throw fail(errors);
  return body
    .filter((r) => r.cells.some((v) => v.trim() !== ""))
    .map((r) => {
      const values: Partial<Record<Column, unknown>> = {};
      columns.forEach((c, i) => {
        if (c) values[c] = unescapeCell(r.cells[i] ?? "");
      });
      return { row: r.row, values };
    });
}

function readJson(data: Uint8Array): RawRow[] {
  let doc: unknown;
  try {
    doc = JSON.parse(
      Buffer.from(data)
        .toString("utf8")
        .replace(/^\uFEFF/, ""),
    );
  } catch (e) {
    throw fail([
      { pointer: "/body", code: "invalid_json", message: `not valid JSON: ${(e as Error).message}` },
    ]);
  }
  const items = Array.isArray(doc) ? doc : (doc as { touchpoints?: unknown } | null)?.touchpoints;
  if (!Array.isArray(items))
    throw fail([
      {
        pointer: "/body",
        code: "invalid_type",
        message: "expected an array of touchpoints (or { touchpoints: [...] })",
      },
    ]);
  const errors: FieldError[] = [];
  const rows = items.map((item, i) => {
    const values: Partial<Record<Column, unknown>> = {};
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      errors.push({ pointer: `/rows/${i}`, code: "invalid_type", message: "expected an object" });
      return { row: i, values };
    }
    for (const [k, v] of Object.entries(item)) {
      const c = JSON_NAMES[k];
      if (c) values[c] = v;
      else if (!JSON_READ_ONLY.has(k))
        errors.push({ pointer: `/rows/${i}/${k}`, code: "unknown_field", message: `unknown field "${k}"` });
    }
    return { row: i, values };
  });
  if (errors.length > 0) throw fail(errors);
  return rows;
}
