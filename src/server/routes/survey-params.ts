import { z } from "@hono/zod-openapi";
import { WorkspaceParams } from "./shared.js";

export const surveysBase = "/api/v1/workspaces/{workspaceId}/surveys";
export const triggersBase = "/api/v1/workspaces/{workspaceId}/survey-triggers";

export const SurveyParams = WorkspaceParams.extend({
  surveyId: z.string().openapi({ param: { name: "surveyId", in: "path" } }),
});

export const TriggerParams = WorkspaceParams.extend({
  triggerId: z.string().openapi({ param: { name: "triggerId", in: "path" } }),
});
