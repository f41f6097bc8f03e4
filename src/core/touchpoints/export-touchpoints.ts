import ExcelJS from "exceljs";
import type { WorkspaceContext } from "../context.js";
import { toCsv } from "../files/csv-export.js";
import { COLUMNS, type Column, escapeCell } from "./file-columns.js";
import { toTouchpoint, touchpointQuery } from "./touchpoint-row.js";
import type { FileFormat, TTouchpoint } from "./touchpoints.schema.js";

export interface ExportFile {
  contentType: string;
  filename: string;
  body: Uint8Array;
}

const CONTENT_TYPES: Record<FileFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json",
};

/**
 * All touchpoints of the workspace as a file. JSON is the API shape (lossless, re-importable);
 * CSV and XLSX have the import columns, with owners as e-mail or team name and formula-like
 * cells escaped with a leading `'`.
 */
export async function exportTouchpoints(ctx: WorkspaceContext, format: FileFormat): Promise<ExportFile> {
  const rows = await touchpointQuery(ctx.db, ctx.access.workspaceId).orderBy("t.key").execute();
  const filename = `touchpoints.${format}`;
  if (format === "json") {
    const body = Buffer.from(JSON.stringify(rows.map(toTouchpoint), null, 2));
    return { contentType: CONTENT_TYPES.json, filename, body };
  }
  const records = rows.map((r) => cells(toTouchpoint(r), r.owner_email));
  if (format === "csv") {
    const text = toCsv(
      COLUMNS,
      records.map((rec) => COLUMNS.map((c) => rec[c])),
    );
    return { contentType: CONTENT_TYPES.csv, filename, body: Buffer.from(text) };
  }
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Touchpoints");
  sheet.columns = COLUMNS.map((c) => ({ header: c, key: c, width: c === "description" ? 50 : 20 }));
  sheet.getRow(1).font = { bold: true };
  for (const rec of records)
    sheet.addRow(COLUMNS.map((c) => (typeof rec[c] === "string" ? escapeCell(rec[c]) : rec[c])));
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { contentType: CONTENT_TYPES.xlsx, filename, body };
}

function cells(t: TTouchpoint, ownerEmail: string | null): Record<Column, string | number> {
  return {
    key: t.key,
    name: t.name,
    description: t.description,
    channel: t.channel,
    kind: t.kind,
    department: t.department ?? "",
    owner: t.owner === null ? "" : t.owner.type === "team" ? t.owner.name : (ownerEmail ?? ""),
    tags: t.tags.join(", "),
    signature: t.signature ? "yes" : "no",
    internal_rating: t.internalRating?.value ?? "",
    event_matchers: t.eventMatchers.length > 0 ? JSON.stringify(t.eventMatchers) : "",
  };
}
