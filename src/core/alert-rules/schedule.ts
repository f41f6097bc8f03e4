import type { Db } from "../db/connect.js";
import { enqueue } from "../outbox/enqueue.js";

export const ALERT_RULES_TOPIC = "alerts.rules";

export interface RuleCheckPayload {
  ruleId: string;
  /** The rule's schedule version when this check was scheduled; a change of the rule supersedes it. */
  version: number;
  /** The check this message was scheduled for (the rule's `next_check_at`). */
  checkAt: string;
}

const INTERVAL_MS = { hourly: 3_600_000, daily: 86_400_000 } as const;

export const nextCheckAfter = (now: Date, every: "hourly" | "daily"): Date =>
  new Date(now.getTime() + INTERVAL_MS[every]);

/**
 * Records the rule's next check and enqueues it (in the caller's transaction); a message whose
 * version or time no longer matches the rule is a no-op when it comes due. `at` null: no more checks.
 */
export async function scheduleRuleCheck(
  db: Db,
  workspaceId: string,
  ruleId: string,
  version: number,
  at: Date | null,
): Promise<void> {
  await db
    .updateTable("alert_rules")
    .set({ next_check_at: at })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", ruleId)
    .execute();
  if (!at) return;
  const payload: RuleCheckPayload = { ruleId, version, checkAt: at.toISOString() };
  await enqueue(db, { workspaceId, topic: ALERT_RULES_TOPIC, payload, availableAt: at });
}
