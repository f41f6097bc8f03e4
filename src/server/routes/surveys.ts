import { createRoute } from "@hono/zod-openapi";
import { createSurvey } from "../../core/surveys/create-survey.js";
import { deleteSurvey } from "../../core/surveys/delete-survey.js";
import { exportSurvey } from "../../core/surveys/export-survey.js";
import { getSurvey } from "../../core/surveys/get-survey.js";
import { importSurvey } from "../../core/surveys/import-survey.js";
import { listSurveys } from "../../core/surveys/list-surveys.js";
import {
  type TSurveyDefinitionInput,
  ZCreateSurvey,
  ZSurvey,
  ZSurveyExport,
  ZSurveyListQuery,
  ZUpdateSurvey,
} from "../../core/surveys/surveys.schema.js";
import { updateSurvey } from "../../core/surveys/update-survey.js";
import { requireWorkspace } from "../middleware/auth.js";
import { conflictResponse, errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { ctx, page, WorkspaceParams } from "./shared.js";
import { surveyLinkRoutes } from "./survey-links.js";
import { SurveyParams, surveysBase } from "./survey-params.js";
import { surveySettingsRoutes } from "./survey-settings.js";
import { surveyTriggerRoutes } from "./survey-triggers.js";

const ZSurveySchema = named(ZSurvey, "Survey");

const exampleDefinition: TSurveyDefinitionInput = {
  schemaVersion: 1,
  title: { de: "Wie war Ihre Lieferung?", en: "How was your delivery?" },
  thankYou: { de: "Vielen Dank!", en: "Thank you!" },
  questions: [
    {
      id: "nps",
      type: "nps",
      text: {
        de: "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?",
        en: "How likely are you to recommend us?",
      },
      required: true,
    },
    {
      id: "reason",
      type: "text",
      text: { de: "Was können wir besser machen?", en: "What could we do better?" },
      required: false,
      showIf: { questionId: "nps", op: "lte", value: 6 },
    },
  ],
};

export function surveyRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: surveysBase,
      tags: ["surveys"],
      summary: "Surveys of the workspace, newest first (cursor pages)",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, query: ZSurveyListQuery },
      responses: { 200: { description: "Page of surveys", ...json(page(ZSurveySchema)) }, ...errorResponses },
    }),
    async (c) => c.json(await listSurveys(ctx(c), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: surveysBase,
      tags: ["surveys"],
      summary: "Create a survey (a draft unless status says otherwise)",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZCreateSurvey, {
          name: "Lieferung NPS",
          defaultLanguage: "de",
          definition: exampleDefinition,
        }),
      },
      responses: { 201: { description: "Created", ...json(ZSurveySchema) }, ...errorResponses },
    }),
    async (c) => c.json(await createSurvey(ctx(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${surveysBase}/import`,
      tags: ["surveys"],
      summary: "Create a draft survey from an exported survey (touchpoint matched by key)",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZSurveyExport, {
          format: "journeylens.survey",
          formatVersion: 1,
          survey: {
            name: "Lieferung NPS",
            defaultLanguage: "de",
            definition: exampleDefinition,
            settings: {},
            touchpointKey: "lieferung",
          },
        }),
      },
      responses: { 201: { description: "Created", ...json(ZSurveySchema) }, ...errorResponses },
    }),
    async (c) => c.json(await importSurvey(ctx(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${surveysBase}/{surveyId}`,
      tags: ["surveys"],
      summary: "One survey",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: SurveyParams },
      responses: { 200: { description: "The survey", ...json(ZSurveySchema) }, ...errorResponses },
    }),
    async (c) => c.json(await getSurvey(ctx(c), c.req.valid("param").surveyId), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: `${surveysBase}/{surveyId}`,
      tags: ["surveys"],
      summary: "Change some fields; with `version`, 409 when the survey changed meanwhile",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: SurveyParams, ...jsonBody(ZUpdateSurvey, { status: "active", version: 1 }) },
      responses: {
        200: { description: "Updated", ...json(ZSurveySchema) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await updateSurvey(ctx(c), c.req.valid("param").surveyId, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: `${surveysBase}/{surveyId}`,
      tags: ["surveys"],
      summary: "Delete a survey; its responses stay in the inbox without the survey",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: SurveyParams },
      responses: { 204: { description: "Deleted" }, ...errorResponses },
    }),
    async (c) => {
      await deleteSurvey(ctx(c), c.req.valid("param").surveyId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${surveysBase}/{surveyId}/export`,
      tags: ["surveys"],
      summary: "The survey as a portable JSON document (import it with POST /surveys/import)",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: SurveyParams },
      responses: { 200: { description: "The export document", ...json(ZSurveyExport) }, ...errorResponses },
    }),
    async (c) => c.json(await exportSurvey(ctx(c), c.req.valid("param").surveyId), 200),
  );

  surveyLinkRoutes(app);
  surveyTriggerRoutes(app);
  surveySettingsRoutes(app);
  return app;
}
