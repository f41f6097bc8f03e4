import { z } from "zod";
import { METRICS } from "./definitions.js";

export const GROUP_BYS = [
  "none",
  "day",
  "week",
  "month",
  "touchpoint",
  "journey",
  "stage",
  "persona",
  "channel",
  "survey",
  "language",
  "trait",
] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export const TIME_GROUPS: ReadonlySet<GroupBy> = new Set(["day", "week", "month"]);

/** Time zones go into SQL (as bound values) only when the runtime knows them. */
const TIME_ZONES: ReadonlySet<string> = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
const TRAIT = /^[A-Za-z0-9_.-]{1,64}$/;
const CHANNEL = /^[a-z][a-z0-9_]{0,39}$/;

export const ZTimeZone = z
  .string()
  .refine((tz) => TIME_ZONES.has(tz), "an IANA time zone such as Europe/Berlin, or UTC")
  .default("UTC");

/** A date (the whole day in `tz`) or an ISO date-time with offset; `from` inclusive, `to` exclusive. */
const ZBound = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: "an ISO date (2026-11-01) or date-time with offset (2026-11-01T00:00:00Z)",
});
const ZId = z.uuid().transform((s) => s.toLowerCase());

/** Filters shared by the metrics and survey-results reports. */
export const ZRangeQuery = z.object({
  from: ZBound.optional(),
  to: ZBound.optional(),
  tz: ZTimeZone,
});

export const ZMetricsQuery = ZRangeQuery.extend({
  metric: z.enum(METRICS),
  groupBy: z.enum(GROUP_BYS).default("none"),
  trait: z.string().regex(TRAIT, "a trait name of 1–64 letters, digits, '_', '.' or '-'").optional(),
  surveyId: ZId.optional(),
  touchpointId: ZId.optional(),
  journeyId: ZId.optional(),
  channel: z.string().regex(CHANNEL, "a channel id (lowercase letters, digits and _)").optional(),
}).superRefine((q, ctx) => {
  if (q.groupBy === "trait" && q.trait === undefined)
    ctx.addIssue({ code: "custom", path: ["trait"], message: "groupBy=trait needs trait=<name>" });
});
export type TMetricsQuery = z.infer<typeof ZMetricsQuery>;
export type TRangeQuery = z.infer<typeof ZRangeQuery>;

export const ZMetricsExportQuery = ZMetricsQuery.safeExtend({ format: z.enum(["csv"]).default("csv") });

export const ZMetricInterval = z.object({
  low: z.number(),
  high: z.number(),
  level: z.literal(0.95),
  method: z.enum(["nps_se", "wilson", "normal_mean"]),
});

export const ZMetricValue = z.object({
  n: z.number().int(),
  value: z.number().nullable(),
  interval: ZMetricInterval.nullable(),
  warning: z.enum(["small_sample"]).nullable(),
  components: z.record(z.string(), z.number()).optional(),
});

export const ZMetricGroup = ZMetricValue.extend({
  key: z.string(),
  /** The resolved name (touchpoint, journey, stage, persona, survey), the key itself, or null for "(none)". */
  label: z.string().nullable(),
});

export const ZMetricsResult = z.object({
  metric: z.enum(METRICS),
  definition: z.string(),
  groupBy: z.enum(GROUP_BYS),
  overall: ZMetricValue,
  groups: z.array(ZMetricGroup),
});
export type TMetricsResult = z.infer<typeof ZMetricsResult>;
export type TMetricGroup = z.infer<typeof ZMetricGroup>;
