import type { Selectable } from "kysely";
import type { Db } from "../db/connect.js";
import type { CasesTable } from "../db/schema.js";
import { notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import type { TCase } from "./cases.schema.js";

export type CaseRow = Selectable<CasesTable>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toCase(
  r: CaseRow,
  watchers: { userId: string; reason: string }[] = [],
  signalCount = 0,
): TCase {
  return {
    id: r.id,
    title: r.title,
    customerId: r.customer_id,
    journeyId: r.journey_id,
    instanceKey: r.instance_key,
    touchpointId: r.touchpoint_id,
    stepId: r.step_id,
    channel: r.channel,
    aspect: r.aspect,
    segment: r.segment,
    status: r.status,
    priority: r.priority,
    assigneeUserId: r.assignee_user_id,
    teamId: r.team_id,
    escalationLevel: r.escalation_level,
    escalatedToUserId: r.escalated_to_user_id,
    rootCause: r.root_cause,
    resolutionNote: r.resolution_note,
    followUpInvitationId: r.follow_up_invitation_id,
    openedAt: new Date(r.opened_at).toISOString(),
    dueAt: new Date(r.due_at).toISOString(),
    slaBreachedAt: iso(r.sla_breached_at),
    slaPausedAt: iso(r.sla_paused_at),
    lastActivityAt: new Date(r.last_activity_at).toISOString(),
    resolvedAt: iso(r.resolved_at),
    closedAt: iso(r.closed_at),
    watchers,
    signalCount,
  };
}

/** The case row of the workspace, locked for update when `lock`; a foreign or unknown id is 404. */
export async function requireCase(
  db: Db,
  workspaceId: string,
  caseId: string,
  lock = false,
): Promise<CaseRow> {
  if (!isUuid(caseId)) throw notFound("case");
  let q = db.selectFrom("cases").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", caseId);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound("case");
  return row;
}

/** A case with its watchers and signal count, as the API returns it. */
export async function loadCase(db: Db, workspaceId: string, caseId: string): Promise<TCase> {
  const row = await requireCase(db, workspaceId, caseId);
  const watchers = await db
    .selectFrom("case_watchers")
    .select(["user_id", "reason"])
    .where("workspace_id", "=", workspaceId)
    .where("case_id", "=", caseId)
    .orderBy("created_at")
    .execute();
  const signals = await db
    .selectFrom("case_signals")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("workspace_id", "=", workspaceId)
    .where("case_id", "=", caseId)
    .executeTakeFirstOrThrow();
  return toCase(
    row,
    watchers.map((w) => ({ userId: w.user_id, reason: w.reason })),
    Number(signals.n),
  );
}
