import type { ReportContext } from "../metrics/report-context.js";
import type { TCreateCaseRule, TDryRunResult } from "./case-rules.schema.js";
import { windowSignals } from "./event-signals.js";
import { feedbackSignals } from "./feedback-signals.js";
import { checkRuleReferences, findRuleRow, type LoadedRule, loadRule } from "./rule-row.js";
import { existingCases, type RuleSignal } from "./signals.js";
import { stuckSignals } from "./stuck-signals.js";

const MAX_MATCHES = 100;
const MAX_FEEDBACK = 5_000;

/**
 * Which signals of the last `days` days a rule would raise, creating nothing: feedback received,
 * events that happened (with the rule's window reaching back before them), and instances stuck now.
 * A signal some case already holds names it. Disabled rules are tested as if enabled.
 */
async function dryRun(ctx: ReportContext, rule: LoadedRule, days: number, now: Date): Promise<TDryRunResult> {
  const ws = ctx.access.workspaceId;
  const since = new Date(now.getTime() - days * 86_400_000);
  let signals: RuleSignal[];
  if (rule.kind === "feedback")
    signals = await feedbackSignals(ctx.db, ws, [rule], { since, limit: MAX_FEEDBACK });
  else if (rule.kind === "stuck") signals = await stuckSignals(ctx.db, ctx.facts, ws, [rule], now);
  else signals = await windowSignals(ctx.db, ctx.facts, ws, [rule], { timeFrom: since });
  signals.sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime());
  const shown = signals.slice(0, MAX_MATCHES);
  const cases = await existingCases(ctx.db, ws, shown);
  return {
    ruleId: rule.id === "" ? null : rule.id,
    days,
    truncated: signals.length > MAX_MATCHES,
    matches: shown.map((s) => ({
      ref: s.ref,
      kind: s.kind,
      customerId: s.customerId,
      journeyId: s.journeyId,
      instanceKey: s.instanceKey,
      summary: s.summary,
      occurredAt: s.occurredAt.toISOString(),
      existingCaseId: cases.get(`${s.kind}\n${s.ref}`) ?? null,
    })),
  };
}

/** Tests a stored rule (of this workspace, else 404). */
export async function dryRunCaseRule(ctx: ReportContext, id: string, days: number, now = new Date()) {
  const row = await findRuleRow(ctx.db, ctx.access.workspaceId, id);
  const rule = loadRule(row);
  if (!rule) throw new Error(`case rule ${id} has an unreadable condition`);
  return dryRun(ctx, rule, days, now);
}

/** Tests a rule before saving it: the same checks as creating it, then the dry run. */
export async function dryRunDraftRule(
  ctx: ReportContext,
  input: TCreateCaseRule,
  days: number,
  now = new Date(),
) {
  await checkRuleReferences(ctx.db, ctx.access.workspaceId, input);
  const at = new Date(now);
  const rule = loadRule({
    id: "",
    workspace_id: ctx.access.workspaceId,
    name: input.name,
    kind: input.kind,
    condition: input.condition,
    enabled: true,
    priority: input.priority,
    touchpoint_id: input.touchpointId,
    journey_id: input.journeyId,
    created_by: null,
    created_at: at,
    updated_at: at,
  });
  if (!rule) throw new Error("the draft rule's condition did not parse");
  return dryRun(ctx, rule, days, now);
}
