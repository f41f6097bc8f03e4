import type { Db } from "../db/connect.js";
import type { OutboxRow, OutboxStatus } from "../db/schema.js";
import { decodeCursor, type Page, type TPageQuery, toPage } from "../pagination.js";

/** An outbox message as admins see it. */
export interface OutboxMessage {
  id: string;
  topic: string;
  status: OutboxStatus;
  attempts: number;
  payload: unknown;
  lastError: string | null;
  availableAt: string;
  createdAt: string;
}

export const toOutboxMessage = (r: OutboxRow): OutboxMessage => ({
  id: r.id,
  topic: r.topic,
  status: r.status,
  attempts: r.attempts,
  payload: r.payload,
  lastError: r.last_error,
  availableAt: new Date(r.available_at).toISOString(),
  createdAt: new Date(r.created_at).toISOString(),
});

/** Parked (poison) messages of one workspace, oldest first, with the error that parked them. */
export async function listParked(
  db: Db,
  workspaceId: string,
  page: TPageQuery,
): Promise<Page<OutboxMessage>> {
  const after = decodeCursor(page.cursor);
  let q = db
    .selectFrom("outbox")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("status", "=", "parked");
  if (after) q = q.where("id", ">", after);
  const rows = await q
    .orderBy("id", "asc")
    .limit(page.limit + 1)
    .execute();
  return toPage(rows, page.limit, (r) => r.id, toOutboxMessage);
}
