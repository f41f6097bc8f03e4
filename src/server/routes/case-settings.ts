import { createRoute, z } from "@hono/zod-openapi";
import { readCaseSettings, updateCaseSettings } from "../../core/cases/case-settings.js";
import { ZCaseSettings, ZUpdateCaseSettings } from "../../core/cases/cases.schema.js";
import { ZCreateRoutingRule, ZRoutingRule } from "../../core/cases/routing.schema.js";
import { createRoutingRule, deleteRoutingRule, listRoutingRules } from "../../core/cases/routing-rules.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { ctx, WorkspaceParams } from "./shared.js";

const ws = "/api/v1/workspaces/{workspaceId}";
const tags = ["cases"];
const ZRule = named(ZRoutingRule, "CaseRoutingRule");
const ZSettings = named(ZCaseSettings, "CaseSettings");
const RuleParams = WorkspaceParams.extend({
  routingRuleId: z.string().openapi({ param: { name: "routingRuleId", in: "path" } }),
});

/** Case routing rules and case settings (docs/api/act.md §1, §3). */
export function caseSettingsRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: `${ws}/case-routing-rules`,
      tags,
      summary: "Case routing rules in the order they are tried",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams },
      responses: { 200: { description: "Rules", ...json(z.array(ZRule)) }, ...errorResponses },
    }),
    async (c) => c.json(await listRoutingRules(ctx(c)), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${ws}/case-routing-rules`,
      tags,
      summary:
        "Add a routing rule (channel, aspect, segment, touchpoint → member or team), tried before the touchpoint owner",
      security,
      middleware: [requireWorkspace("admin")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZCreateRoutingRule, {
          aspect: "billing",
          targetTeamId: "0193a1c2-7d4e-7f00-8a00-000000000003",
        }),
      },
      responses: { 201: { description: "Created", ...json(ZRule) }, ...errorResponses },
    }),
    async (c) => c.json(await createRoutingRule(ctx(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: `${ws}/case-routing-rules/{routingRuleId}`,
      tags,
      summary: "Delete a routing rule",
      security,
      middleware: [requireWorkspace("admin")],
      request: { params: RuleParams },
      responses: { 204: { description: "Deleted" }, ...errorResponses },
    }),
    async (c) => {
      await deleteRoutingRule(ctx(c), c.req.valid("param").routingRuleId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${ws}/case-settings`,
      tags,
      summary: "SLA minutes per priority, stale reassignment, follow-up survey trigger",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams },
      responses: { 200: { description: "Settings", ...json(ZSettings) }, ...errorResponses },
    }),
    async (c) => c.json(await readCaseSettings(ctx(c)), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: `${ws}/case-settings`,
      tags,
      summary: "Change case settings (SLA minutes apply to cases opened or re-prioritised later)",
      security,
      middleware: [requireWorkspace("admin")],
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZUpdateCaseSettings, { slaMinutes: { urgent: 120 }, staleMinutes: 240 }),
      },
      responses: { 200: { description: "Settings", ...json(ZSettings) }, ...errorResponses },
    }),
    async (c) => c.json(await updateCaseSettings(ctx(c), c.req.valid("json")), 200),
  );

  return app;
}
