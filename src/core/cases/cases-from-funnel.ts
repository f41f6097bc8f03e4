import { createHash } from "node:crypto";
import { z } from "zod";
import type { TFunnelDroppedRequest } from "../analytics/funnel.schema.js";
import { ZFunnelDroppedRequest } from "../analytics/funnel.schema.js";
import { funnelDropped } from "../analytics/reports/funnel.js";
import { AppError } from "../errors.js";
import type { ReportContext } from "../metrics/report-context.js";
import { hasScope } from "../permissions/index.js";
import { CASE_PRIORITIES } from "./cases.schema.js";
import { openOrAttachCase } from "./open-or-attach.js";
import { requireRef } from "./refs.js";

export const ZCasesFromFunnel = ZFunnelDroppedRequest.extend({
  /** The cases' title, e.g. "Abbruch vor der Terminbestätigung". */
  title: z.string().trim().min(1).max(300),
  priority: z.enum(CASE_PRIORITIES).default("normal"),
  /** The journey the drop-off belongs to (its owner watches the cases). */
  journeyId: z.uuid().nullable().optional(),
  /** Where the customers dropped: routing goes to this touchpoint's owner. */
  touchpointId: z.uuid().nullable().optional(),
});
export type TCasesFromFunnel = z.infer<typeof ZCasesFromFunnel>;

export const ZCasesFromFunnelResult = z.object({
  /** Dropped units considered (at most `limit`). */
  units: z.number().int(),
  created: z.number().int(),
  /** Attached to the customer's open case of that journey instead of opening another. */
  attached: z.number().int(),
  /** Already raised by an earlier run of the same funnel and step: nothing new. */
  unchanged: z.number().int(),
  caseIds: z.array(z.string()),
});
export type TCasesFromFunnelResult = z.infer<typeof ZCasesFromFunnelResult>;

/**
 * The funnel's identity without paging: the same funnel and step give the same signal refs (and the
 * same invitation event ids in survey-from-funnel.ts).
 */
export function funnelKey(q: TFunnelDroppedRequest): string {
  const { limit: _limit, ...rest } = q;
  return createHash("sha256").update(JSON.stringify(rest)).digest("hex").slice(0, 16);
}

/**
 * Turns the customers who dropped out of a funnel before `step` into cases (docs/api/act.md,
 * "Cases from a funnel"): one signal per unit, keyed by funnel and step, so running it again adds
 * nothing and a customer's open case of that journey takes the signal instead of a second case.
 */
export async function casesFromFunnel(
  ctx: ReportContext,
  input: TCasesFromFunnel,
  now = new Date(),
): Promise<TCasesFromFunnelResult> {
  if (!hasScope(ctx.access, "write")) throw new AppError("forbidden", "Opening cases needs write access");
  const ws = ctx.access.workspaceId;
  if (input.journeyId) await requireRef(ctx.db, ws, "journeys", input.journeyId, "/body/journeyId");
  if (input.touchpointId)
    await requireRef(ctx.db, ws, "touchpoints", input.touchpointId, "/body/touchpointId");
  const { title, priority, journeyId, touchpointId, ...request } = input;
  const dropped = await funnelDropped(ctx, request);
  const key = funnelKey(request);
  const out: TCasesFromFunnelResult = {
    units: dropped.items.length,
    created: 0,
    attached: 0,
    unchanged: 0,
    caseIds: [],
  };
  for (const item of dropped.items) {
    const ref = `funnel:${key}:${request.step}:${item.unit}`;
    const result = await ctx.db.transaction().execute(async (tx) => {
      const known = await tx
        .selectFrom("case_signals")
        .select("case_id")
        .where("workspace_id", "=", ws)
        .where("kind", "=", "funnel_drop")
        .where("ref", "=", ref)
        .executeTakeFirst();
      if (known) return { caseId: known.case_id, outcome: "unchanged" as const };
      const opened = await openOrAttachCase(
        tx,
        {
          workspaceId: ws,
          customerId: item.customerId ?? item.unit,
          journeyId: journeyId ?? null,
          touchpointId: touchpointId ?? null,
          priority,
          title,
          actorUserId: ctx.access.actor.kind === "user" ? ctx.access.actor.userId : null,
          signal: {
            kind: "funnel_drop",
            ref,
            summary: `${title}: reached step ${request.step} (“${labelOf(request, request.step - 1)}”) at ${item.reachedAt}, not step ${request.step + 1} (“${labelOf(request, request.step)}”)`,
            occurredAt: new Date(item.reachedAt),
          },
        },
        now,
      );
      return {
        caseId: opened.caseId,
        outcome: opened.created ? ("created" as const) : ("attached" as const),
      };
    });
    out[result.outcome]++;
    out.caseIds.push(result.caseId);
  }
  return out;
}

function labelOf(q: TFunnelDroppedRequest, index: number): string {
  const step = q.steps[index] as { event?: string; label?: string } | undefined;
  return step?.label ?? step?.event ?? String(index + 1);
}
