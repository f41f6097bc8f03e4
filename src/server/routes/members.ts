import { createRoute, z } from "@hono/zod-openapi";
import { ZPageQuery } from "../../core/pagination.js";
import { addMember } from "../../core/workspaces/add-member.js";
import { changeMemberRole, removeMember } from "../../core/workspaces/change-member.js";
import { listMembers } from "../../core/workspaces/list-members.js";
import { ZAddMember, ZMember, ZUpdateMember } from "../../core/workspaces/workspaces.schema.js";
import { requireWorkspace } from "../middleware/auth.js";
import { conflictResponse, errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { ctx, page, WorkspaceParams } from "./shared.js";

const ZMemberSchema = named(ZMember, "Member");
const MemberParams = WorkspaceParams.extend({
  userId: z.string().openapi({ param: { name: "userId", in: "path" } }),
});

export function memberRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/workspaces/{workspaceId}/members",
      tags: ["members"],
      summary: "Members of the workspace with their roles",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, query: ZPageQuery },
      responses: { 200: { description: "Page of members", ...json(page(ZMemberSchema)) }, ...errorResponses },
    }),
    async (c) => c.json(await listMembers(ctx(c), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/workspaces/{workspaceId}/members",
      tags: ["members"],
      summary: "Add a member (creating the account when the e-mail has none)",
      security,
      middleware: [requireWorkspace("admin")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZAddMember, {
          email: "anna.berger@example.com",
          role: "analyst",
          name: "Anna Berger",
          password: "initial-pass-123",
        }),
      },
      responses: {
        201: { description: "Added", ...json(ZMemberSchema) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await addMember(ctx(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/v1/workspaces/{workspaceId}/members/{userId}",
      tags: ["members"],
      summary: "Change a member's role (never above your own)",
      security,
      middleware: [requireWorkspace("admin")],
      request: { params: MemberParams, ...jsonBody(ZUpdateMember, { role: "viewer" }) },
      responses: {
        200: { description: "Updated", ...json(ZMemberSchema) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(await changeMemberRole(ctx(c), c.req.valid("param").userId, c.req.valid("json").role), 200),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/v1/workspaces/{workspaceId}/members/{userId}",
      tags: ["members"],
      summary: "Remove a member from the workspace",
      security,
      middleware: [requireWorkspace("admin")],
      request: { params: MemberParams },
      responses: { 204: { description: "Removed" }, ...errorResponses, ...conflictResponse },
    }),
    async (c) => {
      await removeMember(ctx(c), c.req.valid("param").userId);
      return c.body(null, 204);
    },
  );

  return app;
}
