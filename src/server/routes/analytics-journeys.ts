import { createRoute, z } from "@hono/zod-openapi";
import { rebuildJourneyInstances } from "../../core/analytics/instances/refresh.js";
import { ZJourneyKpis, ZJourneyKpisRequest } from "../../core/analytics/journey-kpis.schema.js";
import { ZJourneyMeasures, ZJourneyMeasuresRequest } from "../../core/analytics/journey-measures.schema.js";
import { journeyKpis } from "../../core/analytics/reports/journey-kpis.js";
import { journeyMeasures } from "../../core/analytics/reports/journey-measures.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { reportCtx } from "./metrics.js";
import { WorkspaceParams } from "./shared.js";

const base = "/api/v1/workspaces/{workspaceId}/analytics";
const tags = ["analytics"];
const EXAMPLE = {
  journeyId: "0193a1c2-7d4e-7f00-8a00-000000000002",
  from: "2026-08-01T00:00:00Z",
  to: "2026-11-01T00:00:00Z",
};

const ZRefreshResult = z.object({
  journeys: z.number().int(),
  rebuilt: z.number().int(),
  units: z.number().int(),
  instances: z.number().int(),
  tookMs: z.number().int(),
});

/** Journeys measured from their instances: step measures, KPIs, rebuild (docs/api/journey-analytics.md §6). */
export function analyticsJourneyRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/journey-measures`,
      tags,
      summary:
        "Measured values per journey-map step: customers, conversion, waits, contacts, rating, sentiment",
      description:
        "From the journey instances started in `[from, to)`: per mapped step the instances and customers " +
        "reaching it, the share of the previous mapped step's instances that reached it, the median and p90 " +
        "wait before it, and the contacts while customers were at it; per step (mapped or not) the linked " +
        "feedback's rating on the 1–5 scale and its sentiment. A journey of another workspace answers 404.",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, ...jsonBody(ZJourneyMeasuresRequest, EXAMPLE) },
      responses: {
        200: { description: "The step measures", ...json(named(ZJourneyMeasures, "JourneyMeasures")) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await journeyMeasures(reportCtx(c), c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/journey-kpis`,
      tags,
      summary: "A journey's performance KPIs from its instances, against the map's targets",
      description:
        "Conversion, median time to complete, contacts per instance, first-contact resolution, repeat-contact " +
        "rate and drop-off rate of the instances started in `[from, to)`; a KPI of the journey map whose " +
        "`measure` names one gives its target. A journey of another workspace answers 404.",
      security,
      middleware: [requireWorkspace("read")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZJourneyKpisRequest, { ...EXAMPLE, repeatWithinDays: 7 }),
      },
      responses: {
        200: { description: "The KPIs", ...json(named(ZJourneyKpis, "JourneyKpis")) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await journeyKpis(reportCtx(c), c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/journey-instances/rebuild`,
      tags,
      summary: "Recompute every journey instance of the workspace from all its events",
      description:
        "Instances are kept up to date incrementally after each batch of events; a rebuild recomputes them " +
        "all (after a bulk correction, for example) and answers with what it did.",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: WorkspaceParams },
      responses: {
        200: {
          description: "What the rebuild did",
          ...json(named(ZRefreshResult, "JourneyInstancesRebuild")),
        },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await rebuildJourneyInstances(c.get("stores"), reportCtx(c).access.workspaceId), 200),
  );

  return app;
}
