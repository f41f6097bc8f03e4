import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { metricsCsv } from "../../core/metrics/export-metrics.js";
import { getMetrics } from "../../core/metrics/get-metrics.js";
import { ZMetricsExportQuery, ZMetricsQuery, ZMetricsResult } from "../../core/metrics/metrics.schema.js";
import type { ReportContext } from "../../core/metrics/report-context.js";
import type { AppEnv } from "../env.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, named, router, security } from "../openapi.js";
import { ctx, WorkspaceParams } from "./shared.js";

const base = "/api/v1/workspaces/{workspaceId}/metrics";

export const reportCtx = (c: Context<AppEnv>): ReportContext => ({ ...ctx(c), facts: c.get("stores").facts });

const description =
  "Only finished, unflagged, undeleted feedback counts. `groupBy=trait` needs `trait=<name>` (a customer " +
  "trait). `from`/`to` take an ISO date (the whole day in `tz`) or date-time; `from` inclusive, `to` " +
  "exclusive for date-times and inclusive for dates. Percentages have one decimal, means two.";

/** Exact metrics (docs/api/listen.md §4): JSON for the API and UI, CSV with the same numbers. */
export function metricsRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags: ["metrics"],
      summary: "One metric (NPS, CSAT, mean satisfaction, CES), overall and per group, with n and interval",
      description,
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, query: ZMetricsQuery },
      responses: {
        200: { description: "The metric", ...json(named(ZMetricsResult, "MetricsResult")) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await getMetrics(reportCtx(c), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/export`,
      tags: ["metrics"],
      summary: "The same metric as CSV: group,label,n,value,interval_low,interval_high,warning,definition",
      description: `${description} The first row is the overall figure (group \`(all)\`).`,
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, query: ZMetricsExportQuery },
      responses: {
        200: {
          description: "The CSV file, as an attachment",
          content: { "text/csv": { schema: { type: "string" } } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { format: _csv, ...query } = c.req.valid("query");
      const file = metricsCsv(await getMetrics(reportCtx(c), query));
      return c.body(file.body, 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
      });
    },
  );

  return app;
}
