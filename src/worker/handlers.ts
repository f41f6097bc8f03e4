import type { Stores } from "../core/stores.js";
import type { OutboxHandler } from "./outbox-worker.js";

/**
 * Outbox topics and their handlers. Features add their topics here (facts relay, enrichment, case
 * rules, webhooks, e-mails). A message whose topic has no handler is retried and then parked with
 * that error, visible to admins; it is never dropped.
 */
export function outboxHandlers(_stores: Stores): Record<string, OutboxHandler> {
  return {};
}
