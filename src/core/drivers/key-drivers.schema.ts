import { z } from "@hono/zod-openapi";

/** Key driver analysis (docs/api/measure-the-gap.md §1). */
export const DRIVER_OUTCOMES = ["nps", "csat", "detractor"] as const;
export type TDriverOutcome = (typeof DRIVER_OUTCOMES)[number];
export const DRIVER_SETS = ["touchpoints", "stages", "aspects", "operations"] as const;
export type TDriverSet = (typeof DRIVER_SETS)[number];
export const QUADRANTS = ["strength", "weakness", "maintain", "opportunity"] as const;

/** At most this many drivers enter one model (the most observed); the rest are listed as excluded. */
export const MAX_DRIVERS = 30;
/** An NPS at most this is a detractor. */
export const DETRACTOR_MAX = 6;

export const ZKeyDriversRequest = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    journeyId: z.string().max(64).optional(),
    outcome: z.enum(DRIVER_OUTCOMES).default("nps"),
    driverSet: z.enum(DRIVER_SETS).default("touchpoints"),
    /** A driver observed for fewer respondents than this is left out (listed under `excluded`). */
    minN: z.number().int().min(1).max(100_000).default(30),
    /** listwise: only respondents with every driver; mean: a missing driver value counts as the driver's mean. */
    missing: z.enum(["listwise", "mean"]).default("listwise"),
    /** Bootstrap resamples for the intervals (0: no intervals). */
    resamples: z.number().int().min(0).max(1000).default(200),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
    /** operations: an instance counts as dropped after this many days without a step. */
    inactivityDays: z.number().int().min(1).max(365).default(30),
  })
  .superRefine((v, ctx) => {
    if ((v.driverSet === "stages" || v.driverSet === "operations") && !v.journeyId)
      ctx.addIssue({
        code: "custom",
        path: ["journeyId"],
        message: `driverSet ${v.driverSet} needs a journeyId`,
      });
    if (v.from && v.to && new Date(v.from) >= new Date(v.to))
      ctx.addIssue({ code: "custom", path: ["to"], message: "to must be after from" });
  });
export type TKeyDriversRequest = z.infer<typeof ZKeyDriversRequest>;
export type TKeyDriversInput = z.input<typeof ZKeyDriversRequest>;

export const ZKeyDriver = z.object({
  /** touchpoint id, stage id, aspect key, or wait_bucket | contacts | dropped. */
  key: z.string(),
  label: z.string(),
  /** Raw relative weight ε (in units of R²; the weights sum to r2). */
  weight: z.number(),
  /** weight / r2 (0–1): % importance. */
  share: z.number(),
  /** Sign of the driver–outcome correlation (detractor outcome: +1 = raises the chance of a detractor). */
  sign: z.union([z.literal(-1), z.literal(0), z.literal(1)]),
  /** 95 % bootstrap percentile interval of weight; null without resamples. */
  ci: z.tuple([z.number(), z.number()]).nullable(),
  /** The weight beats a random noise driver (bootstrap, Tonidandel & LeBreton); null without resamples. */
  significant: z.boolean().nullable(),
  /** Respondents with an observed value of this driver (before listwise deletion). */
  n: z.number().int(),
  /** Mean of the observed values on the driver's scale (see `scale`). */
  performance: z.number(),
  scale: z.object({ min: z.number(), max: z.number(), higherIsBetter: z.boolean() }),
  quadrant: z.enum(QUADRANTS),
});
export type TKeyDriver = z.infer<typeof ZKeyDriver>;

export const ZAspectCost = z.object({
  key: z.string(),
  label: z.string(),
  /** NPS ratings of responses mentioning the aspect. */
  n: z.number().int(),
  /** NPS of all responses and of those not mentioning the aspect (one decimal). */
  nps: z.number().nullable(),
  npsWithout: z.number().nullable(),
  nWithout: z.number().int(),
  /** nps − npsWithout: negative = responses mentioning the aspect pull the NPS down by that many points. */
  cost: z.number().nullable(),
});

export const ZKeyDrivers = z.object({
  outcome: z.enum(DRIVER_OUTCOMES),
  driverSet: z.enum(DRIVER_SETS),
  journeyId: z.string().nullable(),
  method: z.literal("johnson_relative_weights"),
  definition: z.string(),
  missing: z.enum(["listwise", "mean"]),
  /** Respondents in the model (after listwise deletion); r2 of the OLS model on all drivers. */
  n: z.number().int(),
  r2: z.number().nullable(),
  /** Respondents with an outcome (before deletion). */
  respondents: z.number().int(),
  drivers: z.array(ZKeyDriver),
  excluded: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      n: z.number().int(),
      reason: z.enum(["min_n", "constant", "too_many"]),
    }),
  ),
  medians: z.object({ share: z.number().nullable(), performance: z.number().nullable() }),
  bootstrap: z
    .object({ resamples: z.number().int(), seed: z.number().int(), level: z.literal(0.95) })
    .nullable(),
  /** driverSet aspects only: the cost of each aspect in NPS points. */
  aspectCosts: z.array(ZAspectCost).nullable(),
});
export type TKeyDrivers = z.infer<typeof ZKeyDrivers>;
