import { createRoute, z } from "@hono/zod-openapi";
import {
  type TFunnelInput,
  ZFunnelDropped,
  ZFunnelDroppedRequest,
  ZFunnelRequest,
  ZFunnelResult,
} from "../../core/analytics/funnel.schema.js";
import { funnel, funnelDropped } from "../../core/analytics/reports/funnel.js";
import {
  casesFromFunnel,
  ZCasesFromFunnel,
  ZCasesFromFunnelResult,
} from "../../core/cases/cases-from-funnel.js";
import { toCsv } from "../../core/files/csv-export.js";
import {
  surveyFromFunnel,
  ZSurveyFromFunnel,
  ZSurveyFromFunnelResult,
} from "../../core/surveys/survey-from-funnel.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { reportCtx } from "./metrics.js";
import { WorkspaceParams } from "./shared.js";

const base = "/api/v1/workspaces/{workspaceId}/analytics/funnel";

const example: TFunnelInput = {
  from: "2026-10-01T00:00:00Z",
  to: "2026-11-01T00:00:00Z",
  steps: [
    { event: "Product Viewed" },
    { event: "Checkout Started" },
    { event: "Order Completed", where: "properties.total > 100" },
  ],
  window: { value: 7, unit: "days" },
  order: "ordered",
  breakdown: { by: "channel" },
};

const description =
  "A unit (customer) enters at a step-1 event in [from, to); later steps count within the window from " +
  "that event (an event exactly at its end counts). Each unit counts once: its attempt reaching the " +
  "furthest step wins, ties → the earliest, and its times are that attempt's. Events at the same time " +
  "are taken in order of the steps they match (earlier steps first). Conversions are null " +
  "when nobody entered (or reached the previous step). Quantiles interpolate at (n−1)·q.";

const ZDroppedQuery = z.object({
  format: z.enum(["json", "csv"]).default("json").openapi({ description: "csv: the same list as a file" }),
});

/** Journey analytics: funnel (docs/api/journey-analytics.md §3). */
export function analyticsFunnelRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "post",
      path: base,
      tags: ["analytics"],
      summary: "Funnel: entered, reached, conversions and times between consecutive steps",
      description,
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, ...jsonBody(named(ZFunnelRequest, "FunnelRequest"), example) },
      responses: {
        200: { description: "The funnel", ...json(named(ZFunnelResult, "FunnelResult")) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await funnel(reportCtx(c), c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/dropped`,
      tags: ["analytics"],
      summary: "Units that reached step − 1 but not step, earliest first (format=csv exports them)",
      description,
      security,
      middleware: [requireWorkspace("read")],
      request: {
        params: WorkspaceParams,
        query: ZDroppedQuery,
        ...jsonBody(named(ZFunnelDroppedRequest, "FunnelDroppedRequest"), {
          ...example,
          step: 2,
          limit: 100,
        }),
      },
      responses: {
        200: {
          description: "The units (JSON), or the CSV file unit,customer_id,reached_at",
          content: {
            "application/json": { schema: named(ZFunnelDropped, "FunnelDropped") },
            "text/csv": { schema: { type: "string" } },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const result = await funnelDropped(reportCtx(c), c.req.valid("json"));
      if (c.req.valid("query").format === "json") return c.json(result, 200);
      const body = toCsv(
        ["unit", "customer_id", "reached_at"],
        result.items.map((i) => [i.unit, i.customerId, i.reachedAt]),
      );
      return c.body(body, 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="funnel-dropped.csv"',
      });
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/dropped/cases`,
      tags: ["analytics", "cases"],
      summary: "Open a case for each unit that dropped before the step (again: nothing new)",
      description:
        "One signal per unit (kind funnel_drop, keyed by the funnel and the step), routed like any case: " +
        "to the touchpoint's owner, watched by the journey's owner; a customer's open case of that journey " +
        "takes the signal instead of a second case. At most `limit` units, earliest first.",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(named(ZCasesFromFunnel, "CasesFromFunnel"), {
          ...example,
          step: 2,
          limit: 100,
          title: "Checkout started but no order",
          priority: "normal",
        }),
      },
      responses: {
        200: {
          description: "What happened",
          ...json(named(ZCasesFromFunnelResult, "CasesFromFunnelResult")),
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await casesFromFunnel(reportCtx(c), c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/dropped/survey`,
      tags: ["analytics", "surveys"],
      summary: "Invite each customer who dropped before the step to a survey (again: nobody twice)",
      description:
        "Each unit with a known customer is invited through the survey engine as if `triggerId` had fired " +
        "for it: the trigger's survey, channel, target, delay and sample rate, the workspace's contact " +
        "limit, an e-mail trigger needs the customer's `email` trait; a single-use link whose hidden " +
        "fields are `source` (funnel), `funnel` (the funnel's key), `funnelStep`, `droppedBefore` and " +
        "`reachedAt`. The invitation is keyed by the funnel, the step and the unit, so the same request " +
        "again invites nobody (`alreadyInvited`); each unit is counted once: invited, alreadyInvited or " +
        "in one `skipped` reason. A trigger of another workspace answers 404, a disabled one or one of " +
        "a survey that is not active 400 (both naming /body/triggerId). At most `limit` units, earliest first.",
      security,
      middleware: [requireWorkspace("write")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(named(ZSurveyFromFunnel, "SurveyFromFunnel"), {
          ...example,
          step: 2,
          limit: 100,
          triggerId: "01890000-0000-7000-8000-000000000000",
        }),
      },
      responses: {
        200: {
          description: "What happened to each unit",
          ...json(named(ZSurveyFromFunnelResult, "SurveyFromFunnelResult")),
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await surveyFromFunnel(reportCtx(c), c.req.valid("json")), 200),
  );

  return app;
}
