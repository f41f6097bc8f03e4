import { z } from "@hono/zod-openapi";
import { ZJourneyKpi } from "../analytics/journey-kpis.schema.js";
import { ZKpiInterval, ZKpiValues } from "../kpis/kpis.schema.js";

/** The journey scorecard (docs/api/measure-the-gap.md §4). */
export const ZScorecardRequest = z.strictObject({
  journeyId: z.string().max(100),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /**
   * The target of the emotional-differentiation ranking on the 1–5 scale: a number for every step, or
   * `designed` for each step's designed rating (its `customerRating`, else its emotion mapped to 1–5).
   */
  target: z.union([z.number().min(1).max(5), z.literal("designed")]).default(4.5),
});
export type TScorecardRequest = z.infer<typeof ZScorecardRequest>;

/** A measured score on the 1–5 scale with its normal 95 % interval (null under n = 2). */
export const ZScore = z.object({
  n: z.number().int(),
  /** Of n: records scored by a rating, and by sentiment only (no rating). */
  rated: z.number().int(),
  bySentiment: z.number().int(),
  mean: z.number().nullable(),
  interval: ZKpiInterval.nullable(),
  warning: z.enum(["small_sample"]).nullable(),
});
export type TScore = z.infer<typeof ZScore>;

export const ZEmotionPoint = z.object({
  /** Designed emotion −3..3 (the map's), null when not set. */
  designed: z.number().nullable(),
  /** Measured score mapped onto −3..3: 1.5·(score − 3). */
  measured: z.number().nullable(),
  measuredInterval: z.object({ low: z.number(), high: z.number() }).nullable(),
  /** measured < designed. */
  below: z.boolean(),
  /** The whole interval lies below the designed emotion. */
  belowSignificant: z.boolean(),
});

export const ZScorecardStep = z.object({
  stepId: z.string(),
  title: z.string(),
  stageId: z.string(),
  touchpointId: z.string().nullable(),
  signature: z.boolean(),
  momentOfTruth: z.boolean(),
  designedRating: z.number().nullable(),
  score: ZScore,
  emotion: ZEmotionPoint,
});

export const ZScorecardStage = z.object({
  stageId: z.string(),
  name: z.string(),
  score: ZScore,
  /** Mean designed emotion of the stage's steps with one. */
  designedEmotion: z.number().nullable(),
  measuredEmotion: z.number().nullable(),
});

export const ZSignatureInteraction = z.object({
  stepId: z.string(),
  title: z.string(),
  score: ZScore,
  /** CSAT % of the feedback linked to the step's touchpoint in this journey (Wilson 95 %). */
  csat: z.object({ n: z.number().int(), value: z.number().nullable(), interval: ZKpiInterval.nullable() }),
  instances: z.number().int(),
  conversion: z.number().nullable(),
  waitMedianSeconds: z.number().nullable(),
  contactRate: z.number().nullable(),
});

export const ZDifferentiation = z.object({
  stepId: z.string(),
  title: z.string(),
  signature: z.boolean(),
  importance: z.number().nullable(),
  target: z.number().nullable(),
  measured: z.number().nullable(),
  /** max(0, target − measured) on the 1–5 scale. */
  shortfall: z.number().nullable(),
  /** importance × shortfall; null when one is missing (such steps rank last). */
  potential: z.number().nullable(),
  rank: z.number().int().nullable(),
});

export const ZScorecard = z.object({
  journeyId: z.string(),
  title: z.string(),
  range: z.object({ from: z.string(), to: z.string() }),
  definitions: z.object({ score: z.string(), emotion: z.string(), potential: z.string() }),
  /** The journey's performance KPIs against the map's targets (the journey KPIs report). */
  kpis: z.array(ZJourneyKpi),
  /** Catalogue KPIs scoped to this journey, with trend. */
  catalogue: z.array(ZKpiValues),
  overall: ZScore,
  stages: z.array(ZScorecardStage),
  steps: z.array(ZScorecardStep),
  signatureInteractions: z.array(ZSignatureInteraction),
  /** Steps whose measured emotion is below the designed one, the largest shortfall first. */
  belowDesign: z.array(
    z.object({ stepId: z.string(), title: z.string(), by: z.number(), significant: z.boolean() }),
  ),
  importanceSource: z.enum(["drivers", "volume"]),
  differentiation: z.array(ZDifferentiation),
});
export type TScorecard = z.infer<typeof ZScorecard>;
export type TScorecardStep = z.infer<typeof ZScorecardStep>;
export type TDifferentiation = z.infer<typeof ZDifferentiation>;
