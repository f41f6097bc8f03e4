import type { AppConfig } from "../core/config.js";
import { deliverMail, mailOptions } from "../core/notifications/deliver-mail.js";
import { kpiTrends } from "../core/notifications/kpi-trends.js";
import type { MailPayload } from "../core/notifications/notify.js";
import type { DigestPayload } from "../core/notifications/preferences.js";
import { runDigest } from "../core/notifications/run-digest.js";
import type { Stores } from "../core/stores.js";
import type { OutboxHandler } from "./outbox-worker.js";

/** `mail.send`: one e-mail; an SMTP failure throws, so the outbox retries it with backoff. */
export function mailSendHandler(stores: Stores, config: AppConfig): OutboxHandler {
  const options = mailOptions(config);
  return async (message) => {
    await deliverMail(
      stores.sor.db,
      message.workspace_id,
      message.id,
      message.payload as MailPayload,
      options,
    );
  };
}

/** `notifications.digest`: one person's scheduled digest, then the next one. `clock` for tests. */
export function notificationsDigestHandler(
  stores: Stores,
  clock: () => Date = () => new Date(),
): OutboxHandler {
  return async (message) => {
    const trends = kpiTrends(stores.sor.db, stores.facts);
    await runDigest(stores.sor.db, message.workspace_id, message.payload as DigestPayload, clock(), trends);
  };
}
