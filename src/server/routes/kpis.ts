import { createRoute, z } from "@hono/zod-openapi";
import { createKpi } from "../../core/kpis/create-kpi.js";
import { deleteKpi } from "../../core/kpis/delete-kpi.js";
import { kpiCsv } from "../../core/kpis/kpi-csv.js";
import { getKpi } from "../../core/kpis/kpi-row.js";
import { kpiValues } from "../../core/kpis/kpi-values.js";
import {
  ZCreateKpi,
  ZKpi,
  ZKpiValuesRequest,
  ZKpiValuesResult,
  ZUpdateKpi,
} from "../../core/kpis/kpis.schema.js";
import { listKpis } from "../../core/kpis/list-kpis.js";
import { updateKpi } from "../../core/kpis/update-kpi.js";
import { requireWorkspace } from "../middleware/auth.js";
import { conflictResponse, errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { reportCtx } from "./metrics.js";
import { ctx, WorkspaceParams } from "./shared.js";

const base = "/api/v1/workspaces/{workspaceId}/kpis";
const tags = ["kpis"];
const KpiParams = WorkspaceParams.extend({
  kpiId: z.string().openapi({ param: { name: "kpiId", in: "path" } }),
});
const ZKpiSchema = named(ZKpi, "Kpi");

const valuesDescription =
  "Each KPI's value over the current period (`days` before `to`, default 90 days before now) with n and " +
  "its 95 % interval (Wilson for shares, ±1.96·SE for NPS, normal for means; none for medians and " +
  "contacts per instance), the previous period of the same length, the change and trend in the KPI's " +
  "direction, whether it meets its target, and a series of `periods` calendar weeks or months (UTC) " +
  "ending at `to`. Performance KPIs count the journey instances started in a period; brand KPIs the " +
  "counted feedback received in it. See docs/api/measure-the-gap.md §3.";

const kpiExample: z.input<typeof ZCreateKpi> = {
  key: "umzug-nps",
  kind: "brand",
  name: "NPS Umzugskunden",
  definition: "Weiterempfehlung nach dem Umzug",
  measure: { type: "metric", metric: "nps" },
  journeyId: "0193a1c2-7d4e-7f00-8a00-000000000002",
  unit: "NPS",
  direction: "higher",
  target: 20,
};

/** The workspace's KPI catalogue with measured values (docs/api/measure-the-gap.md §3). */
export function kpiRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags,
      summary: "The KPI catalogue: performance KPIs, then brand KPIs",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams },
      responses: {
        200: { description: "KPIs", ...json(z.object({ items: z.array(ZKpiSchema) })) },
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: await listKpis(ctx(c)) }, 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: base,
      tags,
      summary: "Add a KPI: what it measures, its target, direction and owner",
      description:
        "`measure`: `{type: journey, measure}` from the scoped journey's instances (needs `journeyId`), " +
        "`{type: metric, metric}` (NPS, CSAT, CES … of the feedback, of the journey when scoped), or " +
        "`{type: question, surveyId, questionId, figure}` (a brand-tracking item). The key is unique per " +
        "workspace (409). A journey of another workspace answers 404; an owner must be a member.",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: WorkspaceParams, ...jsonBody(ZCreateKpi, kpiExample) },
      responses: {
        201: { description: "The KPI", ...json(ZKpiSchema) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => c.json(await createKpi(ctx(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{kpiId}`,
      tags,
      summary: "One KPI",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: KpiParams },
      responses: { 200: { description: "The KPI", ...json(ZKpiSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await getKpi(ctx(c), c.req.valid("param").kpiId), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: `${base}/{kpiId}`,
      tags,
      summary: "Change a KPI's name, definition, unit, direction, target or owner",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: KpiParams, ...jsonBody(ZUpdateKpi, { target: 25 }) },
      responses: { 200: { description: "The KPI", ...json(ZKpiSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await updateKpi(ctx(c), c.req.valid("param").kpiId, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: `${base}/{kpiId}`,
      tags,
      summary: "Remove a KPI from the catalogue",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: KpiParams },
      responses: { 204: { description: "Deleted" }, ...errorResponses },
    }),
    async (c) => {
      await deleteKpi(ctx(c), c.req.valid("param").kpiId);
      return c.body(null, 204);
    },
  );

  const valuesBody = jsonBody(ZKpiValuesRequest, { days: 90, granularity: "month", periods: 6 });

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/values`,
      tags,
      summary: "Every KPI's current value with n, interval, trend and a series, against its target",
      description: valuesDescription,
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, ...valuesBody },
      responses: {
        200: { description: "The values", ...json(named(ZKpiValuesResult, "KpiValues")) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await kpiValues(reportCtx(c), c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/values/export`,
      tags,
      summary: "The same KPI values as CSV",
      description: `${valuesDescription} Columns: key,kind,name,journey_id,unit,direction,target,owner,value,n,…`,
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, ...valuesBody },
      responses: {
        200: {
          description: "The CSV file, as an attachment",
          content: { "text/csv": { schema: { type: "string" } } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const result = await kpiValues(reportCtx(c), body);
      const file = kpiCsv(result.items, body.to ?? new Date().toISOString());
      return c.body(file.body, 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
      });
    },
  );

  return app;
}
