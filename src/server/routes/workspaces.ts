import { createRoute, z } from "@hono/zod-openapi";
import { listAuditLog } from "../../core/audit/list-audit-log.js";
import { ZPageQuery } from "../../core/pagination.js";
import { createWorkspace } from "../../core/workspaces/create-workspace.js";
import { getWorkspace } from "../../core/workspaces/get-workspace.js";
import { listWorkspaces } from "../../core/workspaces/list-workspaces.js";
import { updateWorkspace } from "../../core/workspaces/update-workspace.js";
import { ZCreateWorkspace, ZUpdateWorkspace, ZWorkspace } from "../../core/workspaces/workspaces.schema.js";
import { currentActor, requireActor, requireWorkspace } from "../middleware/auth.js";
import { conflictResponse, errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { ctx, page, WorkspaceParams } from "./shared.js";

const ZWorkspaceSchema = named(ZWorkspace, "Workspace");
const ZAuditEntry = z
  .object({
    id: z.string(),
    actorType: z.string(),
    actorId: z.string().nullable(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    outcome: z.string(),
    details: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .openapi("AuditEntry");

export function workspaceRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/workspaces",
      tags: ["workspaces"],
      summary: "Workspaces the caller can see",
      security,
      middleware: [requireActor()],
      request: { query: ZPageQuery },
      responses: {
        200: { description: "Page of workspaces", ...json(page(ZWorkspaceSchema)) },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await listWorkspaces(c.get("stores").sor.db, currentActor(c), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/workspaces",
      tags: ["workspaces"],
      summary: "Create a workspace; the creator becomes its owner",
      security,
      middleware: [requireActor("user", "system")],
      request: jsonBody(
        ZCreateWorkspace.extend({
          ownerEmail: z
            .email()
            .optional()
            .openapi({ description: "operator (system) only: the owner's account" }),
        }),
        { name: "Stadtwerke Nord" },
      ),
      responses: {
        201: { description: "Created", ...json(ZWorkspaceSchema) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const actor = currentActor(c);
      const ws = await createWorkspace(c.get("stores").sor.db, actor, input, c.get("requestId"));
      return c.json(ws, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/workspaces/{workspaceId}",
      tags: ["workspaces"],
      summary: "One workspace",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams },
      responses: { 200: { description: "The workspace", ...json(ZWorkspaceSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await getWorkspace(ctx(c)), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/v1/workspaces/{workspaceId}",
      tags: ["workspaces"],
      summary: "Rename a workspace",
      security,
      middleware: [requireWorkspace("admin")],
      request: { params: WorkspaceParams, ...jsonBody(ZUpdateWorkspace, { name: "Stadtwerke Nord GmbH" }) },
      responses: { 200: { description: "Updated", ...json(ZWorkspaceSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await updateWorkspace(ctx(c), c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/workspaces/{workspaceId}/audit-log",
      tags: ["workspaces"],
      summary: "Audit log of admin actions, newest first",
      security,
      middleware: [requireWorkspace("admin")],
      request: { params: WorkspaceParams, query: ZPageQuery },
      responses: {
        200: { description: "Page of audit entries", ...json(page(ZAuditEntry)) },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await listAuditLog(c.get("stores").sor.db, c.get("access").workspaceId, c.req.valid("query")),
        200,
      ),
  );

  return app;
}
