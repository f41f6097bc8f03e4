import { readFileSync, writeFileSync } from "node:fs";
import { extname } from "node:path";
import { CliError, type RawBody } from "../api.js";

export const FILE_TYPES = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json",
} as const;
export type Format = keyof typeof FILE_TYPES;

/** The format named by `--format`, or else by the file's extension. */
export function formatOf(file: string, option: string | undefined): Format {
  const format = (option ?? extname(file).slice(1)).toLowerCase();
  if (format in FILE_TYPES) return format as Format;
  throw new CliError(`--format: "${format || file}" is not csv, xlsx or json`);
}

export function readBody(file: string, format: Format): RawBody {
  try {
    return { contentType: FILE_TYPES[format], data: readFileSync(file) };
  } catch (e) {
    throw new CliError(`Cannot read ${file}: ${(e as Error).message}`);
  }
}

/** Writes to `--out` when given, otherwise to standard output (binary-safe). */
export function writeOut(file: RawBody, out: string | undefined): void {
  if (out) {
    writeFileSync(out, file.data);
    console.error(`Wrote ${file.data.byteLength} bytes to ${out}`);
  } else process.stdout.write(file.data);
}

export const printImport = (r: { dryRun: boolean; created: number; updated: number; unchanged: number }) =>
  console.log(
    `${r.dryRun ? "Dry run, nothing stored: would create" : "Created"} ${r.created}, ${r.dryRun ? "update" : "updated"} ${r.updated}, unchanged ${r.unchanged}`,
  );

/** Repeatable options (`--goal a --goal b`) collect into a list. */
export const collect = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
];
