import type { WorkspaceContext } from "../context.js";
import { decodeCursor, type Page, toPage } from "../pagination.js";
import { toAlert } from "./alert-row.js";
import type { TAlert, TAlertListQuery } from "./alerts.schema.js";

/** GET /alerts: newest first (ids are time-ordered UUIDv7), cursor pages. */
export async function listAlerts(ctx: WorkspaceContext, query: TAlertListQuery): Promise<Page<TAlert>> {
  const before = decodeCursor(query.cursor);
  let q = ctx.db.selectFrom("alerts").selectAll().where("workspace_id", "=", ctx.access.workspaceId);
  if (query.kind) q = q.where("kind", "=", query.kind);
  if (query.acknowledged === "true") q = q.where("acknowledged_at", "is not", null);
  if (query.acknowledged === "false") q = q.where("acknowledged_at", "is", null);
  if (before) q = q.where("id", "<", before);
  const rows = await q
    .orderBy("id", "desc")
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => r.id, toAlert);
}
