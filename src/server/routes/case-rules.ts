import { createRoute, z } from "@hono/zod-openapi";
import {
  ZCaseRule,
  ZCaseRuleListQuery,
  ZCreateCaseRule,
  ZDryRunQuery,
  ZDryRunResult,
  ZUpdateCaseRule,
} from "../../core/case-rules/case-rules.schema.js";
import { createCaseRule } from "../../core/case-rules/create-case-rule.js";
import { deleteCaseRule } from "../../core/case-rules/delete-case-rule.js";
import { dryRunCaseRule, dryRunDraftRule } from "../../core/case-rules/dry-run.js";
import { listCaseRules } from "../../core/case-rules/list-case-rules.js";
import { findRuleRow, toCaseRule } from "../../core/case-rules/rule-row.js";
import { updateCaseRule } from "../../core/case-rules/update-case-rule.js";
import { requireWorkspace } from "../middleware/auth.js";
import { errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { reportCtx } from "./metrics.js";
import { ctx, page, WorkspaceParams } from "./shared.js";

const base = "/api/v1/workspaces/{workspaceId}/case-rules";
const tags = ["cases"];
const ZRuleSchema = named(ZCaseRule, "CaseRule");
const ZDryRunSchema = named(ZDryRunResult, "CaseRuleDryRun");
const RuleParams = WorkspaceParams.extend({
  ruleId: z.string().openapi({ param: { name: "ruleId", in: "path" } }),
});

const detractorExample = {
  name: "Detraktor nach Lieferung",
  kind: "feedback" as const,
  condition: { match: { type: "rating" as const, metric: "nps" as const, op: "<=" as const, value: 6 } },
  priority: "high" as const,
};

/** Rules that open cases from feedback, events, repeat contacts and stuck journeys (docs/api/act.md). */
export function caseRuleRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags,
      summary: "The workspace's case rules in creation order (cursor pages); filter by kind",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: WorkspaceParams, query: ZCaseRuleListQuery },
      responses: { 200: { description: "Page of rules", ...json(page(ZRuleSchema)) }, ...errorResponses },
    }),
    async (c) => c.json(await listCaseRules(ctx(c), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: base,
      tags,
      summary: "Create a case rule; it applies to signals arriving from now on",
      description:
        "`kind` decides the condition's shape: `feedback` (a rating, sentiment or keyword match), `event` " +
        "(`count` events within `withinDays`, with property conditions), `repeat_contacts` or `stuck` " +
        "(needs `journeyId`). Property conditions name a field (`properties.<key>`, `context.<key>`, " +
        "`customer.traits.<key>`) and an operator from a fixed list.",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: WorkspaceParams, ...jsonBody(ZCreateCaseRule, detractorExample) },
      responses: { 201: { description: "Created", ...json(ZRuleSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await createCaseRule(ctx(c), c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/test`,
      tags,
      summary:
        "Dry run of an unsaved rule: the signals of the last `days` days it would raise (creates nothing)",
      security,
      middleware: [requireWorkspace("read")],
      request: {
        params: WorkspaceParams,
        query: ZDryRunQuery,
        ...jsonBody(ZCreateCaseRule, detractorExample),
      },
      responses: { 200: { description: "Would-be signals", ...json(ZDryRunSchema) }, ...errorResponses },
    }),
    async (c) =>
      c.json(await dryRunDraftRule(reportCtx(c), c.req.valid("json"), c.req.valid("query").days), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{ruleId}`,
      tags,
      summary: "One case rule",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: RuleParams },
      responses: { 200: { description: "The rule", ...json(ZRuleSchema) }, ...errorResponses },
    }),
    async (c) => {
      const { db, access } = ctx(c);
      return c.json(toCaseRule(await findRuleRow(db, access.workspaceId, c.req.valid("param").ruleId)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: `${base}/{ruleId}`,
      tags,
      summary: "Change a case rule (its kind stays; a new condition is checked against it)",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: RuleParams, ...jsonBody(ZUpdateCaseRule, { enabled: false }) },
      responses: { 200: { description: "Updated", ...json(ZRuleSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await updateCaseRule(ctx(c), c.req.valid("param").ruleId, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: `${base}/{ruleId}`,
      tags,
      summary: "Delete a case rule; the cases it opened stay",
      security,
      middleware: [requireWorkspace("write")],
      request: { params: RuleParams },
      responses: { 204: { description: "Deleted" }, ...errorResponses },
    }),
    async (c) => {
      await deleteCaseRule(ctx(c), c.req.valid("param").ruleId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{ruleId}/test`,
      tags,
      summary:
        "Dry run of a stored rule: the signals of the last `days` days it would raise (creates nothing)",
      security,
      middleware: [requireWorkspace("read")],
      request: { params: RuleParams, query: ZDryRunQuery },
      responses: { 200: { description: "Would-be signals", ...json(ZDryRunSchema) }, ...errorResponses },
    }),
    async (c) =>
      c.json(await dryRunCaseRule(reportCtx(c), c.req.valid("param").ruleId, c.req.valid("query").days), 200),
  );

  return app;
}
