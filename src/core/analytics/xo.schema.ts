import { z } from "@hono/zod-openapi";
import { ZScope } from "./scope.js";

export const XO_METRICS = ["nps", "csat", "sentiment"] as const;
export type TXoMetric = (typeof XO_METRICS)[number];
export const XO_GROUPINGS = ["status", "contacts", "waiting", "path"] as const;
export type TXoBy = (typeof XO_GROUPINGS)[number];

/** Longest-wait bounds in seconds by default: [0, 1 h), [1 h, 1 d), [1 d, 3 d), [3 d, 7 d), [7 d, ∞). */
export const DEFAULT_XO_WAIT_BUCKETS = [3_600, 86_400, 259_200, 604_800] as const;
/** Feedback counts for an instance when received up to this many days after its last matched event. */
export const XO_GRACE_DAYS = 30;
/** Path groups: the most frequent paths (by instances), the rest merged into `"(other)"`. */
export const XO_MAX_PATHS = 10;
export const XO_OTHER = "(other)";
/** The rated-well / journey-bad check: step ratings high = normalised mean ≥ this. */
export const XO_STEP_HIGH = 0.75;
/** Overall low: an NPS at most this (a detractor) … */
export const XO_NPS_LOW = 6;
/** … or, for CSAT and sentiment, a normalised overall rating below this. */
export const XO_NORMALISED_LOW = 0.5;
export const XO_MAX_EXAMPLES = 20;

const ZWaitingBuckets = z
  .array(z.number().positive().max(315_360_000))
  .min(1)
  .max(20)
  .refine((b) => b.every((v, i) => i === 0 || v > (b[i - 1] as number)), "bounds must be strictly ascending")
  .openapi({
    description:
      "Longest-wait bounds in seconds, strictly ascending: groups [0, b1), [b1, b2), …, [bn, ∞). " +
      "Default 3600, 86400, 259200, 604800 (1 h, 1 d, 3 d, 7 d).",
  });

export const ZXoRequest = ZScope.extend({
  journeyId: z.string().max(64),
  metric: z.enum(XO_METRICS).default("nps"),
  by: z.enum(XO_GROUPINGS).default("status"),
  /** For `by: "path"`: the sequence of stages or of steps. */
  pathLevel: z.enum(["stage", "step"]).default("stage"),
  /** Which linked feedback feeds the group scores: all, the overall journey rating only, or step ratings. */
  feedback: z.enum(["all", "overall", "steps"]).default("all"),
  inactivityDays: z.number().int().min(1).max(365).default(30),
  waitingBuckets: ZWaitingBuckets.optional(),
});
export type TXoRequest = z.infer<typeof ZXoRequest>;
export type TXoInput = z.input<typeof ZXoRequest>;

const ZInterval = z
  .object({ low: z.number(), high: z.number(), level: z.literal(0.95), method: z.string() })
  .nullable();

export const ZXoGroup = z.object({
  /** status: completed | dropped | in_progress; contacts: 0 | 1 | 2 | 3+; waiting: "3600-86400",
   * "604800+"; path: titles joined by " > ", or "(other)". */
  group: z.string(),
  /** waiting only: the bucket's bounds in seconds (`toSeconds` null: open end). */
  fromSeconds: z.number().optional(),
  toSeconds: z.number().nullable().optional(),
  /** Journey instances started in [from, to) in this group. */
  instances: z.number().int(),
  /** Of those, instances with at least one linked feedback record of the chosen kind (`feedback`). */
  withFeedback: z.number().int(),
  /** Ratings (NPS, CSAT) or texts with a sentiment counted. */
  n: z.number().int(),
  /** NPS (−100…100, one decimal), CSAT % (one decimal), mean sentiment (−1…1, three decimals); null when n = 0. */
  score: z.number().nullable(),
  /** NPS ±1.96·SE, CSAT Wilson 95 %; null for sentiment and when n = 0. */
  interval: ZInterval,
});
export type TXoGroup = z.infer<typeof ZXoGroup>;

export const ZXoExample = z.object({
  unit: z.string(),
  /** The instance's number among the unit's instances of the journey (0, 1, …). */
  seq: z.number().int(),
  customerId: z.string().nullable(),
  /** Mean of the instance's step ratings, normalised to 0–1. */
  stepMean: z.number(),
  /** Mean of its overall ratings, normalised to 0–1 (NPS: value / 10). */
  overall: z.number(),
});

export const ZXo = z.object({
  journeyId: z.string(),
  metric: z.enum(XO_METRICS),
  by: z.enum(XO_GROUPINGS),
  definition: z.string(),
  /** All instances started in [from, to), with linked feedback, ratings counted, overall score. */
  total: z.object({
    instances: z.number().int(),
    withFeedback: z.number().int(),
    n: z.number().int(),
    score: z.number().nullable(),
  }),
  groups: z.array(ZXoGroup),
  ratedWellJourneyBad: z.object({
    /** Instances with both step ratings and an overall rating. */
    instances: z.number().int(),
    /** Of those: step ratings high, overall low. */
    count: z.number().int(),
    share: z.number().nullable(),
    /** At most 20, the widest gap (stepMean − overall) first. */
    examples: z.array(ZXoExample),
  }),
});
export type TXo = z.infer<typeof ZXo>;
