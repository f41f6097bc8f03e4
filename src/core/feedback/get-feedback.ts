import type { WorkspaceContext } from "../context.js";
import type { TFeedbackDetail } from "./feedback.schema.js";
import { feedbackQuery, findFeedbackRow, toFeedback } from "./feedback-row.js";

const CUSTOMER_HISTORY = 20;

/** One record with up to 20 other records of the same customer, newest first. */
export async function getFeedback(ctx: WorkspaceContext, id: string): Promise<TFeedbackDetail> {
  const workspaceId = ctx.access.workspaceId;
  const row = await findFeedbackRow(ctx.db, workspaceId, id);
  const others = row.customer_id
    ? await feedbackQuery(ctx.db, workspaceId)
        .where("f.customer_id", "=", row.customer_id)
        .where("f.id", "<>", row.id)
        .orderBy("f.received_at", "desc")
        .orderBy("f.id", "desc")
        .limit(CUSTOMER_HISTORY)
        .execute()
    : [];
  return { ...toFeedback(row), customerFeedback: others.map(toFeedback) };
}
