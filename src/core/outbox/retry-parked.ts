import { sql } from "kysely";
import type { Db } from "../db/connect.js";
import { AppError, notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import { type OutboxMessage, toOutboxMessage } from "./list-parked.js";

/**
 * Puts a parked message back in the queue, due now, with its attempts reset (an admin fixed the cause).
 * `last_error` stays as history. Another workspace's id answers not found and changes nothing.
 */
export async function retryParked(db: Db, workspaceId: string, id: string): Promise<OutboxMessage> {
  if (!isUuid(id)) throw notFound("Outbox message");
  const row = await db
    .updateTable("outbox")
    .set({
      status: "pending",
      attempts: 0,
      available_at: sql<Date>`now()`,
      locked_by: null,
      locked_until: null,
    })
    .where("id", "=", id)
    .where("workspace_id", "=", workspaceId)
    .where("status", "=", "parked")
    .returningAll()
    .executeTakeFirst();
  if (row) return toOutboxMessage(row);
  const existing = await db
    .selectFrom("outbox")
    .select("status")
    .where("id", "=", id)
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  if (!existing) throw notFound("Outbox message");
  throw new AppError("conflict", `Only parked messages can be retried; this one is ${existing.status}`);
}
