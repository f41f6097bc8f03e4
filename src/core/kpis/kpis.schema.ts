import { z } from "@hono/zod-openapi";
import { JOURNEY_KPI_MEASURES } from "../journeys/document.schema.js";
import { METRICS } from "../metrics/definitions.js";

/** The KPI catalogue (docs/api/measure-the-gap.md §3). */
export const KPI_KINDS = ["performance", "brand"] as const;
export const KPI_DIRECTIONS = ["higher", "lower"] as const;
/** Performance measures: the journey KPIs plus the share of waits over a target. */
export const PERFORMANCE_MEASURES = [...JOURNEY_KPI_MEASURES, "waiting_over_target"] as const;
export type TPerformanceMeasure = (typeof PERFORMANCE_MEASURES)[number];
export const QUESTION_FIGURES = ["mean", "top2"] as const;
export const GRANULARITIES = ["week", "month"] as const;

const ZId = z.uuid().transform((s) => s.toLowerCase());

export const ZKpiMeasure = z.discriminatedUnion("type", [
  z.strictObject({
    /** Computed from the scoped journey's instances (needs `journeyId`). */
    type: z.literal("journey"),
    measure: z.enum(PERFORMANCE_MEASURES),
    /** waiting_over_target: a wait between consecutive steps longer than this many hours counts. */
    waitTargetHours: z.number().positive().max(8760).optional(),
  }),
  z.strictObject({
    /** A feedback metric (DESIGN §3), optionally of the scoped journey's feedback. */
    type: z.literal("metric"),
    metric: z.enum(METRICS),
  }),
  z.strictObject({
    /** A rating item of a survey (brand tracking: trust, "fits me" …), on the question's own scale. */
    type: z.literal("question"),
    surveyId: ZId,
    questionId: z.string().min(1).max(100),
    figure: z.enum(QUESTION_FIGURES).default("mean"),
  }),
]);
export type TKpiMeasure = z.infer<typeof ZKpiMeasure>;

const ZKey = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,63}$/, "a key of lowercase letters, digits, '_' or '-' (at most 64)");

const fields = {
  name: z.string().trim().min(1).max(200),
  definition: z.string().max(2000),
  journeyId: ZId.nullable(),
  unit: z.string().max(50),
  direction: z.enum(KPI_DIRECTIONS),
  target: z.number().finite().nullable(),
  ownerUserId: ZId.nullable(),
};

export const ZCreateKpi = z
  .strictObject({
    key: ZKey,
    kind: z.enum(KPI_KINDS),
    measure: ZKpiMeasure,
    name: fields.name,
    definition: fields.definition.default(""),
    journeyId: fields.journeyId.default(null),
    unit: fields.unit.default(""),
    direction: fields.direction.default("higher"),
    target: fields.target.default(null),
    ownerUserId: fields.ownerUserId.default(null),
  })
  .superRefine((v, ctx) => {
    if (v.measure.type === "journey" && v.journeyId === null)
      ctx.addIssue({ code: "custom", path: ["journeyId"], message: "a journey measure needs a journeyId" });
    if (
      v.measure.type === "journey" &&
      v.measure.measure === "waiting_over_target" &&
      !v.measure.waitTargetHours
    )
      ctx.addIssue({
        code: "custom",
        path: ["measure", "waitTargetHours"],
        message: "waiting_over_target needs waitTargetHours",
      });
  });
export type TCreateKpi = z.infer<typeof ZCreateKpi>;

export const ZUpdateKpi = z.strictObject({
  name: fields.name.optional(),
  definition: fields.definition.optional(),
  unit: fields.unit.optional(),
  direction: fields.direction.optional(),
  target: fields.target.optional(),
  ownerUserId: fields.ownerUserId.optional(),
});
export type TUpdateKpi = z.infer<typeof ZUpdateKpi>;

export const ZKpi = z.object({
  id: z.string(),
  key: z.string(),
  kind: z.enum(KPI_KINDS),
  name: z.string(),
  definition: z.string(),
  measure: ZKpiMeasure,
  journeyId: z.string().nullable(),
  unit: z.string(),
  direction: z.enum(KPI_DIRECTIONS),
  target: z.number().nullable(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TKpi = z.infer<typeof ZKpi>;

export const ZKpiInterval = z.object({
  low: z.number(),
  high: z.number(),
  level: z.literal(0.95),
  method: z.enum(["nps_se", "wilson", "normal_mean", "order_statistic"]),
});

/** One measured value: n is the denominator; interval null where the figure has none (medians, n < 2). */
export const ZKpiValue = z.object({
  from: z.string(),
  to: z.string(),
  value: z.number().nullable(),
  n: z.number().int(),
  interval: ZKpiInterval.nullable(),
});
export type TKpiValue = z.infer<typeof ZKpiValue>;

export const ZKpiValuesRequest = z.strictObject({
  /** End of the current period (exclusive); default now. */
  to: z.iso.datetime({ offset: true }).optional(),
  /** Length of the current and of the previous period. */
  days: z.number().int().min(1).max(730).default(90),
  granularity: z.enum(GRANULARITIES).default("month"),
  /** Buckets of the series, the last ending at `to`. */
  periods: z.number().int().min(2).max(24).default(6),
  kpiIds: z.array(ZId).max(100).optional(),
  journeyId: ZId.optional(),
});
export type TKpiValuesRequest = z.infer<typeof ZKpiValuesRequest>;

export const ZKpiValues = z.object({
  kpi: ZKpi,
  definitionUsed: z.string(),
  current: ZKpiValue,
  previous: ZKpiValue,
  /** current − previous; null when either is missing. */
  change: z.number().nullable(),
  trend: z.enum(["improving", "worsening", "flat"]).nullable(),
  /** Whether the current value meets the target in the KPI's direction; null without target or value. */
  met: z.boolean().nullable(),
  series: z.array(ZKpiValue),
});
export type TKpiValues = z.infer<typeof ZKpiValues>;

export const ZKpiValuesResult = z.object({ items: z.array(ZKpiValues) });
export type TKpiValuesResult = z.infer<typeof ZKpiValuesResult>;
