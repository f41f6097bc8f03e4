import type { Updateable } from "kysely";
import { sql } from "kysely";
import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import type { FeedbackTable } from "../db/schema.js";
import { AppError } from "../errors.js";
import { referenceErrors } from "./check-references.js";
import type { TFeedback, TUpdateFeedback } from "./feedback.schema.js";
import { findFeedbackRow, toFeedback } from "./feedback-row.js";
import { enqueueFeedbackRelay } from "./relay.js";

/**
 * Flags, unflags or relinks a record. Every change bumps the version and queues the relay in the
 * same transaction, so the facts store follows; changing the journey without a step clears the
 * step, since a step belongs to one journey.
 */
export async function updateFeedback(
  ctx: WorkspaceContext,
  id: string,
  input: TUpdateFeedback,
): Promise<TFeedback> {
  const workspaceId = ctx.access.workspaceId;
  const current = await findFeedbackRow(ctx.db, workspaceId, id);
  const journeyId = input.journeyId !== undefined ? input.journeyId : current.journey_id;
  const journeyChanged = input.journeyId !== undefined && input.journeyId !== current.journey_id;
  const stepId = input.stepId !== undefined ? input.stepId : journeyChanged ? null : current.step_id;
  if (stepId && !journeyId)
    throw new AppError("validation_failed", "a step needs its journey", {
      errors: [{ pointer: "/body/stepId", code: "invalid", message: "a step needs its journeyId" }],
    });
  const errors = await referenceErrors(ctx.db, workspaceId, [
    {
      pointer: "/body",
      refs: {
        touchpointId: input.touchpointId,
        journeyId,
        // Only a step named now needs checking; a kept step was checked when it was set.
        stepId: input.stepId !== undefined ? stepId : undefined,
      },
    },
  ]);
  if (errors.length > 0)
    throw new AppError("validation_failed", errors.map((e) => `${e.pointer}: ${e.message}`).join("; "), {
      errors,
    });

  const set: Updateable<FeedbackTable> = { step_id: stepId?.toLowerCase() ?? null };
  if (input.touchpointId !== undefined) set.touchpoint_id = input.touchpointId?.toLowerCase() ?? null;
  if (input.journeyId !== undefined) set.journey_id = input.journeyId?.toLowerCase() ?? null;
  const flagged = input.flagged ?? current.flagged;
  if (input.flagged !== undefined) set.flagged = input.flagged;
  if (!flagged) set.flag_reason = null;
  else if (input.flagReason !== undefined) set.flag_reason = input.flagReason || null;

  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable("feedback")
      .set({ ...set, version: sql<number>`version + 1`, updated_at: new Date() })
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", current.id)
      .execute();
    await enqueueFeedbackRelay(tx, workspaceId, [current.id]);
    await recordAudit(tx, {
      workspaceId,
      actor: ctx.access.actor,
      action:
        input.flagged === true
          ? "feedback.flag"
          : input.flagged === false
            ? "feedback.unflag"
            : "feedback.update",
      targetType: "feedback",
      targetId: current.id,
      outcome: "success",
      details: { ...input },
      requestId: ctx.requestId,
    });
  });
  return toFeedback(await findFeedbackRow(ctx.db, workspaceId, current.id));
}
