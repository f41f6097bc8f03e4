import { runRuleCheck } from "../core/alert-rules/evaluate-rule.js";
import type { RuleCheckPayload } from "../core/alert-rules/schedule.js";
import type { ReportContext } from "../core/metrics/report-context.js";
import type { Stores } from "../core/stores.js";
import type { OutboxHandler } from "./outbox-worker.js";

/** The context a scheduled check reads the workspace's KPIs with: the system actor, read only. */
export function systemReportContext(stores: Stores, workspaceId: string): ReportContext {
  return {
    db: stores.sor.db,
    facts: stores.facts,
    access: { workspaceId, actor: { kind: "system" }, scopes: ["read"], role: undefined },
  };
}

/**
 * `alerts.rules` (docs/api/act.md, "Alert rules"): one scheduled check of an alert rule, which
 * schedules the next one. A message of an older schedule version (the rule changed, was disabled or
 * deleted) or one already handled does nothing. `clock` lets tests run it at a fake time.
 */
export function alertRulesHandler(stores: Stores, clock: () => Date = () => new Date()): OutboxHandler {
  return async (message) => {
    const payload = message.payload as RuleCheckPayload;
    await runRuleCheck(systemReportContext(stores, message.workspace_id), payload.ruleId, clock(), {
      version: payload.version,
      checkAt: payload.checkAt,
    });
  };
}
