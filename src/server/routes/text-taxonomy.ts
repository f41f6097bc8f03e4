import { createRoute } from "@hono/zod-openapi";
import { DEFAULT_TAXONOMY } from "../../core/text/aspects/default-taxonomy.js";
import { getTaxonomy } from "../../core/text/aspects/get-taxonomy.js";
import { resetTaxonomy } from "../../core/text/aspects/reset-taxonomy.js";
import { ZPutTaxonomy, ZTaxonomyState } from "../../core/text/aspects/taxonomy.schema.js";
import { updateTaxonomy } from "../../core/text/aspects/update-taxonomy.js";
import { discoverTopics } from "../../core/text/topics/discover-topics.js";
import { getTopics } from "../../core/text/topics/get-topics.js";
import { ZDiscoverTopics, ZTopicRun } from "../../core/text/topics/topics.schema.js";
import { requireWorkspace } from "../middleware/auth.js";
import { conflictResponse, errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { ctx, WorkspaceParams } from "./shared.js";

const base = "/api/v1/workspaces/{workspaceId}/text";
const tags = ["text"];
const ZTaxonomySchema = named(ZTaxonomyState, "TextTaxonomy");
const ZTopicRunSchema = named(ZTopicRun, "TextTopicRun");
const exampleAspect =
  DEFAULT_TAXONOMY.aspects.find((a) => a.key === "billing") ?? DEFAULT_TAXONOMY.aspects[0];

/** The workspace's aspect taxonomy and discovered topics (docs/api/understand.md §2, §4). */
export function textTaxonomyRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/taxonomy`,
      tags,
      summary: "The aspect taxonomy in use (the built-in default until the workspace saves its own)",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams },
      responses: { 200: { description: "The taxonomy", ...json(ZTaxonomySchema) }, ...errorResponses },
    }),
    async (c) => c.json(await getTaxonomy(ctx(c)), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: `${base}/taxonomy`,
      tags,
      summary:
        "Save the workspace's own taxonomy; `version` must be the one read (else 409 with currentVersion)",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZPutTaxonomy, { version: 1, aspects: exampleAspect ? [exampleAspect] : [] }),
      },
      responses: {
        200: { description: "Saved; the version is bumped", ...json(ZTaxonomySchema) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await updateTaxonomy(ctx(c), c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: `${base}/taxonomy`,
      tags,
      summary: "Back to the built-in default taxonomy",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: WorkspaceParams },
      responses: {
        200: { description: "The default taxonomy", ...json(ZTaxonomySchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await resetTaxonomy(ctx(c)), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/topics`,
      tags,
      summary: "The latest discovered topics among texts no aspect covers, largest first",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams },
      responses: { 200: { description: "The latest run", ...json(ZTopicRunSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await getTopics(ctx(c)), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/topics/discover`,
      tags,
      summary:
        "Discover topics (TF-IDF + k-means over up to 20,000 texts without aspects); replaces the last run",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZDiscoverTopics, { from: "2026-10-01", to: "2026-12-31" }),
      },
      responses: { 200: { description: "The new run", ...json(ZTopicRunSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await discoverTopics(ctx(c), c.req.valid("json")), 200),
  );

  return app;
}
