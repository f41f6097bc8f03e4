import { createRoute, z } from "@hono/zod-openapi";
import { assignCase } from "../../core/cases/assign-case.js";
import { caseQueue } from "../../core/cases/case-queue.js";
import { loadCase } from "../../core/cases/case-row.js";
import {
  ZAssignCase,
  ZCase,
  ZCaseListQuery,
  ZCommentCase,
  ZCreateCase,
  ZResolveCase,
  ZTimelineEntry,
  ZUpdateCase,
} from "../../core/cases/cases.schema.js";
import { ZQueue, ZQueueQuery } from "../../core/cases/cockpit.schema.js";
import { caseTimeline, commentCase } from "../../core/cases/comment-case.js";
import { createCase } from "../../core/cases/create-case.js";
import { listCases } from "../../core/cases/list-cases.js";
import { resolveCase } from "../../core/cases/resolve-case.js";
import { updateCase } from "../../core/cases/update-case.js";
import { requireWorkspace } from "../middleware/auth.js";
import { conflictResponse, errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { ctx, page, WorkspaceParams } from "./shared.js";

const base = "/api/v1/workspaces/{workspaceId}/cases";
const tags = ["cases"];
const ZCaseSchema = named(ZCase, "Case");
const ZTimeline = z.array(named(ZTimelineEntry, "CaseTimelineEntry"));
const CaseParams = WorkspaceParams.extend({
  caseId: z.string().openapi({ param: { name: "caseId", in: "path" } }),
});
const ZCreated = z.object({ case: ZCaseSchema, created: z.boolean() });

/** Closed-loop cases (docs/api/act.md §2–§3). */
export function caseRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags,
      summary:
        "Cases, newest first (cursor pages); filter by status, open, priority, owner, journey, touchpoint, breach",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, query: ZCaseListQuery },
      responses: { 200: { description: "Page of cases", ...json(page(ZCaseSchema)) }, ...errorResponses },
    }),
    async (c) => c.json(await listCases(ctx(c), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: base,
      tags,
      summary:
        "Open a case by hand; the customer's open case of the same journey instance gets it as a signal instead",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZCreateCase, {
          title: "Delivery three days late",
          customerId: "user-42",
          priority: "high",
        }),
      },
      responses: {
        201: { description: "Opened", ...json(ZCreated) },
        200: { description: "Attached to the open case", ...json(ZCreated) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const result = await createCase(ctx(c), c.req.valid("json"));
      return c.json(result, result.created ? 201 : 200);
    },
  );

  // Static paths before `{caseId}`, which would otherwise match them.
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/queue`,
      tags,
      summary:
        "An agent's queue: open cases assigned to them by SLA due time, SLA counts, and cases they watch",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, query: ZQueueQuery },
      responses: {
        200: { description: "The queue", ...json(named(ZQueue, "CaseQueue")) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await caseQueue(ctx(c), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{caseId}`,
      tags,
      summary: "One case with its watchers and signal count",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: CaseParams },
      responses: { 200: { description: "The case", ...json(ZCaseSchema) }, ...errorResponses },
    }),
    async (c) =>
      c.json(await loadCase(ctx(c).db, ctx(c).access.workspaceId, c.req.valid("param").caseId), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: `${base}/{caseId}`,
      tags,
      summary: "Change status (open statuses or closed), priority (moves the SLA due time) or title",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: CaseParams, ...jsonBody(ZUpdateCase, { status: "in_progress" }) },
      responses: {
        200: { description: "The case", ...json(ZCaseSchema) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await updateCase(ctx(c), c.req.valid("param").caseId, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{caseId}/assign`,
      tags,
      summary: "Assign to a member, or to a team (its next member in turn)",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: CaseParams,
        ...jsonBody(ZAssignCase, { userId: "0193a1c2-7d4e-7f00-8a00-000000000002" }),
      },
      responses: {
        200: { description: "The case", ...json(ZCaseSchema) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await assignCase(ctx(c), c.req.valid("param").caseId, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{caseId}/comments`,
      tags,
      summary: "Add an internal comment to the timeline",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: CaseParams, ...jsonBody(ZCommentCase, { text: "Called the customer back." }) },
      responses: { 201: { description: "The timeline", ...json(ZTimeline) }, ...errorResponses },
    }),
    async (c) =>
      c.json(await commentCase(ctx(c), c.req.valid("param").caseId, c.req.valid("json").text), 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{caseId}/resolve`,
      tags,
      summary: "Resolve with root cause and note; sends the follow-up CSAT survey when configured",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: CaseParams,
        ...jsonBody(ZResolveCase, {
          rootCause: "delivery",
          note: "Parcel re-sent by express.",
          followUp: true,
        }),
      },
      responses: {
        200: { description: "The case", ...json(ZCaseSchema) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await resolveCase(ctx(c), c.req.valid("param").caseId, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{caseId}/timeline`,
      tags,
      summary:
        "The case's full timeline: signals, comments, status changes, assignments, escalations — who did what",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: CaseParams },
      responses: {
        200: { description: "The timeline, oldest first", ...json(ZTimeline) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await caseTimeline(ctx(c), c.req.valid("param").caseId), 200),
  );

  return app;
}
