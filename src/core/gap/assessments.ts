import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { AppError, invalid, notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import { hasScope } from "../permissions/index.js";
import type { TAssessment, TSubmitAssessment } from "./gap.schema.js";
import { assessmentQuery, toAssessment } from "./round-row.js";

/** Allowed predicted values: CSAT in percent, NPS in points. */
const PREDICTED_RANGE = { csat: [0, 100], nps: [-100, 100] } as const;

/**
 * The caller's assessments: by default the open ones of open rounds (`status: "all"` adds the
 * answered ones and closed rounds). Only people have assessments; an API key gets 403.
 */
export async function listMyAssessments(
  ctx: WorkspaceContext,
  status: "open" | "all" = "open",
): Promise<TAssessment[]> {
  const actor = ctx.access.actor;
  if (actor.kind !== "user") throw new AppError("forbidden", "only a signed-in person has assessments");
  let q = assessmentQuery(ctx.db, ctx.access.workspaceId).where("a.owner_user_id", "=", actor.userId);
  if (status === "open") q = q.where("a.answered_at", "is", null).where("r.status", "=", "open");
  return (await q.execute()).map(toAssessment);
}

/**
 * Answers (or re-answers, while the round is open) one assessment. Only its owner may, or anyone
 * with admin rights (e.g. for an owner on leave); others get 403.
 */
export async function submitAssessment(
  ctx: WorkspaceContext,
  id: string,
  input: TSubmitAssessment,
  now = new Date(),
): Promise<TAssessment> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  if (!isUuid(id)) throw notFound("Assessment");
  const row = await assessmentQuery(db, workspaceId).where("a.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Assessment");
  const actorUser = access.actor.kind === "user" ? access.actor.userId : null;
  const isOwner = actorUser !== null && row.owner_user_id === actorUser;
  if (!isOwner && !hasScope(access, "admin"))
    throw new AppError("forbidden", "only the assessment's owner or an admin can answer it");
  if (row.round_status !== "open")
    throw new AppError("conflict", "the round is closed; its assessments can no longer change");
  if (input.predicted) {
    const [lo, hi] = PREDICTED_RANGE[input.predicted.metric];
    if (input.predicted.value < lo || input.predicted.value > hi)
      throw invalid(
        "/body/predicted/value",
        `a predicted ${input.predicted.metric.toUpperCase()} lies between ${lo} and ${hi}`,
        "out_of_range",
      );
  }
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable("assessments")
      .set({
        rating: input.rating,
        predicted_metric: input.predicted?.metric ?? null,
        predicted_value: input.predicted ? Math.round(input.predicted.value * 10) / 10 : null,
        comment: input.comment.trim(),
        answered_at: now,
        answered_by: actorUser,
      })
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .execute();
    await recordAudit(tx, {
      workspaceId,
      actor: access.actor,
      action: "assessment.submit",
      targetType: "assessment",
      targetId: id,
      outcome: "success",
      details: { roundId: row.round_id, touchpointId: row.touchpoint_id, onBehalf: !isOwner },
      requestId: ctx.requestId,
    });
  });
  const updated = await assessmentQuery(db, workspaceId).where("a.id", "=", id).executeTakeFirstOrThrow();
  return toAssessment(updated);
}
