import { createRoute, z } from "@hono/zod-openapi";
import { acknowledgeAlert } from "../../core/alerts/acknowledge-alert.js";
import { ZAlert, ZAlertListQuery } from "../../core/alerts/alerts.schema.js";
import { listAlerts } from "../../core/alerts/list-alerts.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, named, router, security } from "../openapi.js";
import { ctx, page, WorkspaceParams } from "./shared.js";

const base = "/api/v1/workspaces/{workspaceId}/alerts";
const tags = ["alerts"];
const ZAlertSchema = named(ZAlert, "Alert");
const AlertParams = WorkspaceParams.extend({
  alertId: z.string().openapi({ param: { name: "alertId", in: "path" } }),
});

/** Alerts for people (docs/api/understand.md §4): emerging topics now. */
export function alertRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags,
      summary: "Alerts of the workspace, newest first (cursor pages); filter by kind and acknowledged",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, query: ZAlertListQuery },
      responses: { 200: { description: "Page of alerts", ...json(page(ZAlertSchema)) }, ...errorResponses },
    }),
    async (c) => c.json(await listAlerts(ctx(c), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{alertId}/acknowledge`,
      tags,
      summary: "Mark an alert as seen (again: unchanged, the first acknowledgement stays)",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: AlertParams },
      responses: { 200: { description: "The alert", ...json(ZAlertSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await acknowledgeAlert(ctx(c), c.req.valid("param").alertId), 200),
  );

  return app;
}
