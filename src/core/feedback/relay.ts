import type { Db } from "../db/connect.js";
import { enqueue } from "../outbox/enqueue.js";

export const FEEDBACK_RELAY_TOPIC = "feedback.relay";
const IDS_PER_MESSAGE = 500;

/**
 * Queues feedback records for the facts store. Call inside the transaction that wrote them, so the
 * relay exists exactly when the write commits. The handler reads each record's current state, so
 * one message per write (or per batch) is enough and a replay writes the same version again.
 */
export async function enqueueFeedbackRelay(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<void> {
  for (let i = 0; i < ids.length; i += IDS_PER_MESSAGE) {
    await enqueue(db, {
      workspaceId,
      topic: FEEDBACK_RELAY_TOPIC,
      payload: { ids: ids.slice(i, i + IDS_PER_MESSAGE) },
    });
  }
}
