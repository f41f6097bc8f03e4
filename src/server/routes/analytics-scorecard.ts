import { createRoute } from "@hono/zod-openapi";
import { journeyScorecard } from "../../core/scorecard/journey-scorecard.js";
import { ZScorecard, ZScorecardRequest } from "../../core/scorecard/scorecard.schema.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { reportCtx } from "./metrics.js";
import { WorkspaceParams } from "./shared.js";

/** The journey scorecard (docs/api/measure-the-gap.md §4). */
export function analyticsScorecardRoutes() {
  const app = router();
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/workspaces/{workspaceId}/analytics/journey-scorecard",
      tags: ["analytics"],
      summary: "A journey's scorecard: KPIs vs targets, stage and step scores, designed vs measured emotion",
      description:
        "Over `[from, to)` (default the last 90 days): the journey KPIs against the map's targets and the " +
        "catalogue KPIs scoped to the journey; per stage and step the score of linked feedback on 1–5 (a " +
        "record's ratings mapped linearly, else its sentiment as 3 + 2·score) with n and a 95 % interval; " +
        "the signature interactions with their score, CSAT, conversion, wait and contact rate; designed vs " +
        "measured emotion per step (measured = 1.5·(score − 3) on −3..3) and the steps below their design; " +
        "the emotional-differentiation ranking, potential = importance × max(0, target − score), importance " +
        "from the key driver analysis, else feedback volume (`importanceSource`). A journey of another " +
        "workspace answers 404.",
      security,
      middleware: [requireWorkspace("read")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZScorecardRequest, {
          journeyId: "0193a1c2-7d4e-7f00-8a00-000000000002",
          from: "2026-08-01T00:00:00Z",
          to: "2026-11-01T00:00:00Z",
          target: 4.5,
        }),
      },
      responses: {
        200: { description: "The scorecard", ...json(named(ZScorecard, "JourneyScorecard")) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await journeyScorecard(reportCtx(c), c.req.valid("json")), 200),
  );
  return app;
}
