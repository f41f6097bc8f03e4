import { relayFeedbackFacts } from "../core/feedback/relay-feedback-facts.js";
import type { Stores } from "../core/stores.js";
import type { OutboxHandler } from "./outbox-worker.js";

/**
 * `feedback.relay` (docs/api/listen.md §5): writes the listed records of the message's own
 * workspace to the facts store. Idempotent: it reads each record's current state, so a replay
 * writes the same rows again and FINAL collapses them.
 */
export function feedbackRelayHandler(stores: Stores): OutboxHandler {
  return async (row) => {
    const payload = row.payload as { ids?: unknown };
    if (!Array.isArray(payload?.ids) || payload.ids.some((id) => typeof id !== "string"))
      throw new Error("feedback.relay payload must be { ids: string[] }");
    await relayFeedbackFacts(stores, row.workspace_id, payload.ids as string[]);
  };
}
