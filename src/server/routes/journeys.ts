import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { compareRevisions } from "../../core/journeys/compare-revisions.js";
import { createJourney } from "../../core/journeys/create-journey.js";
import { deleteJourney } from "../../core/journeys/delete-journey.js";
import { getJourney } from "../../core/journeys/get-journey.js";
import { getRevision } from "../../core/journeys/get-revision.js";
import { importJourney } from "../../core/journeys/import-journey.js";
import { journeyCoverage } from "../../core/journeys/journey-coverage.js";
import { ZCompareQuery, ZListJourneysQuery } from "../../core/journeys/journeys.schema.js";
import { listJourneys } from "../../core/journeys/list-journeys.js";
import { listRevisions } from "../../core/journeys/list-revisions.js";
import { restoreRevision } from "../../core/journeys/restore-revision.js";
import { saveJourney } from "../../core/journeys/save-journey.js";
import { workspaceCoverage } from "../../core/journeys/workspace-coverage.js";
import { ZPageQuery } from "../../core/pagination.js";
import type { AppEnv } from "../env.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, jsonBody, router, security } from "../openapi.js";
import {
  EXAMPLE_DOCUMENT,
  JourneyParams,
  RevisionParams,
  ZComparisonSchema,
  ZCoverageSchema,
  ZCreateJourneySchema,
  ZImportJourneySchema,
  ZJourneyConflict,
  ZJourneySchema,
  ZJourneySummarySchema,
  ZRestoreRevisionSchema,
  ZRevisionEntrySchema,
  ZRevisionSchema,
  ZSaveJourneySchema,
} from "./journey-schemas.js";
import { ctx, page, WorkspaceParams } from "./shared.js";

const base = "/api/v1/workspaces/{workspaceId}";
const tags = ["journeys"];
const staleResponse = {
  409: {
    description:
      "`baseVersion` is not the current version: the body carries `currentVersion` and the `journey`",
    content: { "application/problem+json": { schema: ZJourneyConflict } },
  },
} as const;
const ok = (description: string) => ({ description, ...json(ZJourneySchema) });

function documentRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/journeys`,
      tags,
      summary: "Journey summaries, filtered by status, persona, owner or a search term",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, query: ZListJourneysQuery },
      responses: {
        200: { description: "Page of journeys", ...json(page(ZJourneySummarySchema)) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listJourneys(ctx(c), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/journeys`,
      tags,
      summary: "Create a journey (version 1); stage and step ids are generated when missing",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: WorkspaceParams, ...jsonBody(ZCreateJourneySchema, { document: EXAMPLE_DOCUMENT }) },
      responses: { 201: ok("Created"), ...errorResponses },
    }),
    async (c) => c.json(await createJourney(ctx(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/journeys/import`,
      tags,
      summary: "Import an exported journey or a bare document as a new journey",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZImportJourneySchema, {
          id: "0193a1c2-7d4e-7f00-8a00-0000000000a1",
          version: 3,
          document: EXAMPLE_DOCUMENT,
        }),
      },
      responses: { 201: ok("Imported"), ...errorResponses },
    }),
    async (c) => c.json(await importJourney(ctx(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/journeys/{journeyId}`,
      tags,
      summary: "A journey with its current document (older schema versions are migrated)",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: JourneyParams },
      responses: { 200: ok("The journey"), ...errorResponses },
    }),
    async (c) => c.json(await getJourney(ctx(c), c.req.valid("param").journeyId), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: `${base}/journeys/{journeyId}`,
      tags,
      summary: "Save a new version on top of `baseVersion`; a stale base answers 409",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: JourneyParams,
        ...jsonBody(ZSaveJourneySchema, { baseVersion: 3, document: EXAMPLE_DOCUMENT }),
      },
      responses: { 200: ok("Saved as version baseVersion + 1"), ...errorResponses, ...staleResponse },
    }),
    async (c) => c.json(await saveJourney(ctx(c), c.req.valid("param").journeyId, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: `${base}/journeys/{journeyId}`,
      tags,
      summary: "Delete a journey with its revisions",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: JourneyParams },
      responses: { 204: { description: "Deleted" }, ...errorResponses },
    }),
    async (c) => {
      await deleteJourney(ctx(c), c.req.valid("param").journeyId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/journeys/{journeyId}/export`,
      tags,
      summary: "The journey as a lossless JSON file, re-importable with POST /journeys/import",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: JourneyParams },
      responses: { 200: ok("The journey (Content-Disposition: attachment)"), ...errorResponses },
    }),
    async (c) => {
      const journey = await getJourney(ctx(c), c.req.valid("param").journeyId);
      c.header("Content-Disposition", `attachment; filename="journey-${journey.id}.json"`);
      return c.json(journey, 200);
    },
  );
}

function revisionRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/journeys/{journeyId}/revisions`,
      tags,
      summary: "Versions of a journey, newest first, with author and change counts",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: JourneyParams, query: ZPageQuery },
      responses: {
        200: { description: "Page of revisions", ...json(page(ZRevisionEntrySchema)) },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await listRevisions(ctx(c), c.req.valid("param").journeyId, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/journeys/{journeyId}/revisions/{version}`,
      tags,
      summary: "One version's document",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: RevisionParams },
      responses: { 200: { description: "The revision", ...json(ZRevisionSchema) }, ...errorResponses },
    }),
    async (c) => {
      const { journeyId, version } = c.req.valid("param");
      return c.json(await getRevision(ctx(c), journeyId, version), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/journeys/{journeyId}/revisions/{version}/restore`,
      tags,
      summary: "Save an old version's document as a new version",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: RevisionParams, ...jsonBody(ZRestoreRevisionSchema, { baseVersion: 5 }) },
      responses: { 200: ok("Restored as version baseVersion + 1"), ...errorResponses, ...staleResponse },
    }),
    async (c) => {
      const { journeyId, version } = c.req.valid("param");
      return c.json(await restoreRevision(ctx(c), journeyId, version, c.req.valid("json")), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/journeys/{journeyId}/compare`,
      tags,
      summary: "Stages and steps added, removed, changed or moved between two versions",
      description: "`to` defaults to the current version, `from` to the version before `to`.",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: JourneyParams, query: ZCompareQuery },
      responses: { 200: { description: "The differences", ...json(ZComparisonSchema) }, ...errorResponses },
    }),
    async (c) =>
      c.json(await compareRevisions(ctx(c), c.req.valid("param").journeyId, c.req.valid("query")), 200),
  );
}

function coverageRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/journeys/{journeyId}/coverage`,
      tags,
      summary: "Coverage findings for one journey (free moments, owners, empty stages, matchers)",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: JourneyParams },
      responses: { 200: { description: "Findings", ...json(ZCoverageSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await journeyCoverage(ctx(c), c.req.valid("param").journeyId), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/coverage`,
      tags,
      summary: "Coverage findings for the workspace: the touchpoint register and every journey",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams },
      responses: { 200: { description: "Findings", ...json(ZCoverageSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await workspaceCoverage(ctx(c)), 200),
  );
}

export function journeyRoutes() {
  const app = router();
  documentRoutes(app);
  revisionRoutes(app);
  coverageRoutes(app);
  return app;
}
