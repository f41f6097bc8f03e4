import { sql } from "kysely";
import type { WorkspaceContext } from "../context.js";
import { decodeCursor, type Page, toPage } from "../pagination.js";
import { toCase } from "./case-row.js";
import { CASE_OPEN_STATUSES, type TCase, type TCaseListQuery } from "./cases.schema.js";

/** GET /cases: newest first, cursor pages, filtered by status, owner, journey, touchpoint, breach, signal source. */
export async function listCases(ctx: WorkspaceContext, query: TCaseListQuery): Promise<Page<TCase>> {
  const before = decodeCursor(query.cursor);
  let q = ctx.db.selectFrom("cases").selectAll().where("workspace_id", "=", ctx.access.workspaceId);
  if (query.status) q = q.where("status", "=", query.status);
  if (query.open === "true") q = q.where("status", "in", CASE_OPEN_STATUSES);
  if (query.open === "false") q = q.where("status", "not in", CASE_OPEN_STATUSES);
  if (query.priority) q = q.where("priority", "=", query.priority);
  if (query.assigneeUserId) q = q.where("assignee_user_id", "=", query.assigneeUserId);
  if (query.teamId) q = q.where("team_id", "=", query.teamId);
  if (query.journeyId) q = q.where("journey_id", "=", query.journeyId);
  if (query.touchpointId) q = q.where("touchpoint_id", "=", query.touchpointId);
  if (query.customerId) q = q.where("customer_id", "=", query.customerId);
  if (query.breached === "true") q = q.where("sla_breached_at", "is not", null);
  if (query.breached === "false") q = q.where("sla_breached_at", "is", null);
  if (query.signalRef) {
    const ref = query.signalRef;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("case_signals as s")
          .select(sql`1`.as("one"))
          .whereRef("s.case_id", "=", "cases.id")
          .where("s.ref", "=", ref),
      ),
    );
  }
  if (before) q = q.where("id", "<", before);
  const rows = await q
    .select((eb) =>
      eb
        .selectFrom("case_signals as s")
        .select(sql<string>`count(*)`.as("n"))
        .whereRef("s.case_id", "=", "cases.id")
        .as("signal_count"),
    )
    .orderBy("id", "desc")
    .limit(query.limit + 1)
    .execute();
  const ids = rows.map((r) => r.id);
  const watchers =
    ids.length === 0
      ? []
      : await ctx.db
          .selectFrom("case_watchers")
          .select(["case_id", "user_id", "reason"])
          .where("workspace_id", "=", ctx.access.workspaceId)
          .where("case_id", "in", ids)
          .orderBy("created_at")
          .execute();
  const of = (id: string) =>
    watchers.filter((w) => w.case_id === id).map((w) => ({ userId: w.user_id, reason: w.reason }));
  return toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => toCase(r, of(r.id), Number(r.signal_count ?? 0)),
  );
}
