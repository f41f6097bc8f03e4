import { createRoute, z } from "@hono/zod-openapi";
import { getSurveyResults } from "../../core/metrics/get-survey-results.js";
import { ZSurveyResults, ZSurveyResultsQuery } from "../../core/metrics/survey-results.schema.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, named, router, security } from "../openapi.js";
import { reportCtx } from "./metrics.js";
import { WorkspaceParams } from "./shared.js";

const SurveyParams = WorkspaceParams.extend({
  surveyId: z.string().openapi({ param: { name: "surveyId", in: "path" } }),
});

/** Results of one survey (docs/api/listen.md §1): per question, response counts and the weekly trend. */
export function surveyResultsRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/workspaces/{workspaceId}/surveys/{surveyId}/results",
      tags: ["surveys", "metrics"],
      summary: "Results per question: distributions and exact figures, option counts, newest comments",
      description:
        "Figures count finished, unflagged responses only; `responses` also counts partial and flagged ones. " +
        "`from`/`to` take an ISO date (the whole day in `tz`) or date-time; weeks start on Monday in `tz`.",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: SurveyParams, query: ZSurveyResultsQuery },
      responses: {
        200: { description: "The results", ...json(named(ZSurveyResults, "SurveyResults")) },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await getSurveyResults(reportCtx(c), c.req.valid("param").surveyId, c.req.valid("query")), 200),
  );

  return app;
}
