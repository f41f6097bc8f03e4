import { createRoute, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { AppError } from "../../core/errors.js";
import {
  type TFeedbackBody,
  type TFeedbackInput,
  ZFeedback,
  ZFeedbackBody,
  ZFeedbackDetail,
  ZFeedbackListQuery,
  ZIngestResult,
  ZUpdateFeedback,
} from "../../core/feedback/feedback.schema.js";
import { getFeedback } from "../../core/feedback/get-feedback.js";
import { type IngestItem, ingestFeedback } from "../../core/feedback/ingest-feedback.js";
import { listFeedback } from "../../core/feedback/list-feedback.js";
import { updateFeedback } from "../../core/feedback/update-feedback.js";
import { hasScope } from "../../core/permissions/index.js";
import { resolveAccess } from "../../core/workspaces/resolve-access.js";
import type { AppEnv } from "../env.js";
import { currentActor, requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { feedbackImportRoutes } from "./feedback-import.js";
import { ctx, page, WorkspaceParams } from "./shared.js";

const ZFeedbackSchema = named(ZFeedback, "Feedback");
const FeedbackParams = WorkspaceParams.extend({
  feedbackId: z.string().openapi({ param: { name: "feedbackId", in: "path" } }),
});
const base = "/api/v1/workspaces/{workspaceId}/feedback";

const example: z.input<typeof ZFeedbackBody> = {
  items: [
    {
      externalId: "ticket-48213",
      channel: "complaint_form",
      receivedAt: "2026-03-02T09:15:00Z",
      customer: { userId: "K-100234", email: "kunde@example.com", traits: { tarif: "Basis" } },
      ratings: [{ metric: "csat", value: 2 }],
      title: "Techniker kam nicht",
      text: "Der Techniker ist zum vereinbarten Termin nicht erschienen, niemand hat abgesagt.",
      metadata: { ticketQueue: "Störung" },
    },
  ],
};

/** The body's items with their pointers: one object is `/body`, a batch `/body/items/<i>`. */
function itemsOf(body: TFeedbackBody): IngestItem[] {
  if (body.items) return body.items.map((input, i) => ({ input, pointer: `/body/items/${i}` }));
  const { items: _, ...single } = body;
  return [{ input: single as TFeedbackInput, pointer: "/body" }];
}

/**
 * `POST /api/v1/feedback`: the workspace is the API key's own. People belong to several
 * workspaces, so a session must name one in the path.
 */
const requireKeyWorkspace: MiddlewareHandler<AppEnv> = async (c, next) => {
  const actor = currentActor(c);
  if (actor.kind !== "api_key")
    throw new AppError(
      "validation_failed",
      "This route takes the workspace from an API key; use POST /api/v1/workspaces/{workspaceId}/feedback",
      {
        errors: [
          {
            pointer: "/header/Authorization",
            code: "workspace_required",
            message: "send an API key, or post to /api/v1/workspaces/{workspaceId}/feedback",
          },
        ],
      },
    );
  const access = await resolveAccess(c.get("stores").sor.db, actor, actor.workspaceId);
  if (!access) throw new AppError("not_found", "Workspace not found");
  if (!hasScope(access, "ingest") && !hasScope(access, "write"))
    throw new AppError(
      "forbidden",
      `This needs the "ingest" or "write" scope; you hold: ${access.scopes.join(", ")}`,
    );
  c.set("access", access);
  await next();
};

const postResponses = {
  201: {
    description: "Stored; re-sent records (same channel and externalId) are duplicates",
    ...json(ZIngestResult),
  },
  ...errorResponses,
};
const postDescription =
  "One FeedbackInput or `{ items }` (≤ 1,000), validated as a whole: any bad item is a 400 naming " +
  "`/body/items/<i>/…` and nothing is stored. With `externalId` the id is derived from the workspace, " +
  "channel and externalId, so a re-send reports `duplicate` and adds nothing.";

export function feedbackRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags: ["feedback"],
      summary: "The feedback inbox: newest first, filtered, full-text search in title and text",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, query: ZFeedbackListQuery },
      responses: {
        200: { description: "Page of feedback", ...json(page(ZFeedbackSchema)) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listFeedback(ctx(c), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: base,
      tags: ["feedback"],
      summary: "Store unsolicited feedback (one record or a batch)",
      description: postDescription,
      security,
      middleware: [requireWorkspace("write", "ingest")],
      request: { params: WorkspaceParams, ...jsonBody(ZFeedbackBody, example) },
      responses: postResponses,
    }),
    async (c) => c.json(await ingestFeedback(ctx(c), itemsOf(c.req.valid("json"))), 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/feedback",
      tags: ["feedback"],
      summary: "Store unsolicited feedback in the API key's workspace",
      description: `${postDescription} The same operation as the workspace route, for API keys (scope ingest or write).`,
      security: [{ bearer: [] }],
      middleware: [requireKeyWorkspace],
      request: jsonBody(ZFeedbackBody, example),
      responses: postResponses,
    }),
    async (c) => c.json(await ingestFeedback(ctx(c), itemsOf(c.req.valid("json"))), 201),
  );

  // Static paths (import) before `{feedbackId}`.
  feedbackImportRoutes(app, base);

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{feedbackId}`,
      tags: ["feedback"],
      summary: "One record, with up to 20 other records of the same customer",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: FeedbackParams },
      responses: {
        200: { description: "The record", ...json(named(ZFeedbackDetail, "FeedbackDetail")) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await getFeedback(ctx(c), c.req.valid("param").feedbackId), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: `${base}/{feedbackId}`,
      tags: ["feedback"],
      summary: "Flag, unflag or relink a record (touchpoint, journey, step)",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: FeedbackParams,
        ...jsonBody(ZUpdateFeedback, { flagged: true, flagReason: "Spam: Werbung für ein anderes Produkt" }),
      },
      responses: { 200: { description: "Updated", ...json(ZFeedbackSchema) }, ...errorResponses },
    }),
    async (c) =>
      c.json(await updateFeedback(ctx(c), c.req.valid("param").feedbackId, c.req.valid("json")), 200),
  );

  return app;
}
