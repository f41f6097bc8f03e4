import type { WorkspaceContext } from "../context.js";
import { AppError } from "../errors.js";
import { emitCaseEvent } from "./case-events.js";
import { loadCase, requireCase } from "./case-row.js";
import { CASE_OPEN_STATUSES, type TCase, type TResolveCase } from "./cases.schema.js";
import { scheduleFollowUp } from "./follow-up.js";
import { getCaseSettings, scheduleSlaCheck } from "./sla.js";
import { applySlaPause } from "./sla-pause.js";
import { addTimeline, timelineActor } from "./timeline.js";

/**
 * POST /cases/{id}/resolve: root-cause category and resolution note are required; the SLA stops,
 * `case.resolved` is emitted and, when the workspace configured a follow-up trigger and the case has
 * a customer, the follow-up CSAT survey is scheduled through the survey engine.
 */
export async function resolveCase(
  ctx: WorkspaceContext,
  caseId: string,
  input: TResolveCase,
  now: Date = new Date(),
): Promise<TCase> {
  const ws = ctx.access.workspaceId;
  await ctx.db.transaction().execute(async (tx) => {
    const c = await requireCase(tx, ws, caseId, true);
    if (!(CASE_OPEN_STATUSES as readonly string[]).includes(c.status))
      throw new AppError("conflict", `The case is already ${c.status}`);
    const base = { workspaceId: ws, caseId, at: now, ...timelineActor(ctx.access) };
    await tx
      .updateTable("cases")
      .set({
        status: "resolved",
        root_cause: input.rootCause,
        resolution_note: input.note,
        resolved_at: now,
        last_activity_at: now,
        updated_at: now,
      })
      .where("id", "=", caseId)
      .execute();
    await addTimeline(tx, {
      ...base,
      kind: "resolved",
      data: { from: c.status, rootCause: input.rootCause, note: input.note },
    });
    await applySlaPause(tx, c, "resolved", now, false);
    await scheduleSlaCheck(tx, ws, caseId, null);
    const settings = await getCaseSettings(tx, ws);
    if (input.followUp && settings.followUpTriggerId) {
      const resolutions = await tx
        .selectFrom("case_timeline")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("workspace_id", "=", ws)
        .where("case_id", "=", caseId)
        .where("kind", "=", "resolved")
        .executeTakeFirstOrThrow();
      const sent = await scheduleFollowUp(tx, c, settings.followUpTriggerId, Number(resolutions.n), now);
      if (sent) {
        await tx
          .updateTable("cases")
          .set({ follow_up_invitation_id: sent.invitationId })
          .where("id", "=", caseId)
          .execute();
        await addTimeline(tx, { ...base, actorType: "system", actorId: null, kind: "follow_up", data: sent });
      }
    }
    await emitCaseEvent(tx, ws, "case.resolved", caseId, now);
  });
  return loadCase(ctx.db, ws, caseId);
}
