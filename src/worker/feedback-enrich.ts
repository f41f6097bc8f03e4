import { enqueueFeedbackRules } from "../core/case-rules/schedule.js";
import type { AppConfig } from "../core/config.js";
import type { Stores } from "../core/stores.js";
import { maybeEnqueueEmergingCheck } from "../core/text/emerging/schedule.js";
import { enrichFeedback } from "../core/text/enrich/enrich-feedback.js";
import type { OutboxHandler } from "./outbox-worker.js";

/**
 * `feedback.enrich` (docs/api/understand.md §3): analyses the listed records of the message's
 * workspace and writes their `feedback_text` facts rows, then lets the emerging-topic check run
 * (at most hourly per workspace). Idempotent: unchanged records are not analysed again.
 */
export function feedbackEnrichHandler(stores: Stores, config: AppConfig): OutboxHandler {
  return async (row) => {
    const payload = row.payload as { ids?: unknown };
    if (!Array.isArray(payload?.ids) || payload.ids.some((id) => typeof id !== "string"))
      throw new Error("feedback.enrich payload must be { ids: string[] }");
    await enrichFeedback(stores, row.workspace_id, payload.ids as string[], {
      allowPrivateAddresses: config.webhooks.allowPrivateAddresses,
    });
    await maybeEnqueueEmergingCheck(stores.sor.db, row.workspace_id, new Date());
    // Case rules read the enrichment (sentiment, aspects), so they run after it.
    await enqueueFeedbackRules(stores.sor.db, row.workspace_id, payload.ids as string[]);
  };
}
