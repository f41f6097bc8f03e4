import type { AppConfig } from "../core/config.js";
import type { Stores } from "../core/stores.js";
import { attemptDelivery, type DeliverPayload } from "../core/webhooks/deliver.js";
import { fanOutWebhookEvent } from "../core/webhooks/fan-out.js";
import type { OutboxHandler } from "./outbox-worker.js";

/** `webhooks.event`: one delivery per subscribed endpoint (idempotent per event and endpoint). */
export function webhookEventHandler(stores: Stores): OutboxHandler {
  return async (message) => {
    await fanOutWebhookEvent(stores.sor.db, message);
  };
}

/**
 * `webhooks.deliver`: one attempt of one delivery. Receiver failures are recorded on the delivery and
 * scheduled as a new outbox message (Standard Webhooks retry schedule), so this handler throws only
 * when the store fails; the outbox then retries the same attempt. A worker killed mid-request leaves
 * the message claimed; its lease expires and the attempt runs again with the same `webhook-id`.
 */
export function webhookDeliverHandler(stores: Stores, config: AppConfig): OutboxHandler {
  return async (message) => {
    const payload = message.payload as DeliverPayload;
    await attemptDelivery(stores.sor.db, config.webhooks, {
      workspaceId: message.workspace_id,
      deliveryId: payload.deliveryId,
      attempt: payload.attempt,
      trigger: payload.trigger,
    });
  };
}
