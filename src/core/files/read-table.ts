import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { AppError, type FieldError } from "../errors.js";

/** Rows of cells with their spreadsheet row numbers (header = 1); the first is the header. */
export type Table = { row: number; cells: string[] }[];

export const fileError = (errors: FieldError[]) =>
  new AppError("validation_failed", errors.map((e) => `${e.pointer}: ${e.message}`).join("; "), { errors });

/** Reads a CSV file (UTF-8, `,` or `;` as the header line suggests); a malformed file is a 400 on `/body`. */
export function readCsvTable(data: Uint8Array): Table {
  const text = Buffer.from(data)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // Spreadsheets with a German locale write `;`; the header line tells which one this file uses.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  try {
    const records = parse(text, {
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as { record: string[]; info: { records: number; empty_lines: number } }[];
    // A row number as a spreadsheet shows it: skipped blank lines still count as rows.
    return records.map((r) => ({ row: r.info.records + r.info.empty_lines, cells: r.record }));
  } catch (e) {
    throw fileError([
      { pointer: "/body", code: "invalid_csv", message: `not a readable CSV file: ${(e as Error).message}` },
    ]);
  }
}

/** Reads the first worksheet of an XLSX file as text cells; a malformed file is a 400 on `/body`. */
export async function readXlsxTable(data: Uint8Array): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  } catch (e) {
    throw fileError([
      {
        pointer: "/body",
        code: "invalid_xlsx",
        message: `not a readable XLSX file: ${(e as Error).message}`,
      },
    ]);
  }
  const sheet = wb.worksheets[0];
  const table: Table = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    table.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? "") });
  });
  return table;
}

function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("formula" in v || "sharedFormula" in v) return cellText(v.result as ExcelJS.CellValue);
  if ("text" in v) return String(v.text); // hyperlinks, e.g. e-mail addresses Excel linked
  if ("error" in v) return String(v.error);
  return "";
}
