import { sql } from "kysely";
import type { Db } from "../db/connect.js";

/**
 * Marks a claimed message done. Returns false, changing nothing, when this worker no longer holds it
 * (its lease expired and another worker took over). `attempt` (the claimed row's `attempts`) also
 * fences off an older claim by the same worker. `locked_by` stays as the record of who finished it.
 */
export async function complete(db: Db, id: string, workerId: string, attempt?: number): Promise<boolean> {
  let q = db
    .updateTable("outbox")
    .set({ status: "done", completed_at: sql<Date>`now()`, locked_until: null })
    .where("id", "=", id)
    .where("status", "=", "processing")
    .where("locked_by", "=", workerId);
  if (attempt !== undefined) q = q.where("attempts", "=", attempt);
  const result = await q.executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
