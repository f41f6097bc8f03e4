import type { Db } from "../db/connect.js";
import { decodeCursor, type Page, type TPageQuery, toPage } from "../pagination.js";

export interface AuditLogItem {
  id: string;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  outcome: string;
  details: Record<string, unknown>;
  createdAt: string;
}

/** Newest first. */
export async function listAuditLog(
  db: Db,
  workspaceId: string,
  page: TPageQuery,
): Promise<Page<AuditLogItem>> {
  const after = decodeCursor(page.cursor);
  let q = db.selectFrom("audit_log").selectAll().where("workspace_id", "=", workspaceId);
  if (after) q = q.where("id", "<", after);
  const rows = await q
    .orderBy("id", "desc")
    .limit(page.limit + 1)
    .execute();
  return toPage(
    rows,
    page.limit,
    (r) => r.id,
    (r) => ({
      id: r.id,
      actorType: r.actor_type,
      actorId: r.actor_id,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      outcome: r.outcome,
      details: r.details as unknown as Record<string, unknown>,
      createdAt: new Date(r.created_at).toISOString(),
    }),
  );
}
