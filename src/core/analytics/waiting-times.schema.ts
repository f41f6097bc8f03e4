import { z } from "@hono/zod-openapi";
import { ZScope, ZWindow } from "./scope.js";
import { ZStep } from "./steps.js";

/**
 * Default histogram bounds in seconds (log-spaced): buckets [0, 1 min), [1 min, 5 min), [5 min, 15 min),
 * [15 min, 1 h), [1 h, 4 h), [4 h, 1 d), [1 d, 3 d), [3 d, 7 d), [7 d, 30 d) and [30 d, ∞).
 */
export const DEFAULT_WAIT_BUCKETS = [
  60, 300, 900, 3_600, 14_400, 86_400, 259_200, 604_800, 2_592_000,
] as const;

const ZBuckets = z
  .array(z.number().positive().max(315_360_000))
  .min(1)
  .max(30)
  .refine((b) => b.every((v, i) => i === 0 || v > (b[i - 1] as number)), "bounds must be strictly ascending")
  .openapi({
    description:
      "Histogram bounds in seconds, strictly ascending; the buckets are [0, b1), [b1, b2), …, [bn, ∞). " +
      "Default: 60, 300, 900, 3600, 14400, 86400, 259200, 604800, 2592000 (1 min … 30 d).",
  });

export const ZWaitingTimesRequest = ZScope.extend({
  fromStep: ZStep,
  toStep: ZStep,
  window: ZWindow,
  targetSeconds: z.number().positive().max(315_360_000).optional(),
  buckets: ZBuckets.optional(),
});
export type TWaitingTimesRequest = z.infer<typeof ZWaitingTimesRequest>;
export type TWaitingTimesInput = z.input<typeof ZWaitingTimesRequest>;

const ZSeconds = z.number().nullable();

export const ZWaitingTimes = z.object({
  /** Number of waits (pairs of a `from` event and the first `to` event after it within the window). */
  n: z.number().int(),
  medianSeconds: ZSeconds,
  p90Seconds: ZSeconds,
  meanSeconds: ZSeconds,
  /** Waits longer than `targetSeconds` (strictly); null without a target. */
  overTarget: z.object({ count: z.number().int(), share: z.number().nullable() }).nullable(),
  /** `toSeconds` null: the open last bucket. */
  histogram: z.array(
    z.object({ fromSeconds: z.number(), toSeconds: z.number().nullable(), count: z.number().int() }),
  ),
  /** Weeks (Monday, in `timezone`, of the wait's `from` event) that have waits, oldest first. */
  weekly: z.array(
    z.object({ week: z.string(), n: z.number().int(), medianSeconds: ZSeconds, p90Seconds: ZSeconds }),
  ),
});
export type TWaitingTimes = z.infer<typeof ZWaitingTimes>;

const ZTargetSeconds = z.number().positive().max(315_360_000);

export const ZSlowestHandoversRequest = ZScope.extend({
  journeyId: z.string().max(64),
  window: ZWindow,
  /** The waiting target of every hand-over without a step target of its own. */
  targetSeconds: ZTargetSeconds.optional(),
  /** Per step: the longest acceptable wait before it (the hand-over into that step). */
  stepTargets: z
    .array(z.object({ stepId: z.string().min(1).max(100), targetSeconds: ZTargetSeconds }))
    .max(200)
    .optional(),
});
export type TSlowestHandoversRequest = z.infer<typeof ZSlowestHandoversRequest>;
export type TSlowestHandoversInput = z.input<typeof ZSlowestHandoversRequest>;

const ZHandoverStep = z.object({
  stepId: z.string(),
  title: z.string(),
  stageId: z.string(),
  touchpointId: z.string(),
});

export const ZSlowestHandovers = z.object({
  journeyId: z.string(),
  /** Pairs of consecutive mapped steps, by p90 descending (pairs without waits last, in journey order). */
  items: z.array(
    z.object({
      from: ZHandoverStep,
      to: ZHandoverStep,
      n: z.number().int(),
      medianSeconds: ZSeconds,
      p90Seconds: ZSeconds,
      /** The target that applies (the `to` step's, else `targetSeconds`); null without one. */
      targetSeconds: z.number().nullable(),
      /** Waits longer than the target (strictly); null without a target. */
      overTarget: z.object({ count: z.number().int(), share: z.number().nullable() }).nullable(),
    }),
  ),
  /** Steps left out, in journey order: without touchpoint, whose touchpoint has no matchers, or matchers
   * the reports cannot read (a path outside properties, context and traits). */
  skipped: z.array(
    z.object({ stepId: z.string(), reason: z.enum(["no_touchpoint", "no_matchers", "unreadable_matchers"]) }),
  ),
});
export type TSlowestHandovers = z.infer<typeof ZSlowestHandovers>;
