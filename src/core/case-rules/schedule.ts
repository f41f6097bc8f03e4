import { sql } from "kysely";
import type { Db } from "../db/connect.js";
import { enqueue } from "../outbox/enqueue.js";

export const CASE_RULES_FEEDBACK_TOPIC = "cases.rules.feedback";
export const CASE_RULES_EVENTS_TOPIC = "cases.rules.events";
/** New events wait this long (after the journey-instance refresh's 10 s), so a busy stream pays one run per interval. */
export const EVENT_RULES_DELAY_MS = 15_000;
/** While stuck rules exist, they are checked this often even without new events: time alone makes an instance stuck. */
export const STUCK_CHECK_INTERVAL_MS = 3_600_000;

/**
 * Queues the evaluation of feedback rules for records just enriched; nothing when the workspace has
 * no enabled feedback rule. At-least-once is fine: a record raises one signal, however often evaluated.
 */
export async function enqueueFeedbackRules(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  const rule = await db
    .selectFrom("case_rules")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("kind", "=", "feedback")
    .where("enabled", "=", true)
    .limit(1)
    .executeTakeFirst();
  if (!rule) return;
  await enqueue(db, { workspaceId, topic: CASE_RULES_FEEDBACK_TOPIC, payload: { ids } });
}

/**
 * Queues the workspace's evaluation of event, repeat-contact and stuck rules (`cases.rules.events`)
 * due in `delayMs`, unless one is pending: the claim on `case_rule_state.enqueued_at` is one guarded
 * upsert, so concurrent callers enqueue one message; a pending message due later (the hourly stuck
 * check) is brought forward instead. Nothing when the workspace has no such enabled rule.
 */
export async function maybeEnqueueEventRules(
  db: Db,
  workspaceId: string,
  now = new Date(),
  delayMs = EVENT_RULES_DELAY_MS,
): Promise<boolean> {
  const rule = await db
    .selectFrom("case_rules")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("kind", "in", ["event", "repeat_contacts", "stuck"])
    .where("enabled", "=", true)
    .limit(1)
    .executeTakeFirst();
  if (!rule) return false;
  const due = new Date(now.getTime() + delayMs);
  return db.transaction().execute(async (tx) => {
    const claimed = await tx
      .insertInto("case_rule_state")
      .values({ workspace_id: workspaceId, enqueued_at: now })
      .onConflict((oc) =>
        oc
          .column("workspace_id")
          .doUpdateSet({ enqueued_at: now })
          .where("case_rule_state.enqueued_at", "is", null),
      )
      .returning(sql<number>`1`.as("claimed"))
      .executeTakeFirst();
    if (!claimed) {
      const state = await tx
        .selectFrom("case_rule_state")
        .select("pending_message_id")
        .where("workspace_id", "=", workspaceId)
        .executeTakeFirst();
      if (state?.pending_message_id)
        await tx
          .updateTable("outbox")
          .set({ available_at: sql<Date>`least(available_at, ${due})` })
          .where("id", "=", state.pending_message_id)
          .where("status", "=", "pending")
          .execute();
      return false;
    }
    const id = await enqueue(tx, {
      workspaceId,
      topic: CASE_RULES_EVENTS_TOPIC,
      payload: {},
      availableAt: due,
    });
    await tx
      .updateTable("case_rule_state")
      .set({ pending_message_id: id })
      .where("workspace_id", "=", workspaceId)
      .execute();
    return true;
  });
}

/** Releases the claim, so the next event batch (or the stuck check) enqueues the next run. */
export async function releaseEventRules(db: Db, workspaceId: string): Promise<void> {
  await db
    .updateTable("case_rule_state")
    .set({ enqueued_at: null, pending_message_id: null })
    .where("workspace_id", "=", workspaceId)
    .execute();
}
