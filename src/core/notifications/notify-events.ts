import type { TAlert } from "../alerts/alerts.schema.js";
import type { Db } from "../db/connect.js";
import type { Role } from "../db/schema.js";
import { ROLES } from "../permissions/index.js";
import { notify, type Recipients, safeAppPath } from "./notify.js";

/** Who hears of an alert whose details name no recipients. */
export const DEFAULT_ALERT_ROLES: readonly Role[] = ["owner", "admin", "analyst"];

const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : undefined;

/** `alert.details.recipients` ({ userIds, teamIds, roles }) as set by alert rules, else the default roles. */
export function alertRecipients(alert: TAlert): Recipients {
  const r = alert.details.recipients as Record<string, unknown> | undefined;
  if (r && typeof r === "object") {
    const roles = strings(r.roles)?.filter((x): x is Role => (ROLES as readonly string[]).includes(x));
    const out: Recipients = { userIds: strings(r.userIds), teamIds: strings(r.teamIds), roles };
    if ((out.userIds?.length ?? 0) + (out.teamIds?.length ?? 0) + (out.roles?.length ?? 0) > 0) return out;
  }
  return { roles: DEFAULT_ALERT_ROLES };
}

/** The alert's own words for the body: `details.summary`, else an emerging topic's label and count. */
function alertBody(alert: TAlert): string {
  const d = alert.details;
  if (typeof d.summary === "string") return d.summary;
  const label = (d.label as { en?: unknown } | undefined)?.en;
  if (typeof label === "string" && typeof d.count === "number") return `${label}: ${d.count}`;
  return "";
}

function alertLink(workspaceId: string, alert: TAlert): string | undefined {
  const own = safeAppPath(typeof alert.details.link === "string" ? alert.details.link : null);
  if (own?.startsWith(`/w/${workspaceId}/`)) return own;
  return alert.kind === "emerging_topic" ? `/w/${workspaceId}/topics` : undefined;
}

/** Notifies the recipients of each raised alert (inside the raising transaction). */
export async function notifyAlerts(db: Db, workspaceId: string, alerts: readonly TAlert[]): Promise<void> {
  for (const alert of alerts) {
    await notify(db, workspaceId, alertRecipients(alert), {
      kind: "alert",
      title: alert.title,
      body: alertBody(alert),
      link: alertLink(workspaceId, alert),
      severity: alert.severity,
      sourceId: alert.id,
    });
  }
}

/** The case's title, and the words of its latest signal (what the customer said, what happened). */
async function caseText(
  db: Db,
  workspaceId: string,
  caseId: string,
): Promise<{ title: string; body: string }> {
  const c = await db
    .selectFrom("cases")
    .select("title")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", caseId)
    .executeTakeFirst();
  const signal = await db
    .selectFrom("case_signals")
    .select("summary")
    .where("workspace_id", "=", workspaceId)
    .where("case_id", "=", caseId)
    .orderBy("occurred_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return { title: c?.title ?? "", body: signal?.summary.slice(0, 500) ?? "" };
}

export type CaseNotificationKind = "case_assigned" | "case_sla_breached" | "case_escalated";

const CASE_SEVERITY = {
  case_assigned: "info",
  case_sla_breached: "warning",
  case_escalated: "critical",
} as const;

/**
 * Notifies about a case: its assignee, or the members of its team when it waits in the team's queue.
 * `exceptUserId` (the person who acted) is not told about their own action.
 */
export async function notifyCase(
  db: Db,
  workspaceId: string,
  caseId: string,
  kind: CaseNotificationKind,
  to: { userId: string | null; teamId?: string | null | undefined },
  exceptUserId: string | null = null,
): Promise<void> {
  const recipients: Recipients = to.userId
    ? { userIds: [to.userId] }
    : to.teamId
      ? { teamIds: [to.teamId] }
      : {};
  if (!recipients.userIds && !recipients.teamIds) return;
  if (to.userId && to.userId === exceptUserId) return;
  await notify(db, workspaceId, recipients, {
    kind,
    ...(await caseText(db, workspaceId, caseId)),
    link: `/w/${workspaceId}/cases/${caseId}`,
    severity: CASE_SEVERITY[kind],
    sourceId: caseId,
  });
}
