import type { Db } from "../db/connect.js";
import type { CaseRow } from "./case-row.js";
import { scheduleSlaCheck } from "./sla.js";

export const WAITING_FOR_CUSTOMER = "waiting_customer";

/**
 * The SLA clock stands still while a case waits for the customer: entering `waiting_customer` stops
 * the checks; leaving it (to another open status, or resolving) moves `due_at` by the time waited and
 * adds it to `sla_paused_ms`, so escalation times move with it and a later priority change keeps it.
 * Open statuses other than waiting resume the checks at once (the check computes the next one).
 * Call inside the status change's transaction, after the status is written.
 */
export async function applySlaPause(
  db: Db,
  c: CaseRow,
  nextStatus: string,
  now: Date,
  resumeChecks: boolean,
): Promise<{ paused: boolean; resumedAfterMs: number | null }> {
  const waitingBefore = c.sla_paused_at !== null;
  const waitingNow = nextStatus === WAITING_FOR_CUSTOMER;
  if (waitingNow && !waitingBefore) {
    await db.updateTable("cases").set({ sla_paused_at: now }).where("id", "=", c.id).execute();
    await scheduleSlaCheck(db, c.workspace_id, c.id, null);
    return { paused: true, resumedAfterMs: null };
  }
  if (!waitingNow && waitingBefore) {
    const waited = Math.max(0, now.getTime() - new Date(c.sla_paused_at as Date).getTime());
    await db
      .updateTable("cases")
      .set({
        sla_paused_at: null,
        sla_paused_ms: Number(c.sla_paused_ms) + waited,
        due_at: new Date(new Date(c.due_at).getTime() + waited),
      })
      .where("id", "=", c.id)
      .execute();
    if (resumeChecks) await scheduleSlaCheck(db, c.workspace_id, c.id, now);
    return { paused: false, resumedAfterMs: waited };
  }
  return { paused: waitingBefore, resumedAfterMs: null };
}
