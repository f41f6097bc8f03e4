import { createRoute, z } from "@hono/zod-openapi";
import { cors } from "hono/cors";
import { createResponse } from "../../core/surveys/create-response.js";
import { getPublicSurvey } from "../../core/surveys/get-public-survey.js";
import {
  ZCreatedResponse,
  ZCreateResponse,
  ZPublicSurvey,
  ZPublicSurveyQuery,
  ZUpdatedResponse,
  ZUpdateResponse,
} from "../../core/surveys/responses.schema.js";
import { updateResponse } from "../../core/surveys/update-response.js";
import { clientAddress } from "../client-address.js";
import { conflictResponse, errorResponses, json, jsonBody, named, router } from "../openapi.js";
import { ZProblem } from "../problem.js";

const base = "/api/public/v1";
const SurveyPath = z.object({
  surveyId: z.string().openapi({ param: { name: "surveyId", in: "path" } }),
});
const ResponsePath = z.object({
  responseId: z.string().openapi({ param: { name: "responseId", in: "path" } }),
});
const gone = {
  410: {
    description: "The survey is closed or the link has expired",
    content: { "application/problem+json": { schema: ZProblem } },
  },
} as const;

/** Respondent endpoints for the hosted page and the widget: no auth, callable from any origin. */
export function surveyPublicRoutes() {
  const app = router();
  app.use(
    `${base}/*`,
    cors({
      origin: "*",
      allowHeaders: ["content-type", "x-edit-token"],
      allowMethods: ["GET", "POST", "PATCH", "OPTIONS"],
      maxAge: 600,
    }),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/surveys/{surveyId}`,
      tags: ["respondents"],
      summary: "An active survey for respondents (texts in all its languages)",
      description:
        "404 unless active; 410 when closed or the link expired; 409 when a single-use link was used.",
      request: { params: SurveyPath, query: ZPublicSurveyQuery },
      responses: {
        200: { description: "The survey", ...json(named(ZPublicSurvey, "PublicSurvey")) },
        ...errorResponses,
        ...conflictResponse,
        ...gone,
      },
    }),
    async (c) => {
      c.header("Cache-Control", "no-store");
      const { db } = c.get("stores").sor;
      return c.json(await getPublicSurvey(db, c.req.valid("param").surveyId, c.req.valid("query")), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/surveys/{surveyId}/responses`,
      tags: ["respondents"],
      summary: "Submit answers; returns the edit token for later changes (shown once)",
      description:
        "The same submissionId again answers 409 with `responseId` (`errors[0].code` duplicate_submission); a used single-use token 409 link_used; too many responses from one address 429 with Retry-After.",
      request: {
        params: SurveyPath,
        ...jsonBody(ZCreateResponse, {
          submissionId: "0193a1c2-7d4e-7f00-8a00-0000000000aa",
          answers: { nps: 4, reason: "Der Fahrer kam zwei Stunden zu spät." },
          finished: false,
          language: "de",
          website: "",
          pageUrl: "https://shop.example.com/bestellung/danke",
        }),
      },
      responses: {
        201: { description: "Stored", ...json(named(ZCreatedResponse, "CreatedResponse")) },
        ...errorResponses,
        ...conflictResponse,
        ...gone,
      },
    }),
    async (c) => {
      const config = c.get("config");
      const created = await createResponse(
        {
          db: c.get("stores").sor.db,
          clientAddress: clientAddress(c),
          responsesPerIpPerHour: config.surveys.responsesPerIpPerHour,
        },
        c.req.valid("param").surveyId,
        c.req.valid("json"),
      );
      return c.json(created, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: `${base}/responses/{responseId}`,
      tags: ["respondents"],
      summary: "Change or finish a response with its X-Edit-Token (wrong or missing token: 404)",
      request: {
        params: ResponsePath,
        headers: z.object({ "x-edit-token": z.string().max(200).optional() }),
        ...jsonBody(ZUpdateResponse, {
          answers: { reason: "Der Fahrer war sehr freundlich." },
          finished: true,
        }),
      },
      responses: {
        200: { description: "Saved", ...json(named(ZUpdatedResponse, "UpdatedResponse")) },
        ...errorResponses,
        ...conflictResponse,
        ...gone,
      },
    }),
    async (c) =>
      c.json(
        await updateResponse(
          c.get("stores").sor.db,
          c.req.valid("param").responseId,
          c.req.valid("header")["x-edit-token"],
          c.req.valid("json"),
        ),
        200,
      ),
  );

  return app;
}
