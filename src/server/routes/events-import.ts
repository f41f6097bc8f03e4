import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { createRoute, z } from "@hono/zod-openapi";
import { invalid } from "../../core/errors.js";
import {
  parseEventLogMapping,
  type TEventLogMapping,
  XES_PRESET,
  ZEventLogMapping,
} from "../../core/events/import/event-log-mapping.js";
import { getEventImport } from "../../core/events/import/get-event-import.js";
import { importEventLog } from "../../core/events/import/import-event-log.js";
import { EVENT_LOG_FORMATS } from "../../core/events/import/read-event-log.js";
import { requireWorkspace } from "../middleware/auth.js";
import { conflictResponse, errorResponses, json, router, security } from "../openapi.js";
import { WorkspaceParams } from "./shared.js";

const base = "/api/v1/workspaces/{workspaceId}/events/import";
const CSV_EXAMPLE =
  "case:concept:name,concept:name,time:timestamp,lifecycle:transition,org:resource\n" +
  "C1,Complaint received,2026-05-04T09:00:00+02:00,complete,Ana\n" +
  "C1,Call back,2026-05-04T11:00:00+02:00,start,Ben\n";

const PIECE_EXAMPLE = {
  fingerprint: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  format: "csv",
  preset: "xes",
  offset: 0,
  last: true,
  records: [
    {
      row: 2,
      cells: {
        "case:concept:name": "C1",
        "concept:name": "Complaint received",
        "time:timestamp": "2026-05-04T09:00:00+02:00",
      },
    },
  ],
};

const ZFieldError = z.object({ pointer: z.string(), code: z.string(), message: z.string() });
const ZImportResult = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  rows: z.number().int(),
  resumedFrom: z.number().int(),
  errors: z.array(ZFieldError),
});
const ZFormat = z.enum(EVENT_LOG_FORMATS);
const ZFingerprint = z.string().regex(/^[0-9a-f]{64}$/, "the file's sha256, 64 hex digits");
const ZState = z.object({
  fingerprint: z.string(),
  status: z.enum(["running", "done", "failed"]),
  rowsRead: z.number().int(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  error: z.string().nullable(),
  updatedAt: z.string(),
});
const ZPiece = z.strictObject({
  fingerprint: ZFingerprint,
  format: ZFormat,
  mapping: ZEventLogMapping.optional(),
  preset: z.literal("xes").optional(),
  /** Records of the file before this piece. */
  offset: z.number().int().min(0),
  last: z.boolean(),
  records: z
    .array(z.strictObject({ row: z.number().int().min(0), cells: z.record(z.string(), z.string()) }))
    .max(5_000),
});

const mappingOf = (mapping: TEventLogMapping | undefined, preset: "xes" | undefined, pointer: string) => {
  if (mapping && preset) throw invalid(pointer, "give either a mapping or preset=xes, not both", "invalid");
  if (!mapping && !preset) throw invalid(pointer, "give a mapping or preset=xes", "required");
  return mapping ?? XES_PRESET;
};

/** Event-log files (docs/api/observe.md §3): a whole small file, or a large one piece by piece from the CLI. */
export function eventImportRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "post",
      path: base,
      tags: ["events"],
      summary: "Import an event log (CSV, XLSX or XES, also gzipped) as historical track events",
      description:
        "The raw body is the file (within the server's body limit, 1 MB by default; larger logs: `journeylens events import`). " +
        '`mapping` is JSON naming columns: `{ caseId, activity, timestamp, lifecycle?, resource?, properties?: [column | "*"], appendLifecycle? }`; ' +
        "or `preset=xes` for the XES standard names (case:concept:name, concept:name, time:timestamp, lifecycle:transition, org:resource, every other column a property). " +
        "Bad rows are skipped and reported (`/rows/<n>/<column>`, at most 200; all kept in failed events); a re-import adds nothing.",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: WorkspaceParams,
        query: z.object({
          format: ZFormat,
          mapping: z.string().min(2).max(10_000).optional(),
          preset: z.literal("xes").optional(),
        }),
        body: {
          required: true,
          content: {
            "text/csv": { schema: { type: "string" as const }, example: CSV_EXAMPLE },
            "application/octet-stream": { schema: { type: "string" as const, format: "binary" } },
          },
        },
      },
      responses: { 200: { description: "Imported", ...json(ZImportResult) }, ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const mapping = mappingOf(
        q.mapping === undefined ? undefined : parseEventLogMapping(q.mapping),
        q.preset,
        "/query/mapping",
      );
      const data = new Uint8Array(await c.req.arrayBuffer());
      if (data.length === 0) throw invalid("/body", "the file is empty", "required");
      const r = await importEventLog(c.get("stores"), {
        workspaceId: c.get("access").workspaceId,
        format: q.format,
        mapping,
        preset: q.preset !== undefined,
        fingerprint: createHash("sha256").update(data).digest("hex"),
        source: Readable.from([data]),
      });
      return c.json(r, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/pieces`,
      tags: ["events"],
      summary: "Import a piece of a large event log's records (the CLI reads the file and sends pieces)",
      description:
        "`offset` = records of the file before this piece; it must not pass the import's `rowsRead` (else 409), and records " +
        "already stored are skipped. `last: true` marks the import done. Message ids derive from the fingerprint and row numbers.",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: WorkspaceParams,
        body: { required: true, content: { "application/json": { schema: ZPiece, example: PIECE_EXAMPLE } } },
      },
      responses: {
        200: { description: "Stored", ...json(ZImportResult) },
        ...conflictResponse,
        ...errorResponses,
      },
    }),
    async (c) => {
      const p = c.req.valid("json");
      const r = await importEventLog(c.get("stores"), {
        workspaceId: c.get("access").workspaceId,
        format: p.format,
        mapping: mappingOf(p.mapping, p.preset, "/body/mapping"),
        preset: p.preset !== undefined,
        fingerprint: p.fingerprint,
        source: { records: p.records, offset: p.offset, last: p.last },
      });
      return c.json(r, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{fingerprint}`,
      tags: ["events"],
      summary: "State of the import of one file (by its sha256): where a resumed import continues",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: WorkspaceParams.extend({ fingerprint: ZFingerprint }) },
      responses: { 200: { description: "The import", ...json(ZState) }, ...errorResponses },
    }),
    async (c) =>
      c.json(
        await getEventImport(c.get("stores"), c.get("access").workspaceId, c.req.valid("param").fingerprint),
        200,
      ),
  );

  return app;
}
