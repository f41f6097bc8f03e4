import { evaluateEventRules, evaluateFeedbackRules } from "../core/case-rules/evaluate-rules.js";
import { releaseEventRules } from "../core/case-rules/schedule.js";
import type { Stores } from "../core/stores.js";
import type { OutboxHandler } from "./outbox-worker.js";

/**
 * `cases.rules.feedback` (docs/api/act.md, "Case rules"): evaluates the feedback rules against the
 * listed records after their enrichment. Idempotent: a record's signal is keyed by its id.
 */
export function caseRulesFeedbackHandler(stores: Stores): OutboxHandler {
  return async (row) => {
    const payload = row.payload as { ids?: unknown };
    if (!Array.isArray(payload?.ids) || payload.ids.some((id) => typeof id !== "string"))
      throw new Error("cases.rules.feedback payload must be { ids: string[] }");
    await evaluateFeedbackRules(stores, row.workspace_id, payload.ids as string[]);
  };
}

/**
 * `cases.rules.events`: one incremental run of the event, repeat-contact and stuck rules. The pending
 * claim is released first, so events stored while this runs enqueue the next run; a failure retries.
 */
export function caseRulesEventsHandler(stores: Stores): OutboxHandler {
  return async (row) => {
    await releaseEventRules(stores.sor.db, row.workspace_id);
    await evaluateEventRules(stores, row.workspace_id);
  };
}
