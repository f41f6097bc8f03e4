import { openOrAttachCase } from "../cases/open-or-attach.js";
import type { Db } from "../db/connect.js";
import type { TCaseRuleKind } from "./case-rules.schema.js";
import type { LoadedRule } from "./rule-row.js";

/** One signal a rule raised: what `openOrAttachCase` needs, with the rule that matched. */
export interface RuleSignal {
  rule: LoadedRule;
  kind: TCaseRuleKind;
  /** Unique per kind: re-evaluating the same data yields the same ref, so a case never doubles. */
  ref: string;
  customerId: string | null;
  journeyId: string | null;
  instanceKey: string | null;
  touchpointId: string | null;
  channel: string | null;
  aspect: string | null;
  summary: string;
  occurredAt: Date;
}

export interface RaiseCounts {
  signals: number;
  created: number;
  attached: number;
}

/**
 * Hands each signal to the cases: a new case, or an attachment to the customer's open case of the
 * same journey instance. One transaction per signal; a signal seen before changes nothing.
 */
export async function raiseSignals(db: Db, workspaceId: string, signals: readonly RuleSignal[]) {
  const counts: RaiseCounts = { signals: signals.length, created: 0, attached: 0 };
  for (const s of signals) {
    const result = await db.transaction().execute((tx) =>
      openOrAttachCase(tx, {
        workspaceId,
        customerId: s.customerId,
        journeyId: s.journeyId,
        instanceKey: s.instanceKey,
        touchpointId: s.touchpointId,
        channel: s.channel,
        aspect: s.aspect,
        signal: { kind: s.kind, ref: s.ref, summary: s.summary, occurredAt: s.occurredAt, ruleId: s.rule.id },
        priority: s.rule.priority,
        title: s.rule.name,
      }),
    );
    if (result.created) counts.created++;
    else counts.attached++;
  }
  return counts;
}

/** The case already holding each signal (by kind and ref), for the dry run. */
export async function existingCases(
  db: Db,
  workspaceId: string,
  signals: readonly RuleSignal[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const refs = [...new Set(signals.map((s) => s.ref))];
  for (let i = 0; i < refs.length; i += 500) {
    const rows = await db
      .selectFrom("case_signals")
      .select(["kind", "ref", "case_id"])
      .where("workspace_id", "=", workspaceId)
      .where("ref", "in", refs.slice(i, i + 500))
      .execute();
    for (const r of rows) found.set(`${r.kind}\n${r.ref}`, r.case_id);
  }
  return found;
}
