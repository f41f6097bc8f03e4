import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { invalid } from "../../core/errors.js";
import { importFeedback } from "../../core/feedback/import/import-feedback.js";
import { ZFeedbackImportQuery } from "../../core/feedback/import/import-mapping.js";
import { previewFeedbackFile } from "../../core/feedback/import/preview-feedback-file.js";
import type { FeedbackFileFormat } from "../../core/feedback/import/read-feedback-file.js";
import type { AppEnv } from "../env.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, security } from "../openapi.js";
import { ctx, WorkspaceParams } from "./shared.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV_EXAMPLE =
  "Nr;Datum;Bewertung;Titel;Kommentar\n" +
  "1;31.5.2026 14:30;2;Lange Wartezeit;Ich habe drei Wochen auf den Techniker gewartet.\n" +
  "2;1.6.2026 09:10;5;Top;Schnell und freundlich.\n";
const JSON_EXAMPLE = [
  { Nr: "1", Datum: "31.5.2026 14:30", Bewertung: "2", Kommentar: "Drei Wochen auf den Techniker gewartet." },
];

const fileBody = {
  required: true,
  content: {
    "text/csv": { schema: { type: "string" as const }, example: CSV_EXAMPLE },
    [XLSX]: { schema: { type: "string" as const, format: "binary" } },
    "application/json": {
      schema: { type: "array" as const, items: { type: "object" as const, additionalProperties: true } },
      example: JSON_EXAMPLE,
    },
  },
};

function formatOf(
  query: FeedbackFileFormat | undefined,
  contentType: string | undefined,
): FeedbackFileFormat {
  if (query) return query;
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === "text/csv") return "csv";
  if (type === XLSX) return "xlsx";
  if (type === "application/json") return "json";
  throw invalid("/query/format", "give format=csv|xlsx|json or a matching Content-Type", "required");
}

const ZPreview = z.object({
  columns: z.array(z.string()),
  sampleRows: z.array(z.record(z.string(), z.string())),
  rowCount: z.number().int(),
});
const ZImportResult = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rows: z.number().int(),
});

/** Feedback files: the raw body is the file (CSV, XLSX, or JSON rows). */
export function feedbackImportRoutes(app: OpenAPIHono<AppEnv>, base: string): void {
  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/import/preview`,
      tags: ["feedback"],
      summary: "Read a feedback file: its columns, the first 10 rows and the row count (stores nothing)",
      description:
        "A header cell left blank (e.g. a spreadsheet's index column) is named `column_<position>`, e.g. `column_1`.",
      security,
      middleware: [requireWorkspace("write", "ingest")],
      request: {
        params: WorkspaceParams,
        query: z.object({ format: z.enum(["csv", "xlsx", "json"]).optional() }),
        body: fileBody,
      },
      responses: { 200: { description: "What the file holds", ...json(ZPreview) }, ...errorResponses },
    }),
    async (c) => {
      const format = formatOf(c.req.valid("query").format, c.req.header("content-type"));
      return c.json(await previewFeedbackFile(format, new Uint8Array(await c.req.arrayBuffer())), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/import`,
      tags: ["feedback"],
      summary: "Import feedback from a file with a column mapping (all or nothing; re-imports add nothing)",
      description:
        'Example: `?channel=complaint_form&mapping={"externalId":"Nr","receivedAt":"Datum","text":"Kommentar","ratings":[{"column":"Bewertung","metric":"csat"}]}` (URL-encoded). ' +
        "`mapping` is JSON: `{ text?, title?, receivedAt?, externalId?, customerId?, email?, language?, " +
        "ratings?: [{ column, metric, scale? }], metadata?: [column], channel?, touchpointKey? }` naming file " +
        "columns. Mapping errors point at `/query/mapping/<field>`; row errors at `/rows/<n>/<column>` (CSV/XLSX " +
        "line numbers, header = 1; JSON: array index). Dates: ISO 8601, `M/D/YYYY H:mm:ss` or `D.M.YYYY H:mm`, " +
        "UTC unless an offset is given. Without an externalId column each row is keyed by a hash of its mapped " +
        "cells and its occurrence number. At most 20,000 rows.",
      security,
      middleware: [requireWorkspace("write", "ingest")],
      request: {
        params: WorkspaceParams,
        query: ZFeedbackImportQuery,
        body: fileBody,
      },
      responses: { 200: { description: "Imported", ...json(ZImportResult) }, ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const format = formatOf(query.format, c.req.header("content-type"));
      const data = new Uint8Array(await c.req.arrayBuffer());
      return c.json(
        await importFeedback(ctx(c), { format, data, mapping: query.mapping, channel: query.channel }),
        200,
      );
    },
  );
}
