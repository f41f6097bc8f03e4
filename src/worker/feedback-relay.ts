import type { Stores } from "../core/stores.js";
import type { OutboxHandler } from "./outbox-worker.js";

/** Relays feedback records to the facts store (docs/api/listen.md). Placeholder until it lands. */
export function feedbackRelayHandler(_stores: Stores): OutboxHandler {
  return async () => {
    throw new Error("feedback.relay is not implemented yet");
  };
}
