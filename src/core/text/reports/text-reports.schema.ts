import { z } from "zod";

export const TREND_INTERVALS = ["day", "week", "month"] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

/** A date (the whole UTC day, `to` included) or an ISO date-time with offset (`from` inclusive, `to` exclusive). */
const ZBound = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: "an ISO date (2026-11-01) or date-time with offset (2026-11-01T00:00:00Z)",
});
const ZId = z.uuid().transform((s) => s.toLowerCase());
export const ZAspectKey = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, "an aspect key such as delivery");
const ZChannel = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "a channel id (lowercase letters, digits and _)");
const ZPolarity = z.enum(["negative", "neutral", "positive"]);

const filters = {
  from: ZBound.optional(),
  to: ZBound.optional(),
  touchpointId: ZId.optional(),
  surveyId: ZId.optional(),
  channel: ZChannel.optional(),
  aspect: ZAspectKey.optional(),
};

export const ZTextTrendQuery = z.object({ ...filters, interval: z.enum(TREND_INTERVALS).default("week") });
export type TTextTrendQuery = z.infer<typeof ZTextTrendQuery>;

export const ZTextKeywordsQuery = z.object({
  ...filters,
  /** With `aspect`: the aspect's polarity in the text; otherwise the text's overall sentiment. */
  sentiment: ZPolarity.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type TTextKeywordsQuery = z.infer<typeof ZTextKeywordsQuery>;

export const ZSentimentCounts = z.object({
  /** "" = all texts (their overall sentiment). */
  aspect: z.string(),
  mentions: z.number().int(),
  negative: z.number().int(),
  neutral: z.number().int(),
  positive: z.number().int(),
  /** Mean score in [-1, 1], three decimals; null when nothing was counted. */
  meanScore: z.number().nullable(),
});
export type TSentimentCounts = z.infer<typeof ZSentimentCounts>;

export const ZTextTrend = z.object({
  interval: z.enum(TREND_INTERVALS),
  /** `period`: the ISO date (UTC) the bucket starts on; weeks start on Monday. */
  items: z.array(ZSentimentCounts.extend({ period: z.string() })),
  totals: z.array(ZSentimentCounts),
});
export type TTextTrend = z.infer<typeof ZTextTrend>;

export const ZTextKeywords = z.object({
  items: z.array(
    z.object({
      keyword: z.string(),
      count: z.number().int(),
      negative: z.number().int(),
      positive: z.number().int(),
    }),
  ),
});
export type TTextKeywords = z.infer<typeof ZTextKeywords>;
