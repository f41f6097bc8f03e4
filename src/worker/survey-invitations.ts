import type { AppConfig } from "../core/config.js";
import type { Db } from "../core/db/connect.js";
import type { InvitationStatus } from "../core/db/schema.js";
import { mailOptions } from "../core/notifications/deliver-mail.js";
import { MailError, sendMail } from "../core/notifications/send-mail.js";
import type { Stores } from "../core/stores.js";
import { linkUrl } from "../core/surveys/create-link.js";
import type { InvitationPayload } from "../core/surveys/evaluate-triggers.js";
import { renderInvitationEmail } from "../core/surveys/invitation-message.js";
import type { TSurveyDefinition } from "../core/surveys/surveys.schema.js";
import type { StoredTarget } from "../core/surveys/trigger-row.js";
import { postWebhook, WebhookError } from "../core/webhooks/post-webhook.js";
import { webhookHeaders } from "../core/webhooks/sign.js";
import type { OutboxHandler } from "./outbox-worker.js";

async function mark(db: Db, id: string, status: InvitationStatus, error: string | null): Promise<void> {
  await db
    .updateTable("survey_invitations")
    .set({ status, error, ...(status === "sent" && { sent_at: new Date() }) })
    .where("id", "=", id)
    .execute();
}

/**
 * Delivers a scheduled invitation to its trigger's webhook or mail relay (signed per Standard
 * Webhooks with the invitation id as `webhook-id`, so receivers dedupe retries by it), or, for an
 * e-mail trigger without a relay URL, through the workspace's SMTP server. A failure marks
 * the invitation failed and throws, so the outbox retries with backoff and parks it in the end;
 * a refused address is final.
 */
export function surveyInvitationHandler(stores: Stores, config: AppConfig): OutboxHandler {
  return async (message) => {
    const { db } = stores.sor;
    const payload = message.payload as InvitationPayload;
    const invitation = await db
      .selectFrom("survey_invitations")
      .selectAll()
      .where("workspace_id", "=", message.workspace_id)
      .where("id", "=", payload.invitationId)
      .executeTakeFirst();
    // Gone with its survey, or delivered by an earlier attempt whose completion was lost.
    if (!invitation || invitation.status === "sent") return;
    const trigger = invitation.trigger_id
      ? await db
          .selectFrom("survey_triggers")
          .selectAll()
          .where("workspace_id", "=", message.workspace_id)
          .where("id", "=", invitation.trigger_id)
          .executeTakeFirst()
      : undefined;
    const survey = await db
      .selectFrom("surveys")
      .select(["id", "name", "status", "default_language", "definition"])
      .where("workspace_id", "=", message.workspace_id)
      .where("id", "=", invitation.survey_id)
      .executeTakeFirstOrThrow();
    if (!trigger) return mark(db, invitation.id, "failed", "the trigger was deleted before delivery");
    if (survey.status !== "active")
      return mark(db, invitation.id, "failed", "the survey is no longer active");

    const target = trigger.target as unknown as StoredTarget;
    const url = linkUrl(config.publicUrl, survey.id, payload.token);
    const language = survey.default_language;
    if (trigger.channel === "email" && target.url === undefined) {
      // No relay: the workspace's SMTP server sends it; the invitation id is the Message-ID's root.
      if (!payload.email) return mark(db, invitation.id, "failed", "the invitation has no e-mail address");
      const mail = renderInvitationEmail({
        language,
        definition: survey.definition as TSurveyDefinition,
        url,
        subject: target.subject,
      });
      try {
        await sendMail(db, message.workspace_id, mailOptions(config), {
          ...mail,
          to: payload.email,
          messageId: `<invitation.${invitation.id}@journeylens>`,
        });
      } catch (e) {
        await mark(db, invitation.id, "failed", e instanceof Error ? e.message : String(e));
        if (e instanceof MailError && !e.retryable) return;
        throw e;
      }
      return mark(db, invitation.id, "sent", null);
    }
    const body = JSON.stringify(
      trigger.channel === "email"
        ? {
            to: payload.email,
            ...renderInvitationEmail({
              language,
              definition: survey.definition as TSurveyDefinition,
              url,
              subject: target.subject,
            }),
          }
        : {
            type: "survey.invitation",
            invitation: {
              id: invitation.id,
              triggerId: trigger.id,
              eventId: invitation.event_id,
              eventName: invitation.event_name,
              scheduledFor: invitation.scheduled_for && new Date(invitation.scheduled_for).toISOString(),
            },
            survey: { id: survey.id, name: survey.name },
            customerId: invitation.customer_id,
            link: url,
            language,
          },
    );
    try {
      await postWebhook({
        url: target.url as string,
        body,
        headers: { ...webhookHeaders(target.secret, invitation.id, body) },
        allowPrivateAddresses: config.webhooks.allowPrivateAddresses,
        timeoutMs: config.webhooks.timeoutMs,
      });
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      await mark(db, invitation.id, "failed", error);
      if (e instanceof WebhookError && !e.retryable) return;
      throw e;
    }
    await mark(db, invitation.id, "sent", null);
  };
}
