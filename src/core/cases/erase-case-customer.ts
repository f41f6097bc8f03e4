import { sql } from "kysely";
import type { Db } from "../db/connect.js";
import { addTimeline } from "./timeline.js";

/** What an erased customer's case is called afterwards (its title may have quoted the customer). */
export const ERASED_CASE_TITLE = "Case of an erased customer";

/**
 * Cuts an erased customer out of its cases (DSGVO Art. 17), in the erasure's transaction: the cases
 * stay as the company's record of work done, but lose the customer link, a title that may quote the
 * customer, and the signal summaries (which can hold feedback text) in the signals and the timeline.
 * Comments and resolution notes written by staff are kept. Returns the number of cases changed.
 */
export async function eraseCaseCustomer(
  tx: Db,
  workspaceId: string,
  customerIds: readonly string[],
  now = new Date(),
): Promise<number> {
  if (customerIds.length === 0) return 0;
  const cases = await tx
    .updateTable("cases")
    .set({ customer_id: null, title: ERASED_CASE_TITLE, updated_at: now })
    .where("workspace_id", "=", workspaceId)
    .where("customer_id", "in", customerIds)
    .returning("id")
    .execute();
  const ids = cases.map((c) => c.id);
  if (ids.length === 0) return 0;
  await tx
    .updateTable("case_signals")
    .set({ summary: "" })
    .where("workspace_id", "=", workspaceId)
    .where("case_id", "in", ids)
    .execute();
  await tx
    .updateTable("case_timeline")
    .set({ data: sql`data - 'summary' - 'title'` })
    .where("workspace_id", "=", workspaceId)
    .where("case_id", "in", ids)
    .where("kind", "in", ["created", "signal"])
    .execute();
  for (const caseId of ids)
    await addTimeline(tx, {
      workspaceId,
      caseId,
      at: now,
      actorType: "system",
      actorId: null,
      kind: "customer_erased",
    });
  return ids.length;
}
