import { createRoute, z } from "@hono/zod-openapi";
import {
  ZAlertRule,
  ZAlertRuleListQuery,
  ZCheckResult,
  ZCreateAlertRule,
  ZRuleCheck,
  ZUpdateAlertRule,
} from "../../core/alert-rules/alert-rules.schema.js";
import { runRuleCheck } from "../../core/alert-rules/evaluate-rule.js";
import {
  createAlertRule,
  deleteAlertRule,
  getAlertRule,
  listAlertRules,
  listRuleAlerts,
  previewAlertRule,
  updateAlertRule,
} from "../../core/alert-rules/manage-alert-rules.js";
import { ZAlert } from "../../core/alerts/alerts.schema.js";
import { notFound } from "../../core/errors.js";
import { ZPageQuery } from "../../core/pagination.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { reportCtx } from "./metrics.js";
import { ctx, page, WorkspaceParams } from "./shared.js";

const base = "/api/v1/workspaces/{workspaceId}/alert-rules";
const tags = ["alerts"];
const ZRuleSchema = named(ZAlertRule, "AlertRule");
const ZCheckSchema = named(ZRuleCheck, "AlertRuleCheck");
const RuleParams = WorkspaceParams.extend({
  alertRuleId: z.string().openapi({ param: { name: "alertRuleId", in: "path" } }),
});

const npsExample: z.input<typeof ZCreateAlertRule> = {
  name: "NPS Umzug unter Ziel",
  kind: "threshold",
  kpiId: "0193a1c2-7d4e-7f00-8a00-000000000009",
  parameters: { operator: "below", value: 20, windowDays: 30, minN: 30 },
  severity: "warning",
  recipients: { roles: ["owner", "analyst"] },
  checkEvery: "daily",
};

const kindsDescription =
  "`kind` decides the parameters: `threshold` (`operator` above/below, `value`, current period of " +
  "`windowDays`), `change` (current against the previous period of `windowDays`: `mode` percent or " +
  "points, `amount`, `direction` worse — against the KPI's direction — or any), `anomaly` (z of the " +
  "latest complete week or month against the `periods` before it, sample sd; at least 3 with a value) " +
  "and `topic` (emerging-topic alerts for `aspects`, empty for any, with z ≥ `minZ`). Metric kinds " +
  "need `kpiId` (a KPI of this workspace, else 400 naming the field). Values on fewer than `minN` " +
  "answers count as no value and never fire. `recipients` ({userIds, teamIds, roles}) is copied into " +
  "each alert's details; empty means the default alert roles.";

/** Alert rules on KPIs and emerging topics (docs/api/act.md, "Alert rules"). */
export function alertRuleRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags,
      summary: "The workspace's alert rules with their state, in creation order (cursor pages)",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, query: ZAlertRuleListQuery },
      responses: { 200: { description: "Page of rules", ...json(page(ZRuleSchema)) }, ...errorResponses },
    }),
    async (c) => c.json(await listAlertRules(ctx(c), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: base,
      tags,
      summary: "Create an alert rule; its first check is scheduled at once",
      description: kindsDescription,
      security,
      middleware: [requireWorkspace("write")],
      request: { params: WorkspaceParams, ...jsonBody(ZCreateAlertRule, npsExample) },
      responses: { 201: { description: "Created", ...json(ZRuleSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await createAlertRule(ctx(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/preview`,
      tags,
      summary: "Dry run of an unsaved rule: what it would find now (value, n, status); stores nothing",
      description: kindsDescription,
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, ...jsonBody(ZCreateAlertRule, npsExample) },
      responses: { 200: { description: "The check", ...json(ZCheckSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await previewAlertRule(reportCtx(c), c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{alertRuleId}`,
      tags,
      summary: "One alert rule with its state and last check",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: RuleParams },
      responses: { 200: { description: "The rule", ...json(ZRuleSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await getAlertRule(ctx(c), c.req.valid("param").alertRuleId), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: `${base}/{alertRuleId}`,
      tags,
      summary: "Change an alert rule (its kind stays); starts a new schedule with a check at once",
      description:
        "New `parameters` are checked against the rule's kind and replace the old ones. A changed KPI " +
        "or parameters reset the state to ok, so a violation fires anew.",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: RuleParams, ...jsonBody(ZUpdateAlertRule, { enabled: false }) },
      responses: { 200: { description: "Updated", ...json(ZRuleSchema) }, ...errorResponses },
    }),
    async (c) =>
      c.json(await updateAlertRule(ctx(c), c.req.valid("param").alertRuleId, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: `${base}/{alertRuleId}`,
      tags,
      summary: "Delete an alert rule; the alerts it raised stay",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: RuleParams },
      responses: { 204: { description: "Deleted" }, ...errorResponses },
    }),
    async (c) => {
      await deleteAlertRule(ctx(c), c.req.valid("param").alertRuleId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{alertRuleId}/check`,
      tags,
      summary: "Check the rule now: records the result and raises an alert when it starts firing",
      description:
        "Same as a scheduled check (one alert per firing episode, none while it keeps firing) but leaves " +
        "the schedule alone. Works on a disabled rule too.",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: RuleParams },
      responses: {
        200: { description: "The check and the rule", ...json(named(ZCheckResult, "AlertRuleCheckResult")) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const id = c.req.valid("param").alertRuleId;
      const rc = reportCtx(c);
      const applied = await runRuleCheck(rc, id, new Date());
      // Null only when the rule was deleted meanwhile.
      if (!applied) throw notFound("Alert rule");
      return c.json({ rule: await getAlertRule(rc, id), ...applied }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{alertRuleId}/alerts`,
      tags,
      summary: "The alerts this rule raised, newest first (cursor pages)",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: RuleParams, query: ZPageQuery },
      responses: {
        200: { description: "Page of alerts", ...json(page(named(ZAlert, "Alert"))) },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await listRuleAlerts(ctx(c), c.req.valid("param").alertRuleId, c.req.valid("query")), 200),
  );

  return app;
}
