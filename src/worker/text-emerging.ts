import type { Stores } from "../core/stores.js";
import { detectEmergingTopics } from "../core/text/emerging/detect-emerging.js";
import type { OutboxHandler } from "./outbox-worker.js";

/**
 * `text.emerging` (docs/api/understand.md §5): the emerging-topic check of the message's workspace
 * at the time it runs. Idempotent: alerts are deduplicated per aspect or topic and week.
 */
export function textEmergingHandler(stores: Stores): OutboxHandler {
  return async (row) => {
    await detectEmergingTopics(stores, row.workspace_id, { now: new Date() });
  };
}
