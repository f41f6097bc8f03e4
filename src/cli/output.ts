/** Prints rows as an aligned table, or JSON when asked. */
export function printTable(rows: Record<string, unknown>[], columns: string[], asJson: boolean): void {
  if (asJson) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  if (rows.length === 0) {
    console.log("(none)");
    return;
  }
  const cell = (v: unknown) =>
    v === null || v === undefined ? "-" : Array.isArray(v) ? v.join(",") : String(v);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  console.log(line(columns));
  for (const r of rows) console.log(line(columns.map((c) => cell(r[c]))));
}
