import type { WorkspaceContext } from "../context.js";
import { invalid } from "../errors.js";
import { requireTeam } from "../teams/team-row.js";
import { toCase } from "./case-row.js";
import { CASE_OPEN_STATUSES, type TCase } from "./cases.schema.js";
import type { TQueue, TQueueQuery, TTeamView } from "./cockpit.schema.js";

const LIMIT = 200;

function counts(cases: TCase[], now: Date, hours: number) {
  const soon = now.getTime() + hours * 3_600_000;
  return {
    open: cases.length,
    breached: cases.filter((c) => c.slaBreachedAt !== null || Date.parse(c.dueAt) <= now.getTime()).length,
    dueSoon: cases.filter(
      (c) => c.slaBreachedAt === null && Date.parse(c.dueAt) > now.getTime() && Date.parse(c.dueAt) <= soon,
    ).length,
  };
}

/** GET /cases/queue: an agent's open cases by SLA due time, and the cases they watch. */
export async function caseQueue(
  ctx: WorkspaceContext,
  query: TQueueQuery,
  now: Date = new Date(),
): Promise<TQueue> {
  const ws = ctx.access.workspaceId;
  const actor = ctx.access.actor;
  const userId = query.userId ?? (actor.kind === "user" ? actor.userId : undefined);
  if (!userId)
    throw invalid("/query/userId", "an API key must name the user whose queue it reads", "required");
  const open = () =>
    ctx.db
      .selectFrom("cases")
      .selectAll("cases")
      .where("cases.workspace_id", "=", ws)
      .where("cases.status", "in", CASE_OPEN_STATUSES)
      .orderBy("cases.due_at")
      .orderBy("cases.id")
      .limit(LIMIT);
  const assigned = (await open().where("cases.assignee_user_id", "=", userId).execute()).map((r) =>
    toCase(r),
  );
  const watching = (
    await open()
      .innerJoin("case_watchers as w", "w.case_id", "cases.id")
      .where("w.user_id", "=", userId)
      .where("w.workspace_id", "=", ws)
      .execute()
  ).map((r) => toCase(r));
  return { userId, counts: counts(assigned, now, query.dueWithinHours), assigned, watching };
}

/** GET /teams/{teamId}/cases: the team's open cases, load per member and the unassigned rest. */
export async function teamView(
  ctx: WorkspaceContext,
  teamId: string,
  now: Date = new Date(),
): Promise<TTeamView> {
  const ws = ctx.access.workspaceId;
  await requireTeam(ctx.db, ws, teamId);
  const rows = await ctx.db
    .selectFrom("cases")
    .selectAll()
    .where("workspace_id", "=", ws)
    .where("team_id", "=", teamId)
    .where("status", "in", CASE_OPEN_STATUSES)
    .orderBy("due_at")
    .orderBy("id")
    .limit(LIMIT)
    .execute();
  const cases = rows.map((r) => toCase(r));
  const members = await ctx.db
    .selectFrom("team_members")
    .select("user_id")
    .where("workspace_id", "=", ws)
    .where("team_id", "=", teamId)
    .orderBy("created_at")
    .execute();
  const late = (c: TCase) => c.slaBreachedAt !== null || Date.parse(c.dueAt) <= now.getTime();
  return {
    teamId,
    counts: counts(cases, now, 24),
    members: members.map((m) => {
      const mine = cases.filter((c) => c.assigneeUserId === m.user_id);
      return { userId: m.user_id, open: mine.length, breached: mine.filter(late).length };
    }),
    unassigned: cases.filter((c) => c.assigneeUserId === null).length,
    cases,
  };
}
