import type { WorkspaceContext } from "../context.js";
import { AppError } from "../errors.js";
import { notifyCase } from "../notifications/notify-events.js";
import { emitCaseEvent } from "./case-events.js";
import { loadCase, requireCase } from "./case-row.js";
import type { TAssignCase, TCase } from "./cases.schema.js";
import { requireMember, requireRef } from "./refs.js";
import { nextTeamMember } from "./route-case.js";
import { addTimeline, timelineActor } from "./timeline.js";

/**
 * POST /cases/{id}/assign: to a member, to a team (its next member in turn), or both; `null`
 * clears. Resolved and closed cases keep their owner.
 */
export async function assignCase(
  ctx: WorkspaceContext,
  caseId: string,
  input: TAssignCase,
  now: Date = new Date(),
): Promise<TCase> {
  const ws = ctx.access.workspaceId;
  await ctx.db.transaction().execute(async (tx) => {
    const c = await requireCase(tx, ws, caseId, true);
    if (c.status === "resolved" || c.status === "closed")
      throw new AppError("conflict", `A ${c.status} case cannot be reassigned`);
    if (input.userId) await requireMember(tx, ws, input.userId, "/body/userId");
    if (input.teamId) await requireRef(tx, ws, "teams", input.teamId, "/body/teamId");
    const teamId = input.teamId === undefined ? c.team_id : input.teamId;
    let userId = input.userId === undefined ? c.assignee_user_id : input.userId;
    if (input.userId === undefined && input.teamId) userId = await nextTeamMember(tx, ws, input.teamId);
    await tx
      .updateTable("cases")
      .set({ assignee_user_id: userId, team_id: teamId, last_activity_at: now, updated_at: now })
      .where("id", "=", caseId)
      .execute();
    await addTimeline(tx, {
      workspaceId: ws,
      caseId,
      at: now,
      ...timelineActor(ctx.access),
      kind: "assigned",
      data: { from: c.assignee_user_id, userId, teamId, reason: "manual" },
    });
    await emitCaseEvent(tx, ws, "case.assigned", caseId, now);
    // Tell the new owner (or the team, when the case waits in its queue); not a repeat to the same one.
    if (userId !== c.assignee_user_id || (userId === null && teamId !== c.team_id)) {
      const actor = ctx.access.actor.kind === "user" ? ctx.access.actor.userId : null;
      await notifyCase(tx, ws, caseId, "case_assigned", { userId, teamId }, actor);
    }
  });
  return loadCase(ctx.db, ws, caseId);
}
