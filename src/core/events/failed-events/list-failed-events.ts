import type { Selectable } from "kysely";
import type { WorkspaceContext } from "../../context.js";
import type { FailedEventsTable } from "../../db/schema.js";
import { decodeCursor, type Page, toPage } from "../../pagination.js";
import type { TFailedEvent, TFailedEventListQuery } from "../event.schema.js";

type Row = Selectable<FailedEventsTable>;

export function toFailedEvent(row: Row): TFailedEvent {
  return {
    id: row.id,
    source: row.source,
    code: row.code,
    message: row.message,
    messageId: row.message_id,
    payload: row.payload,
    truncated: row.truncated,
    status: row.status,
    receivedAt: new Date(row.received_at).toISOString(),
    replayedAt: row.replayed_at ? new Date(row.replayed_at).toISOString() : null,
  };
}

/** Newest first, keyset-paged on the time-ordered id. */
export async function listFailedEvents(
  ctx: WorkspaceContext,
  query: TFailedEventListQuery,
): Promise<Page<TFailedEvent>> {
  const before = decodeCursor(query.cursor);
  let q = ctx.db.selectFrom("failed_events").selectAll().where("workspace_id", "=", ctx.access.workspaceId);
  if (query.code) q = q.where("code", "=", query.code);
  if (before) q = q.where("id", "<", before);
  const rows = await q
    .orderBy("id", "desc")
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => r.id, toFailedEvent);
}
