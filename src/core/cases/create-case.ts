import type { WorkspaceContext } from "../context.js";
import { uuidv7 } from "../ids.js";
import { actorId } from "../permissions/index.js";
import { loadCase } from "./case-row.js";
import type { TCase, TCreateCase } from "./cases.schema.js";
import { openOrAttachCase } from "./open-or-attach.js";
import { requireRef } from "./refs.js";

/**
 * POST /cases: a person opens a case by hand. The one-open-case rule holds here too: a customer's
 * open case of the same journey instance gets the report as a signal instead (`created: false`).
 */
export async function createCase(
  ctx: WorkspaceContext,
  input: TCreateCase,
  now: Date = new Date(),
): Promise<{ case: TCase; created: boolean }> {
  const ws = ctx.access.workspaceId;
  if (input.journeyId) await requireRef(ctx.db, ws, "journeys", input.journeyId, "/body/journeyId");
  if (input.touchpointId)
    await requireRef(ctx.db, ws, "touchpoints", input.touchpointId, "/body/touchpointId");
  const actor = ctx.access.actor;
  const result = await ctx.db.transaction().execute((tx) =>
    openOrAttachCase(
      tx,
      {
        workspaceId: ws,
        customerId: input.customerId ?? null,
        journeyId: input.journeyId ?? null,
        instanceKey: input.instanceKey ?? null,
        touchpointId: input.touchpointId ?? null,
        stepId: input.stepId ?? null,
        channel: input.channel ?? null,
        aspect: input.aspect ?? null,
        segment: input.segment ?? null,
        signal: {
          kind: "manual",
          ref: `manual:${uuidv7(now.getTime())}`,
          summary: input.description ?? input.title,
          occurredAt: now,
          ruleId: null,
        },
        ...(input.priority && { priority: input.priority }),
        title: input.title,
        actorUserId: actor.kind === "user" ? actorId(actor) : null,
      },
      now,
    ),
  );
  return { case: await loadCase(ctx.db, ws, result.caseId), created: result.created };
}
