import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { getSurveySettings } from "../../core/surveys/get-survey-settings.js";
import { ZSurveyPreferences } from "../../core/surveys/surveys.schema.js";
import { updateSurveySettings } from "../../core/surveys/update-survey-settings.js";
import type { AppEnv } from "../env.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, jsonBody, named, security } from "../openapi.js";
import { ctx, WorkspaceParams } from "./shared.js";

const path = "/api/v1/workspaces/{workspaceId}/survey-settings";
const ZSettingsSchema = named(ZSurveyPreferences, "SurveySettings");

/** Workspace-wide survey settings: the contact fatigue rule across all surveys. */
export function surveySettingsRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "get",
      path,
      tags: ["surveys"],
      summary: "Survey settings of the workspace (fatigueDays: 0 = no fatigue rule)",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams },
      responses: { 200: { description: "The settings", ...json(ZSettingsSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await getSurveySettings(ctx(c)), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path,
      tags: ["surveys"],
      summary: "Replace the survey settings",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: WorkspaceParams, ...jsonBody(ZSurveyPreferences, { fatigueDays: 30 }) },
      responses: { 200: { description: "Saved", ...json(ZSettingsSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await updateSurveySettings(ctx(c), c.req.valid("json")), 200),
  );
}
