import { stringify } from "csv-stringify/sync";

const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * Spreadsheet cells that start like a formula get a leading `'` (DESIGN §4), as do ones already
 * escaped, so unescaping gives back the original text.
 */
export const escapeCell = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s);

/** The inverse of escapeCell, so export → import gives back the same text. */
export const unescapeCell = (s: string): string => (/^'+[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

export type CsvCell = string | number | null;

/**
 * A CSV document with a header row and a BOM (so spreadsheet programs read UTF-8). Text cells are
 * escaped; numbers are written as numbers, so −35.9 stays a negative number and not text.
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const cell = (c: CsvCell) => (c === null ? "" : typeof c === "number" ? String(c) : escapeCell(c));
  return stringify(
    rows.map((r) => r.map(cell)),
    { header: true, columns: [...columns], bom: true },
  );
}
