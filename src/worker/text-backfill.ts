import type { AppConfig } from "../core/config.js";
import { isAppError } from "../core/errors.js";
import { enqueue } from "../core/outbox/enqueue.js";
import type { Stores } from "../core/stores.js";
import { maybeEnqueueEmergingCheck } from "../core/text/emerging/schedule.js";
import { stepBackfill, TEXT_BACKFILL_TOPIC } from "../core/text/enrich/backfill.js";
import type { OutboxHandler } from "./outbox-worker.js";

/** Steps run per message; well under the worker's 60 s lease, so a message is never taken over. */
const BUDGET_MS = 10_000;

/**
 * `text.backfill` { backfillId }: runs chunks for up to 10 s, then queues itself again until the
 * backfill is done. Progress lives in the backfill row, so a replayed or lost message resumes at
 * the cursor; a backfill that no longer exists (workspace deleted) ends the chain.
 */
export function textBackfillHandler(stores: Stores, config: AppConfig, budgetMs = BUDGET_MS): OutboxHandler {
  return async (row) => {
    const backfillId = (row.payload as { backfillId?: unknown })?.backfillId;
    if (typeof backfillId !== "string") throw new Error("text.backfill payload must be { backfillId }");
    const options = { allowPrivateAddresses: config.webhooks.allowPrivateAddresses };
    const started = Date.now();
    let status: string;
    try {
      do status = (await stepBackfill(stores, row.workspace_id, backfillId, options)).status;
      while (status === "running" && Date.now() - started < budgetMs);
    } catch (e) {
      if (isAppError(e) && e.code === "not_found") return;
      throw e;
    }
    if (status === "running")
      await enqueue(stores.sor.db, {
        workspaceId: row.workspace_id,
        topic: TEXT_BACKFILL_TOPIC,
        payload: { backfillId },
      });
    else await maybeEnqueueEmergingCheck(stores.sor.db, row.workspace_id, new Date());
  };
}
