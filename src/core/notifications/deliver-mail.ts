import type { AppConfig } from "../config.js";
import type { Db } from "../db/connect.js";
import { asLocale, renderDigestMail, renderNotificationMail } from "./mail-render.js";
import type { MailPayload } from "./notify.js";
import { type MailSendOptions, sendMail } from "./send-mail.js";

export interface DeliverMailOptions extends MailSendOptions {
  /** The app's public base URL: the only place e-mails link to. */
  baseUrl: string;
}

export const mailOptions = (config: AppConfig): DeliverMailOptions => ({
  mail: config.mail,
  allowPrivateAddresses: config.webhooks.allowPrivateAddresses,
  baseUrl: config.publicUrl,
});

/**
 * `mail.send`: renders one e-mail in the recipient's language and sends it. An SMTP failure throws,
 * so the outbox retries it with backoff (and parks it, visible to admins, after its last attempt).
 * The outbox message id is the e-mail's Message-ID, so a receiver can spot a repeat after a crash.
 * A recipient who left the workspace, or a notification that no longer exists, gets nothing.
 */
export async function deliverMail(
  db: Db,
  workspaceId: string,
  messageId: string,
  payload: MailPayload,
  options: DeliverMailOptions,
): Promise<"sent" | "skipped"> {
  const userId =
    payload.type === "digest"
      ? payload.userId
      : (
          await db
            .selectFrom("notifications")
            .select("user_id")
            .where("workspace_id", "=", workspaceId)
            .where("id", "=", payload.notificationId)
            .executeTakeFirst()
        )?.user_id;
  if (!userId) return "skipped";
  const user = await db
    .selectFrom("users")
    .innerJoin("memberships", "memberships.user_id", "users.id")
    .select(["users.email", "users.name", "users.locale"])
    .where("memberships.workspace_id", "=", workspaceId)
    .where("users.id", "=", userId)
    .executeTakeFirst();
  if (!user) return "skipped";
  const locale = asLocale(user.locale);
  let rendered: ReturnType<typeof renderNotificationMail>;
  if (payload.type === "digest") {
    rendered = renderDigestMail(payload.digest, {
      locale,
      recipientName: user.name,
      baseUrl: options.baseUrl,
      workspaceId,
    });
  } else {
    const n = await db
      .selectFrom("notifications")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", payload.notificationId)
      .executeTakeFirstOrThrow();
    rendered = renderNotificationMail({
      locale,
      recipientName: user.name,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      baseUrl: options.baseUrl,
    });
  }
  const host = new URL(options.baseUrl).hostname || "journeylens";
  await sendMail(db, workspaceId, options, {
    ...rendered,
    to: user.email,
    messageId: `<${messageId}@${host}>`,
  });
  return "sent";
}
