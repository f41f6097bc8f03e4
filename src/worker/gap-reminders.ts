import { raiseAlerts } from "../core/alerts/raise-alerts.js";
import type { AppConfig } from "../core/config.js";
import { type ReminderPayload, renderReminderEmail } from "../core/gap/remind-round.js";
import type { Stores } from "../core/stores.js";
import { postWebhook, WebhookError } from "../core/webhooks/post-webhook.js";
import { webhookHeaders } from "../core/webhooks/sign.js";
import type { OutboxHandler } from "./outbox-worker.js";

/**
 * Delivers one assessment reminder: an e-mail through the round's mail relay (signed like survey
 * invitations, the reminder id as `webhook-id`), else an in-app alert of kind `assessment_reminder`
 * (deduplicated by the reminder id). A relay failure marks it failed and throws, so the outbox retries.
 */
export function gapReminderHandler(stores: Stores, config: AppConfig): OutboxHandler {
  return async (message) => {
    const { db } = stores.sor;
    const workspaceId = message.workspace_id;
    const { reminderId } = message.payload as ReminderPayload;
    const reminder = await db
      .selectFrom("assessment_reminders as m")
      .innerJoin("assessment_rounds as r", "r.id", "m.round_id")
      .leftJoin("users as u", "u.id", "m.user_id")
      .select([
        "m.id",
        "m.status",
        "m.channel",
        "m.open_count",
        "m.user_id",
        "r.id as round_id",
        "r.title",
        "r.due_at",
        "r.reminder_relay",
        "u.name",
        "u.email",
        "u.locale",
      ])
      .where("m.workspace_id", "=", workspaceId)
      .where("m.id", "=", reminderId)
      .executeTakeFirst();
    if (!reminder || reminder.status === "sent") return;
    const mark = (status: "sent" | "failed", error: string | null) =>
      db
        .updateTable("assessment_reminders")
        .set({ status, error, ...(status === "sent" && { sent_at: new Date() }) })
        .where("id", "=", reminder.id)
        .execute();
    if (!reminder.email) return void (await mark("failed", "the owner no longer exists"));
    const dueAt = reminder.due_at ? new Date(reminder.due_at) : null;
    const relay = reminder.reminder_relay as { url: string; secret: string } | null;
    if (reminder.channel === "email" && relay) {
      const body = JSON.stringify({
        to: reminder.email,
        ...renderReminderEmail({
          language: reminder.locale ?? "de",
          name: reminder.name ?? "",
          roundTitle: reminder.title,
          open: reminder.open_count,
          dueAt,
          url: `${config.publicUrl.replace(/\/$/, "")}/gap/assessments`,
        }),
      });
      try {
        await postWebhook({
          url: relay.url,
          body,
          headers: { ...webhookHeaders(relay.secret, reminder.id, body) },
          allowPrivateAddresses: config.webhooks.allowPrivateAddresses,
          timeoutMs: config.webhooks.timeoutMs,
        });
      } catch (e) {
        await mark("failed", e instanceof Error ? e.message : String(e));
        if (e instanceof WebhookError && !e.retryable) return;
        throw e;
      }
    } else {
      await raiseAlerts(db, workspaceId, [
        {
          kind: "assessment_reminder",
          dedupeKey: `assessment_reminder:${reminder.id}`,
          severity: "info",
          title: `${reminder.name ?? reminder.email}: ${reminder.open_count} open assessment(s) in "${reminder.title}"`,
          details: {
            roundId: reminder.round_id,
            roundTitle: reminder.title,
            userId: reminder.user_id,
            userName: reminder.name,
            open: reminder.open_count,
            dueAt: dueAt?.toISOString() ?? null,
          },
        },
      ]);
    }
    await mark("sent", null);
  };
}
