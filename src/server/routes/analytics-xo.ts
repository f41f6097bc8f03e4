import { createRoute } from "@hono/zod-openapi";
import { xoReport } from "../../core/analytics/reports/xo.js";
import { ZXo, ZXoRequest } from "../../core/analytics/xo.schema.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { reportCtx } from "./metrics.js";
import { WorkspaceParams } from "./shared.js";

/** Journey analytics: X+O, experience data by operational data (docs/api/journey-analytics.md §8). */
export function analyticsXoRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/workspaces/{workspaceId}/analytics/xo",
      tags: ["analytics"],
      summary:
        "X+O: NPS, CSAT or sentiment of the feedback linked to journey instances, by status, contacts, " +
        "longest wait or path, and the 'steps rated well, journey rated badly' check",
      description:
        "A feedback record (finished, unflagged, undeleted, linked to the journey) belongs to the instance " +
        "of its customer it was received in, from the instance's start to 30 days after its last event " +
        "(of several, the latest started). Overall rating = feedback without a step; step ratings = " +
        "feedback with one. Instances started in `[from, to)`; status as of now with `inactivityDays`. " +
        "NPS and CSAT as the metrics (DESIGN §3), sentiment as the mean score. A journey of another " +
        "workspace answers 404.",
      security,
      middleware: [requireWorkspace("read")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZXoRequest, {
          from: "2026-08-01T00:00:00Z",
          to: "2026-11-01T00:00:00Z",
          journeyId: "0193a1c2-7d4e-7f00-8a00-000000000002",
          metric: "nps",
          by: "waiting",
          inactivityDays: 30,
          waitingBuckets: [3600, 86400, 259200, 604800],
        }),
      },
      responses: {
        200: { description: "Scores by group and the check", ...json(named(ZXo, "XoReport")) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await xoReport(reportCtx(c), c.req.valid("json")), 200),
  );

  return app;
}
