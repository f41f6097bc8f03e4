import type { WorkspaceContext } from "../context.js";
import type { Db } from "../db/connect.js";
import { enqueue } from "../outbox/enqueue.js";
import { nextDigestAt } from "./digest-schedule.js";
import { requirePerson } from "./list-notifications.js";
import {
  NOTIFICATION_KINDS,
  type TNotificationPreferences,
  type TUpdateNotificationPreferences,
} from "./notifications.schema.js";
import { emailAllowed } from "./notify.js";

export const DIGEST_TOPIC = "notifications.digest";

export interface DigestPayload {
  userId: string;
  /** The preferences' `digest_version` when scheduled; a newer version makes this message a no-op. */
  version: number;
  /** The digest's moment (07:00 Europe/Berlin), the end of the period it covers. */
  at: string;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

async function preferenceRow(db: Db, workspaceId: string, userId: string) {
  return db
    .selectFrom("notification_preferences")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

export async function getNotificationPreferences(
  ctx: WorkspaceContext,
  now: Date = new Date(),
): Promise<TNotificationPreferences> {
  const userId = requirePerson(ctx);
  const row = await preferenceRow(ctx.db, ctx.access.workspaceId, userId);
  const digest = row?.digest ?? "none";
  return {
    email: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, emailAllowed(row?.email_kinds, k)])),
    digest,
    nextDigestAt: iso(nextDigestAt(digest, now)),
    lastDigestAt: iso(row?.last_digest_at ?? null),
  };
}

/**
 * PUT /notification-preferences (the caller's own). Changing the digest frequency bumps the
 * schedule version and enqueues the first digest of the new schedule in the same transaction; the
 * messages of the old schedule then find a newer version and do nothing.
 */
export async function updateNotificationPreferences(
  ctx: WorkspaceContext,
  input: TUpdateNotificationPreferences,
  now: Date = new Date(),
): Promise<TNotificationPreferences> {
  const userId = requirePerson(ctx);
  const ws = ctx.access.workspaceId;
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto("notification_preferences")
      .values({ workspace_id: ws, user_id: userId })
      .onConflict((oc) => oc.columns(["workspace_id", "user_id"]).doNothing())
      .execute();
    const row = await tx
      .selectFrom("notification_preferences")
      .selectAll()
      .where("workspace_id", "=", ws)
      .where("user_id", "=", userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const email = { ...row.email_kinds, ...input.email };
    const digestChanged = input.digest !== undefined && input.digest !== row.digest;
    const version = digestChanged ? row.digest_version + 1 : row.digest_version;
    await tx
      .updateTable("notification_preferences")
      .set({
        email_kinds: JSON.stringify(email),
        ...(digestChanged && { digest: input.digest, digest_version: version }),
        updated_at: now,
      })
      .where("workspace_id", "=", ws)
      .where("user_id", "=", userId)
      .execute();
    const at = digestChanged && input.digest ? nextDigestAt(input.digest, now) : null;
    if (at) {
      const payload: DigestPayload = { userId, version, at: at.toISOString() };
      await enqueue(tx, { workspaceId: ws, topic: DIGEST_TOPIC, payload, availableAt: at });
    }
  });
  return getNotificationPreferences(ctx, now);
}
