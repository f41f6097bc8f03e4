import type { WorkspaceContext } from "../context.js";
import type { Db } from "../db/connect.js";
import { AppError } from "../errors.js";
import { enqueue } from "../outbox/enqueue.js";
import { buildDigest, wantsWorkspaceView } from "./build-digest.js";
import { digestSpanMs, nextDigestAt } from "./digest-schedule.js";
import type { KpiTrends } from "./kpi-trends.js";
import { requirePerson } from "./list-notifications.js";
import { asLocale, digestIsEmpty, renderDigestMail } from "./mail-render.js";
import type { TDigestPreview, TDigestPreviewRequest } from "./notifications.schema.js";
import { MAIL_TOPIC, type MailPayload, mailEnabled } from "./notify.js";
import { DIGEST_TOPIC, type DigestPayload } from "./preferences.js";

export type DigestOutcome = "stale" | "done_before" | "empty" | "no_mail" | "queued";

/**
 * `notifications.digest`: one person's scheduled digest. In one transaction it builds the digest
 * for the period since the last one, queues its e-mail (none when empty), records the digest time and
 * schedules the next one. A message of an older schedule version, or one already done (a repeat after
 * a crash), changes nothing; a late message schedules the next digest after `now`, not a backlog.
 */
export async function runDigest(
  db: Db,
  workspaceId: string,
  payload: DigestPayload,
  now: Date = new Date(),
  trends?: KpiTrends,
): Promise<DigestOutcome> {
  // KPI trends read the facts store (and the system of record): before the transaction, not inside it.
  const role = await db
    .selectFrom("memberships")
    .select("role")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", payload.userId)
    .executeTakeFirst();
  const kpis =
    trends && role && wantsWorkspaceView(role.role) ? await trends(workspaceId, new Date(payload.at)) : [];
  return db.transaction().execute(async (tx) => {
    const prefs = await tx
      .selectFrom("notification_preferences")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", payload.userId)
      .forUpdate()
      .executeTakeFirst();
    if (!prefs || prefs.digest === "none" || prefs.digest_version !== payload.version) return "stale";
    const at = new Date(payload.at);
    if (prefs.last_digest_at && new Date(prefs.last_digest_at).getTime() >= at.getTime())
      return "done_before";
    const member = await tx
      .selectFrom("memberships")
      .select("role")
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", payload.userId)
      .executeTakeFirst();
    if (!member) return "stale";
    const frequency = prefs.digest;
    const from = prefs.last_digest_at
      ? new Date(prefs.last_digest_at)
      : new Date(at.getTime() - digestSpanMs(frequency));
    const digest = await buildDigest(tx, {
      workspaceId,
      userId: payload.userId,
      role: member.role,
      frequency,
      from,
      to: at,
      kpis,
    });
    let outcome: DigestOutcome = "empty";
    if (!digestIsEmpty(digest)) {
      outcome = "no_mail";
      if (await mailEnabled(tx, workspaceId)) {
        const mail: MailPayload = { type: "digest", userId: payload.userId, digest };
        await enqueue(tx, { workspaceId, topic: MAIL_TOPIC, payload: mail });
        outcome = "queued";
      }
    }
    await tx
      .updateTable("notification_preferences")
      .set({ last_digest_at: at })
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", payload.userId)
      .execute();
    const next = nextDigestAt(frequency, new Date(Math.max(at.getTime(), now.getTime())));
    if (next) {
      const nextPayload: DigestPayload = { ...payload, at: next.toISOString() };
      await enqueue(tx, { workspaceId, topic: DIGEST_TOPIC, payload: nextPayload, availableAt: next });
    }
    return outcome;
  });
}

/**
 * POST /notifications/digest-preview: the caller's digest as it would be sent now (the period since
 * their last digest, else one day or week), rendered in their language; `send` also queues it by
 * e-mail without moving the schedule.
 */
export async function previewDigest(
  ctx: WorkspaceContext,
  input: TDigestPreviewRequest,
  baseUrl: string,
  now: Date = new Date(),
  trends?: KpiTrends,
): Promise<TDigestPreview> {
  const userId = requirePerson(ctx);
  const ws = ctx.access.workspaceId;
  const [prefs, user] = await Promise.all([
    ctx.db
      .selectFrom("notification_preferences")
      .select(["digest", "last_digest_at"])
      .where("workspace_id", "=", ws)
      .where("user_id", "=", userId)
      .executeTakeFirst(),
    ctx.db.selectFrom("users").select(["name", "locale"]).where("id", "=", userId).executeTakeFirstOrThrow(),
  ]);
  const frequency = input.frequency ?? (prefs?.digest === "weekly" ? "weekly" : "daily");
  const from = prefs?.last_digest_at
    ? new Date(prefs.last_digest_at)
    : new Date(now.getTime() - digestSpanMs(frequency));
  const role = ctx.access.role ?? "viewer";
  const kpis = trends && wantsWorkspaceView(role) ? await trends(ws, now) : [];
  const digest = await buildDigest(ctx.db, { workspaceId: ws, userId, role, frequency, from, to: now, kpis });
  const rendered = renderDigestMail(digest, {
    locale: asLocale(user.locale),
    recipientName: user.name,
    baseUrl,
    workspaceId: ws,
  });
  const empty = digestIsEmpty(digest);
  let sent = false;
  if (input.send && !empty) {
    if (!(await mailEnabled(ctx.db, ws)))
      throw new AppError("conflict", "E-mail is not enabled for this workspace");
    const mail: MailPayload = { type: "digest", userId, digest };
    await enqueue(ctx.db, { workspaceId: ws, topic: MAIL_TOPIC, payload: mail });
    sent = true;
  }
  return { empty, sent, digest, ...rendered };
}
