import { createRoute, z } from "@hono/zod-openapi";
import { ZTextAnalysis } from "../../core/text/enrich/analysis.schema.js";
import { analyzePlayground, ZAnalyzeTextBody } from "../../core/text/enrich/analyze-playground.js";
import {
  getBackfill,
  listBackfills,
  startBackfill,
  stepBackfill,
  ZTextBackfill,
} from "../../core/text/enrich/backfill.js";
import { aspectTrend } from "../../core/text/reports/aspect-trend.js";
import { textKeywords } from "../../core/text/reports/keywords.js";
import {
  ZTextKeywords,
  ZTextKeywordsQuery,
  ZTextTrend,
  ZTextTrendQuery,
} from "../../core/text/reports/text-reports.schema.js";
import { getTextSettings } from "../../core/text/settings/get-text-settings.js";
import { ZTextSettings, ZUpdateTextSettings } from "../../core/text/settings/text-settings.schema.js";
import { updateTextSettings } from "../../core/text/settings/update-text-settings.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { ctx, WorkspaceParams } from "./shared.js";

const base = "/api/v1/workspaces/{workspaceId}/text";
const tags = ["text"];
const ZSettingsSchema = named(ZTextSettings, "TextSettings");
const ZBackfillSchema = named(ZTextBackfill, "TextBackfill");
const BackfillParams = WorkspaceParams.extend({
  backfillId: z.string().openapi({ param: { name: "backfillId", in: "path" } }),
});

/** Text analytics (docs/api/understand.md §4): engine settings, playground, backfills, trend and keywords. */
export function textRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/settings`,
      tags,
      summary:
        "The text engine (built-in or an HTTP provider; the API key is never shown) and taxonomy state",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams },
      responses: { 200: { description: "The settings", ...json(ZSettingsSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await getTextSettings(ctx(c)), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: `${base}/settings`,
      tags,
      summary: "Choose the text engine (admin); apiKey is write-only: omitted keeps it, null removes it",
      security,
      middleware: [requireWorkspace("admin")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZUpdateTextSettings, {
          provider: { kind: "http", url: "https://nlp.example.com/analyze", apiKey: "sk-…", timeoutMs: 5000 },
        }),
      },
      responses: { 200: { description: "Saved", ...json(ZSettingsSchema) }, ...errorResponses },
    }),
    async (c) =>
      c.json(
        await updateTextSettings(ctx(c), c.req.valid("json"), {
          allowPrivateAddresses: c.get("config").webhooks.allowPrivateAddresses,
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/analyze`,
      tags,
      summary: "Analyse a text with the built-in engine and the workspace's taxonomy (nothing is stored)",
      security,
      middleware: [requireWorkspace("read")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZAnalyzeTextBody, { text: "Die Lieferung hat ewig gedauert und niemand ruft zurück" }),
      },
      responses: {
        200: { description: "The analysis", ...json(named(ZTextAnalysis, "TextAnalysis")) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await analyzePlayground(ctx(c), c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/backfills`,
      tags,
      summary: "Re-analyse every record of the workspace; returns the running backfill (200) if there is one",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: WorkspaceParams },
      responses: {
        200: { description: "A backfill was already running", ...json(ZBackfillSchema) },
        201: { description: "Started", ...json(ZBackfillSchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { backfill, created } = await startBackfill(ctx(c));
      return created ? c.json(backfill, 201) : c.json(backfill, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/backfills`,
      tags,
      summary: "The 20 newest backfills",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams },
      responses: {
        200: {
          description: "Backfills, newest first",
          ...json(z.object({ items: z.array(ZBackfillSchema) })),
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listBackfills(ctx(c)), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/backfills/{backfillId}`,
      tags,
      summary: "One backfill's progress",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: BackfillParams },
      responses: { 200: { description: "The backfill", ...json(ZBackfillSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await getBackfill(ctx(c), c.req.valid("param").backfillId), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/backfills/{backfillId}/step`,
      tags,
      summary: "Run the backfill's next chunk of 500 records now (the CLI drives a backfill this way)",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: BackfillParams },
      responses: {
        200: { description: "The backfill after the step", ...json(ZBackfillSchema) },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await stepBackfill(c.get("stores"), c.get("access").workspaceId, c.req.valid("param").backfillId, {
          allowPrivateAddresses: c.get("config").webhooks.allowPrivateAddresses,
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/trend`,
      tags,
      summary: 'Mentions and sentiment per period and aspect (aspect "" = all texts), UTC buckets',
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, query: ZTextTrendQuery },
      responses: {
        200: { description: "The trend", ...json(named(ZTextTrend, "TextTrend")) },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await aspectTrend(c.get("stores").facts, {
          ...c.req.valid("query"),
          workspaceId: c.get("access").workspaceId,
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/keywords`,
      tags,
      summary: "The most frequent keywords, with negative and positive counts",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, query: ZTextKeywordsQuery },
      responses: {
        200: { description: "Keywords, most frequent first", ...json(named(ZTextKeywords, "TextKeywords")) },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await textKeywords(c.get("stores").facts, {
          ...c.req.valid("query"),
          workspaceId: c.get("access").workspaceId,
        }),
        200,
      ),
  );

  return app;
}
