import { createRoute, z } from "@hono/zod-openapi";
import { teamView } from "../../core/cases/case-queue.js";
import {
  ZCockpit,
  ZCockpitQuery,
  ZInitiative,
  ZPainPoint,
  ZPromotePainPoint,
  ZTeamView,
} from "../../core/cases/cockpit.schema.js";
import { journeyCockpit } from "../../core/cases/journey-cockpit.js";
import { journeyPainPoints, promotePainPoint } from "../../core/cases/pain-points.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { ctx, WorkspaceParams } from "./shared.js";

const journeyBase = "/api/v1/workspaces/{workspaceId}/journeys/{journeyId}";
const JourneyParams = WorkspaceParams.extend({
  journeyId: z.string().openapi({ param: { name: "journeyId", in: "path" } }),
});
const TeamParams = WorkspaceParams.extend({
  teamId: z.string().openapi({ param: { name: "teamId", in: "path" } }),
});
const ZInitiativeSchema = named(ZInitiative, "Initiative");
const ZPromoted = z.object({ initiative: ZInitiativeSchema, created: z.boolean() });

/** Cockpits over cases (docs/api/act.md §4–§5): team view, journey owner, pain points. */
export function caseCockpitRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/workspaces/{workspaceId}/teams/{teamId}/cases",
      tags: ["cases"],
      summary: "Team view: the team's open cases by SLA due time, load per member, unassigned",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: TeamParams },
      responses: {
        200: { description: "The team's cases", ...json(named(ZTeamView, "TeamCases")) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await teamView(ctx(c), c.req.valid("param").teamId), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${journeyBase}/cases/cockpit`,
      tags: ["cases"],
      summary:
        "Journey-owner cockpit: cases by step and status, open SLA breaches, touchpoints causing the most cases",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: JourneyParams, query: ZCockpitQuery },
      responses: {
        200: { description: "The cockpit", ...json(named(ZCockpit, "CaseCockpit")) },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await journeyCockpit(ctx(c), c.req.valid("param").journeyId, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${journeyBase}/pain-points`,
      tags: ["cases"],
      summary:
        "Cases rolled up by touchpoint, step and root cause: counts, trend, time to resolve, promoted initiative",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: JourneyParams, query: ZCockpitQuery },
      responses: {
        200: {
          description: "Pain points, most cases first",
          ...json(z.array(named(ZPainPoint, "PainPoint"))),
        },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await journeyPainPoints(ctx(c), c.req.valid("param").journeyId, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${journeyBase}/pain-points/promote`,
      tags: ["cases"],
      summary: "Promote a pain point to a proposed initiative of the journey (again: the first one)",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: JourneyParams,
        ...jsonBody(ZPromotePainPoint, {
          touchpointId: null,
          stepId: null,
          rootCause: "delivery",
          title: "Fix late deliveries at hand-over",
        }),
      },
      responses: {
        201: { description: "Promoted", ...json(ZPromoted) },
        200: { description: "Already promoted", ...json(ZPromoted) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const result = await promotePainPoint(ctx(c), c.req.valid("param").journeyId, c.req.valid("json"));
      return c.json(result, result.created ? 201 : 200);
    },
  );

  return app;
}
