import type { Db } from "../db/connect.js";
import type { AlertSeverity, Role } from "../db/schema.js";
import { isUuid, uuidv7 } from "../ids.js";
import { enqueue } from "../outbox/enqueue.js";
import type { TDigest } from "./notifications.schema.js";

export const MAIL_TOPIC = "mail.send";

export interface Recipients {
  userIds?: readonly string[] | undefined;
  teamIds?: readonly string[] | undefined;
  roles?: readonly Role[] | undefined;
}

export interface NotificationMessage {
  kind: string;
  title: string;
  body: string;
  /** A path inside the app (`/w/…`); anything else is dropped. */
  link?: string | undefined;
  severity?: AlertSeverity | undefined;
  /** The alert's or case's id. */
  sourceId?: string | undefined;
}

export type MailPayload =
  | { type: "notification"; notificationId: string }
  | { type: "digest"; userId: string; digest: TDigest };

/** Only the app's own paths: no scheme, no protocol-relative `//host`, no backslashes or spaces. */
export const safeAppPath = (link: string | undefined | null): string | null =>
  link && /^\/(?![/\\])[^\s\\]*$/.test(link) && link.length <= 500 ? link : null;

/**
 * Expands recipients (users, team members, roles) to distinct members of the workspace; ids of
 * non-members are ignored, so a foreign id notifies nobody.
 */
export async function expandRecipients(db: Db, workspaceId: string, r: Recipients): Promise<string[]> {
  const ids = new Set<string>();
  // Ids come from stored JSON (alert details): anything but a UUID would break the typed comparison.
  const userIds = (r.userIds ?? []).filter(isUuid);
  const teamIds = (r.teamIds ?? []).filter(isUuid);
  if (userIds.length > 0) {
    const rows = await db
      .selectFrom("memberships")
      .select("user_id")
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "in", userIds)
      .execute();
    for (const row of rows) ids.add(row.user_id);
  }
  if (teamIds.length > 0) {
    const rows = await db
      .selectFrom("team_members")
      .innerJoin("memberships", (j) =>
        j
          .onRef("memberships.user_id", "=", "team_members.user_id")
          .onRef("memberships.workspace_id", "=", "team_members.workspace_id"),
      )
      .select("team_members.user_id")
      .where("team_members.workspace_id", "=", workspaceId)
      .where("team_members.team_id", "in", teamIds)
      .execute();
    for (const row of rows) ids.add(row.user_id);
  }
  if (r.roles && r.roles.length > 0) {
    const rows = await db
      .selectFrom("memberships")
      .select("user_id")
      .where("workspace_id", "=", workspaceId)
      .where("role", "in", [...r.roles])
      .execute();
    for (const row of rows) ids.add(row.user_id);
  }
  return [...ids].sort();
}

/** Whether the workspace sends e-mail at all (an enabled `mail_settings` row). */
export async function mailEnabled(db: Db, workspaceId: string): Promise<boolean> {
  const row = await db
    .selectFrom("mail_settings")
    .select("enabled")
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  return row?.enabled === true;
}

/** Whether a person's preferences allow e-mail for the kind (on unless switched off). */
export const emailAllowed = (kinds: Record<string, boolean> | undefined, kind: string): boolean =>
  kinds?.[kind] !== false;

/**
 * Writes one in-app notification per recipient and, where the workspace sends e-mail and the
 * person's preferences allow it for this kind, one `mail.send` outbox message per e-mail, all in one
 * transaction (the caller's, or one of its own): a notification never exists without its e-mail.
 * Returns the notified user ids.
 */
export async function notify(
  db: Db,
  workspaceId: string,
  recipients: Recipients,
  message: NotificationMessage,
): Promise<string[]> {
  if (!db.isTransaction)
    return db.transaction().execute((tx) => notify(tx, workspaceId, recipients, message));
  const users = await expandRecipients(db, workspaceId, recipients);
  if (users.length === 0) return [];
  const rows = users.map((userId) => ({
    id: uuidv7(),
    workspace_id: workspaceId,
    user_id: userId,
    kind: message.kind.slice(0, 60),
    title: message.title.slice(0, 500),
    body: message.body.slice(0, 4000),
    link: safeAppPath(message.link),
    severity: message.severity ?? "info",
    source_id: message.sourceId ?? null,
  }));
  await db.insertInto("notifications").values(rows).execute();
  if (!(await mailEnabled(db, workspaceId))) return users;
  const prefs = await db
    .selectFrom("notification_preferences")
    .select(["user_id", "email_kinds"])
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "in", users)
    .execute();
  const kindsOf = new Map(prefs.map((p) => [p.user_id, p.email_kinds]));
  for (const row of rows) {
    if (!emailAllowed(kindsOf.get(row.user_id), row.kind)) continue;
    const payload: MailPayload = { type: "notification", notificationId: row.id };
    await enqueue(db, { workspaceId, topic: MAIL_TOPIC, payload });
  }
  return users;
}
