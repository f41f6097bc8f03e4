import type { Db } from "../db/connect.js";
import { notifyCase } from "../notifications/notify-events.js";
import { enqueue } from "../outbox/enqueue.js";
import { emitCaseEvent } from "./case-events.js";
import { requireCase } from "./case-row.js";
import { DEFAULT_SLA_MINUTES, type TCasePriority, type TCaseSettings } from "./cases.schema.js";
import { nextTeamMember } from "./route-case.js";
import { addTimeline } from "./timeline.js";
import { addWatcher, journeyOwner } from "./watchers.js";

export const SLA_TOPIC = "cases.sla";

export interface SlaPayload {
  caseId: string;
  /** The check this message was scheduled for; a newer schedule on the case supersedes it. */
  checkAt: string;
}

export async function getCaseSettings(db: Db, workspaceId: string): Promise<TCaseSettings> {
  const row = await db
    .selectFrom("case_settings")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  return {
    slaMinutes: { ...DEFAULT_SLA_MINUTES, ...(row?.sla_minutes ?? {}) },
    staleMinutes: row?.stale_minutes ?? null,
    followUpTriggerId: row?.follow_up_trigger_id ?? null,
  };
}

const MINUTE = 60_000;

export async function slaDueAt(
  db: Db,
  workspaceId: string,
  priority: TCasePriority,
  from: Date,
): Promise<Date> {
  const settings = await getCaseSettings(db, workspaceId);
  return new Date(from.getTime() + settings.slaMinutes[priority] * MINUTE);
}

/** Records the case's next check and enqueues it; older scheduled messages become no-ops. */
export async function scheduleSlaCheck(
  db: Db,
  workspaceId: string,
  caseId: string,
  at: Date | null,
): Promise<void> {
  await db.updateTable("cases").set({ next_check_at: at }).where("id", "=", caseId).execute();
  if (!at) return;
  const payload: SlaPayload = { caseId, checkAt: at.toISOString() };
  await enqueue(db, { workspaceId, topic: SLA_TOPIC, payload, availableAt: at });
}

export interface SlaOutcome {
  breached: boolean;
  escalatedTo: { level: number; userId: string | null } | null;
  reassignedTo: string | null;
  nextCheckAt: Date | null;
}

/**
 * Applies the SLA at `now`: a case past its due time is marked breached and escalated to its team's
 * lead (level 1); one SLA span later to the journey owner (level 2). An open case without activity
 * for the workspace's stale time goes to the next member of its team. Then schedules the next check.
 * Idempotent: it acts on the case's state, so a repeated or superseded message changes nothing.
 */
export async function checkCaseSla(
  db: Db,
  workspaceId: string,
  payload: SlaPayload | { caseId: string; checkAt?: undefined },
  now: Date,
): Promise<SlaOutcome | null> {
  return db.transaction().execute(async (tx) => {
    const c = await requireCase(tx, workspaceId, payload.caseId, true).catch(() => undefined);
    if (!c || c.status === "resolved" || c.status === "closed") return null;
    // Waiting for the customer: the clock stands still; leaving that status schedules the next check.
    if (c.sla_paused_at !== null) return null;
    if (payload.checkAt && (!c.next_check_at || new Date(c.next_check_at).toISOString() !== payload.checkAt))
      return null;
    const settings = await getCaseSettings(tx, workspaceId);
    const span = settings.slaMinutes[c.priority] * MINUTE;
    const due = new Date(c.due_at).getTime();
    const sys = { workspaceId, caseId: c.id, at: now, actorType: "system" as const, actorId: null };
    const out: SlaOutcome = { breached: false, escalatedTo: null, reassignedTo: null, nextCheckAt: null };
    let level = c.escalation_level;
    let breachedAt = c.sla_breached_at;

    if (now.getTime() >= due && breachedAt === null) {
      breachedAt = now;
      out.breached = true;
      await tx
        .updateTable("cases")
        .set({ sla_breached_at: now, updated_at: now })
        .where("id", "=", c.id)
        .execute();
      await addTimeline(tx, { ...sys, kind: "sla_breached", data: { dueAt: new Date(due).toISOString() } });
      await emitCaseEvent(tx, workspaceId, "case.sla_breached", c.id, now);
      await notifyCase(tx, workspaceId, c.id, "case_sla_breached", {
        userId: c.assignee_user_id,
        teamId: c.team_id,
      });
    }
    const wantLevel = breachedAt === null ? 0 : now.getTime() >= due + span ? 2 : 1;
    while (level < wantLevel) {
      level++;
      let target = level === 1 ? await teamLead(tx, workspaceId, c.team_id) : null;
      if (level === 1 && (target === null || target === c.assignee_user_id)) level = 2;
      if (level === 2) target = c.journey_id ? await journeyOwner(tx, workspaceId, c.journey_id) : null;
      await tx
        .updateTable("cases")
        .set({ escalation_level: level, escalated_to_user_id: target, updated_at: now })
        .where("id", "=", c.id)
        .execute();
      if (target) {
        await addWatcher(tx, workspaceId, c.id, target, "escalation", now);
        await notifyCase(tx, workspaceId, c.id, "case_escalated", { userId: target });
      }
      await addTimeline(tx, { ...sys, kind: "escalated", data: { level, userId: target } });
      out.escalatedTo = { level, userId: target };
    }

    let lastActivity = new Date(c.last_activity_at).getTime();
    const stale = settings.staleMinutes === null ? null : settings.staleMinutes * MINUTE;
    const staleable =
      stale !== null && c.team_id !== null && (c.status === "new" || c.status === "in_progress");
    if (staleable && now.getTime() - lastActivity >= stale) {
      const next = await nextTeamMember(tx, workspaceId, c.team_id as string, c.assignee_user_id);
      if (next && next !== c.assignee_user_id) {
        await tx
          .updateTable("cases")
          .set({ assignee_user_id: next, last_activity_at: now, updated_at: now })
          .where("id", "=", c.id)
          .execute();
        await addTimeline(tx, {
          ...sys,
          kind: "reassigned",
          data: { from: c.assignee_user_id, userId: next, reason: "stale" },
        });
        await emitCaseEvent(tx, workspaceId, "case.assigned", c.id, now);
        await notifyCase(tx, workspaceId, c.id, "case_assigned", { userId: next });
        out.reassignedTo = next;
      }
      lastActivity = now.getTime();
    }

    const candidates: number[] = [];
    if (breachedAt === null) candidates.push(due);
    else if (level < 2) candidates.push(due + span);
    if (staleable && stale !== null) candidates.push(lastActivity + stale);
    const future = candidates.filter((t) => t > now.getTime());
    out.nextCheckAt = future.length > 0 ? new Date(Math.min(...future)) : null;
    await scheduleSlaCheck(tx, workspaceId, c.id, out.nextCheckAt);
    return out;
  });
}

async function teamLead(db: Db, workspaceId: string, teamId: string | null): Promise<string | null> {
  if (!teamId) return null;
  const t = await db
    .selectFrom("teams")
    .select("lead_user_id")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", teamId)
    .executeTakeFirst();
  return t?.lead_user_id ?? null;
}
