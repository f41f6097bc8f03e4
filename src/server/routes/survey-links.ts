import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { ZPageQuery } from "../../core/pagination.js";
import { createLink } from "../../core/surveys/create-link.js";
import { ZCreatedLink, ZCreateLink, ZLink } from "../../core/surveys/links.schema.js";
import { listLinks } from "../../core/surveys/list-links.js";
import type { AppEnv } from "../env.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, jsonBody, named, security } from "../openapi.js";
import { ctx, page } from "./shared.js";
import { SurveyParams, surveysBase } from "./survey-params.js";

const ZLinkSchema = named(ZLink, "SurveyLink");

/** Personal survey links: the token is returned once, in the link's URL. */
export function surveyLinkRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "post",
      path: `${surveysBase}/{surveyId}/links`,
      tags: ["surveys"],
      summary: "Create a personal link (single-use by default); the token is shown only here",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: SurveyParams,
        ...jsonBody(ZCreateLink, {
          customerId: "kunde-4711",
          hidden: { orderId: "A-100234" },
          language: "de",
          singleUse: true,
        }),
      },
      responses: {
        201: { description: "Created", ...json(named(ZCreatedLink, "CreatedSurveyLink")) },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await createLink(
          { ...ctx(c), publicUrl: c.get("config").publicUrl },
          c.req.valid("param").surveyId,
          c.req.valid("json"),
        ),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${surveysBase}/{surveyId}/links`,
      tags: ["surveys"],
      summary: "The survey's links, newest first, with when each was used (no tokens)",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: SurveyParams, query: ZPageQuery },
      responses: { 200: { description: "Page of links", ...json(page(ZLinkSchema)) }, ...errorResponses },
    }),
    async (c) => c.json(await listLinks(ctx(c), c.req.valid("param").surveyId, c.req.valid("query")), 200),
  );
}
