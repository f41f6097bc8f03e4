import type { Db } from "../db/connect.js";
import { feedbackQuery, toFeedback } from "../feedback/feedback-row.js";
import { emitWebhookEvents, hasWebhookSubscriber } from "./emit-event.js";

/**
 * Emits `feedback.created` (`data.feedback`) or `response.finished` (`data.response`) for stored
 * records, inside the transaction that wrote them. Records flagged as spam (honeypot) are left out.
 */
export async function emitFeedbackEvents(
  tx: Db,
  workspaceId: string,
  type: "feedback.created" | "response.finished",
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0 || !(await hasWebhookSubscriber(tx, workspaceId, type))) return;
  const key = type === "feedback.created" ? "feedback" : "response";
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await feedbackQuery(tx, workspaceId)
      .where("f.id", "in", ids.slice(i, i + 500))
      .where("f.flagged", "=", false)
      .orderBy("f.id")
      .execute();
    await emitWebhookEvents(
      tx,
      workspaceId,
      type,
      rows.map((r) => {
        const { enrichment: _, ...record } = toFeedback(r);
        return {
          data: { [key]: record },
          ...(type === "feedback.created" && { occurredAt: new Date(r.created_at) }),
        };
      }),
    );
  }
}
