import type { Db } from "../db/connect.js";
import { emitWebhookEvent, hasWebhookSubscriber } from "../webhooks/emit-event.js";
import { loadCase } from "./case-row.js";

export type CaseEventType = "case.created" | "case.assigned" | "case.sla_breached" | "case.resolved";

/** Emits a webhook event carrying the case as it is now, inside the caller's transaction. */
export async function emitCaseEvent(
  db: Db,
  workspaceId: string,
  type: CaseEventType,
  caseId: string,
  occurredAt?: Date,
): Promise<void> {
  if (!(await hasWebhookSubscriber(db, workspaceId, type))) return;
  const data = await loadCase(db, workspaceId, caseId);
  await emitWebhookEvent(db, { workspaceId, type, data: { case: data }, ...(occurredAt && { occurredAt }) });
}
