import type { Db } from "../db/connect.js";
import { enqueue } from "../outbox/enqueue.js";

export const FEEDBACK_RELAY_TOPIC = "feedback.relay";
/** Text analytics of the same records (docs/api/understand.md §3). */
export const FEEDBACK_ENRICH_TOPIC = "feedback.enrich";
const IDS_PER_MESSAGE = 500;

/**
 * Queues feedback records for the facts store and for text enrichment. Call inside the
 * transaction that wrote them, so both messages exist exactly when the write commits. The
 * handlers read each record's current state, so one message per write (or per batch) is enough
 * and a replay writes the same version again.
 */
export async function enqueueFeedbackRelay(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<void> {
  for (let i = 0; i < ids.length; i += IDS_PER_MESSAGE) {
    const payload = { ids: ids.slice(i, i + IDS_PER_MESSAGE) };
    await enqueue(db, { workspaceId, topic: FEEDBACK_RELAY_TOPIC, payload });
    await enqueue(db, { workspaceId, topic: FEEDBACK_ENRICH_TOPIC, payload });
  }
}
