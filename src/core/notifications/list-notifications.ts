import type { Selectable } from "kysely";
import type { WorkspaceContext } from "../context.js";
import type { NotificationsTable } from "../db/schema.js";
import { AppError, notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import { decodeCursor, type Page, toPage } from "../pagination.js";
import type { TNotification, TNotificationListQuery } from "./notifications.schema.js";

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toNotification(r: Selectable<NotificationsTable>): TNotification {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    severity: r.severity,
    sourceId: r.source_id,
    createdAt: iso(r.created_at) as string,
    readAt: iso(r.read_at),
  };
}

/** Notifications belong to people: an API key has none. */
export function requirePerson(ctx: WorkspaceContext): string {
  const actor = ctx.access.actor;
  if (actor.kind !== "user")
    throw new AppError("forbidden", "Notifications belong to people, not to API keys");
  return actor.userId;
}

/** The caller's own notification id, or null (an API key owns none: every id is not found). */
const ownerOf = (ctx: WorkspaceContext) =>
  ctx.access.actor.kind === "user" ? ctx.access.actor.userId : null;

/** GET /notifications: the caller's own, newest first (ids are time-ordered UUIDv7), cursor pages. */
export async function listNotifications(
  ctx: WorkspaceContext,
  query: TNotificationListQuery,
): Promise<Page<TNotification>> {
  const userId = requirePerson(ctx);
  const before = decodeCursor(query.cursor);
  let q = ctx.db
    .selectFrom("notifications")
    .selectAll()
    .where("workspace_id", "=", ctx.access.workspaceId)
    .where("user_id", "=", userId);
  if (query.unread === "true") q = q.where("read_at", "is", null);
  if (query.unread === "false") q = q.where("read_at", "is not", null);
  if (before) q = q.where("id", "<", before);
  const rows = await q
    .orderBy("id", "desc")
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => r.id, toNotification);
}

export async function unreadCount(ctx: WorkspaceContext): Promise<{ unread: number }> {
  const userId = requirePerson(ctx);
  const row = await ctx.db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("workspace_id", "=", ctx.access.workspaceId)
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return { unread: Number(row.n) };
}

/** POST /notifications/{id}/read: marking again keeps the first time; someone else's is not found. */
export async function markNotificationRead(ctx: WorkspaceContext, id: string): Promise<TNotification> {
  const userId = ownerOf(ctx);
  if (!userId || !isUuid(id)) throw notFound("Notification");
  const scoped = ctx.db
    .selectFrom("notifications")
    .selectAll()
    .where("workspace_id", "=", ctx.access.workspaceId)
    .where("user_id", "=", userId)
    .where("id", "=", id);
  const existing = await scoped.executeTakeFirst();
  if (!existing) throw notFound("Notification");
  if (existing.read_at !== null) return toNotification(existing);
  const updated = await ctx.db
    .updateTable("notifications")
    .set({ read_at: new Date() })
    .where("workspace_id", "=", ctx.access.workspaceId)
    .where("user_id", "=", userId)
    .where("id", "=", id)
    .where("read_at", "is", null)
    .returningAll()
    .executeTakeFirst();
  return toNotification(updated ?? (await scoped.executeTakeFirstOrThrow()));
}

export async function markAllNotificationsRead(ctx: WorkspaceContext): Promise<{ updated: number }> {
  const userId = requirePerson(ctx);
  const result = await ctx.db
    .updateTable("notifications")
    .set({ read_at: new Date() })
    .where("workspace_id", "=", ctx.access.workspaceId)
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return { updated: Number(result.numUpdatedRows) };
}
