import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { invalid } from "../../core/errors.js";
import { exportTouchpoints } from "../../core/touchpoints/export-touchpoints.js";
import { importTouchpoints } from "../../core/touchpoints/import-touchpoints.js";
import {
  type FileFormat,
  ZExportQuery,
  ZImportQuery,
  ZImportResult,
} from "../../core/touchpoints/touchpoints.schema.js";
import type { AppEnv } from "../env.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, security } from "../openapi.js";
import { ctx, WorkspaceParams } from "./shared.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV_EXAMPLE =
  "Name;Beschreibung;Kanal;Art;Abteilung;Verantwortlich;Tags;Signature;Interne Bewertung\n" +
  "Warten auf Rückruf;Kunde wartet auf den zugesagten Rückruf;phone;hidden;Kundenservice;Team Hotline;Wartezeit;nein;2,5\n";
const JSON_EXAMPLE = [
  {
    key: "warten-auf-rueckruf",
    name: "Warten auf Rückruf",
    description: "Kunde wartet auf den zugesagten Rückruf",
    channel: "phone",
    kind: "hidden",
    department: "Kundenservice",
    owner: { type: "team", name: "Team Hotline" },
    tags: ["Wartezeit"],
    signature: false,
    internalRating: 2.5,
    eventMatchers: [{ event: "Callback Requested" }],
  },
];

function formatOf(query: FileFormat | undefined, contentType: string | undefined): FileFormat {
  if (query) return query;
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === "text/csv") return "csv";
  if (type === XLSX) return "xlsx";
  if (type === "application/json") return "json";
  throw invalid("/query/format", "give format=csv|xlsx|json or a matching Content-Type", "required");
}

/** Import and export: the file is the raw body (import) or the whole response (export). */
export function touchpointFileRoutes(app: OpenAPIHono<AppEnv>, base: string): void {
  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/import`,
      tags: ["touchpoints"],
      summary: "Import touchpoints from CSV, XLSX or JSON (upsert by key, all or nothing)",
      description:
        "Header names in English or German (Name, Beschreibung, Kanal, Art, Abteilung, Verantwortlich, Tags, " +
        "Signature, Interne Bewertung, Ereignis-Matcher). Any bad row → 400 with `/rows/<n>/<column>` " +
        "(CSV/XLSX: row numbers as in the file, header = 1; JSON: array index) and nothing stored.",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: WorkspaceParams,
        query: ZImportQuery,
        // Plain schemas (not zod): the body is a file, read raw by the handler and checked row by row.
        body: {
          required: true,
          content: {
            "text/csv": { schema: { type: "string" }, example: CSV_EXAMPLE },
            [XLSX]: { schema: { type: "string", format: "binary" } },
            "application/json": {
              schema: { type: "array", items: { $ref: "#/components/schemas/Touchpoint" } },
              example: JSON_EXAMPLE,
            },
          },
        },
      },
      responses: {
        200: { description: "Imported (or, with dryRun, what would be)", ...json(ZImportResult) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const format = formatOf(query.format, c.req.header("content-type"));
      const data = new Uint8Array(await c.req.arrayBuffer());
      const result = await importTouchpoints(ctx(c), { format, data, dryRun: query.dryRun === "true" });
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/export`,
      tags: ["touchpoints"],
      summary: "Export all touchpoints as CSV, XLSX or JSON (JSON is lossless and re-importable)",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, query: ZExportQuery },
      responses: {
        200: {
          description: "The file, as an attachment",
          content: {
            "text/csv": { schema: { type: "string" } },
            [XLSX]: { schema: { type: "string", format: "binary" } },
            "application/json": {
              schema: { type: "array", items: { $ref: "#/components/schemas/Touchpoint" } },
            },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const file = await exportTouchpoints(ctx(c), c.req.valid("query").format);
      return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
      });
    },
  );
}
