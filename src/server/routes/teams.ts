import { createRoute, z } from "@hono/zod-openapi";
import {
  addTeamMember,
  createTeam,
  deleteTeam,
  getTeam,
  listTeams,
  removeTeamMember,
  updateTeam,
} from "../../core/teams/manage-teams.js";
import { ZCreateTeam, ZTeam, ZUpdateTeam } from "../../core/teams/teams.schema.js";
import { requireWorkspace } from "../middleware/auth.js";
import { conflictResponse, errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { ctx, WorkspaceParams } from "./shared.js";

const base = "/api/v1/workspaces/{workspaceId}/teams";
const tags = ["teams"];
const ZTeamSchema = named(ZTeam, "Team");
const TeamParams = WorkspaceParams.extend({
  teamId: z.string().openapi({ param: { name: "teamId", in: "path" } }),
});
const MemberParams = TeamParams.extend({
  userId: z.string().openapi({ param: { name: "userId", in: "path" } }),
});

/** Teams that own touchpoints and receive cases round-robin (docs/api/act.md §1). */
export function teamRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags,
      summary: "Teams with lead and members, by name",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams },
      responses: { 200: { description: "Teams", ...json(z.array(ZTeamSchema)) }, ...errorResponses },
    }),
    async (c) => c.json(await listTeams(ctx(c)), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: base,
      tags,
      summary: "Create a team; touchpoints whose owner team has this name (any case) route cases to it",
      security,
      middleware: [requireWorkspace("admin")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZCreateTeam, { name: "Kundenservice", leadUserId: null, memberIds: [] }),
      },
      responses: {
        201: { description: "Created", ...json(ZTeamSchema) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await createTeam(ctx(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{teamId}`,
      tags,
      summary: "One team",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: TeamParams },
      responses: { 200: { description: "The team", ...json(ZTeamSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await getTeam(ctx(c), c.req.valid("param").teamId), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: `${base}/{teamId}`,
      tags,
      summary: "Rename a team or change its lead (the first escalation level)",
      security,
      middleware: [requireWorkspace("admin")],
      request: { params: TeamParams, ...jsonBody(ZUpdateTeam, { leadUserId: null }) },
      responses: {
        200: { description: "The team", ...json(ZTeamSchema) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await updateTeam(ctx(c), c.req.valid("param").teamId, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: `${base}/{teamId}`,
      tags,
      summary: "Delete a team; its cases keep their assignee, its routing rules go",
      security,
      middleware: [requireWorkspace("admin")],
      request: { params: TeamParams },
      responses: { 204: { description: "Deleted" }, ...errorResponses },
    }),
    async (c) => {
      await deleteTeam(ctx(c), c.req.valid("param").teamId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: `${base}/{teamId}/members/{userId}`,
      tags,
      summary: "Add a workspace member to the team's rotation (again: unchanged)",
      security,
      middleware: [requireWorkspace("admin")],
      request: { params: MemberParams },
      responses: { 200: { description: "The team", ...json(ZTeamSchema) }, ...errorResponses },
    }),
    async (c) => {
      const { teamId, userId } = c.req.valid("param");
      return c.json(await addTeamMember(ctx(c), teamId, userId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: `${base}/{teamId}/members/{userId}`,
      tags,
      summary: "Remove a member from the team",
      security,
      middleware: [requireWorkspace("admin")],
      request: { params: MemberParams },
      responses: { 200: { description: "The team", ...json(ZTeamSchema) }, ...errorResponses },
    }),
    async (c) => {
      const { teamId, userId } = c.req.valid("param");
      return c.json(await removeTeamMember(ctx(c), teamId, userId), 200);
    },
  );

  return app;
}
