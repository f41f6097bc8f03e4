import { createRoute } from "@hono/zod-openapi";
import { slowestHandovers, waitingTimes } from "../../core/analytics/reports/waiting-times.js";
import {
  ZSlowestHandovers,
  ZSlowestHandoversRequest,
  ZWaitingTimes,
  ZWaitingTimesRequest,
} from "../../core/analytics/waiting-times.schema.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { reportCtx } from "./metrics.js";
import { WorkspaceParams } from "./shared.js";

const base = "/api/v1/workspaces/{workspaceId}/analytics";
const tags = ["analytics"];

/** Journey analytics: waiting times and slowest hand-overs (docs/api/journey-analytics.md §4). */
export function analyticsWaitingRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/waiting-times`,
      tags,
      summary:
        "Waiting times from one step to the next: n, median, p90, mean, share over target, histogram, weeks",
      description:
        "Per unit (customer) and `fromStep` event, the wait to the unit's first `toStep` event after it " +
        "within `window` (an event exactly at the window's end counts); a `fromStep` event followed by " +
        "another before any `toStep` event starts over at the later one. Waits start in `[from, to)`. " +
        "Quantiles interpolate at (n−1)·q (quantileExactInclusive). Weeks start on Monday in `timezone`.",
      security,
      middleware: [requireWorkspace("read")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZWaitingTimesRequest, {
          from: "2026-10-01T00:00:00Z",
          to: "2026-11-01T00:00:00Z",
          timezone: "Europe/Berlin",
          fromStep: { event: "Ticket Opened" },
          toStep: { event: "Ticket Resolved", where: "properties.solved = true" },
          window: { value: 14, unit: "days" },
          targetSeconds: 86400,
        }),
      },
      responses: {
        200: { description: "The waiting times", ...json(named(ZWaitingTimes, "WaitingTimes")) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await waitingTimes(reportCtx(c), c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/slowest-handovers`,
      tags,
      summary: "A journey's hand-overs between consecutive mapped steps, slowest p90 first",
      description:
        "Mapped steps are steps whose touchpoint has event matchers; steps without are skipped. Each pair " +
        "of consecutive mapped steps gets the waiting-time summary (n, median, p90) of the waiting-times " +
        "report. A journey of another workspace answers 404.",
      security,
      middleware: [requireWorkspace("read")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZSlowestHandoversRequest, {
          journeyId: "0193a1c2-7d4e-7f00-8a00-000000000002",
          window: { value: 30, unit: "days" },
        }),
      },
      responses: {
        200: { description: "The hand-overs", ...json(named(ZSlowestHandovers, "SlowestHandovers")) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await slowestHandovers(reportCtx(c), c.req.valid("json")), 200),
  );

  return app;
}
