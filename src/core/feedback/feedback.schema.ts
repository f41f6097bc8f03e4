import { z } from "zod";
import { ZPageQuery } from "../pagination.js";
import { ZEnrichment } from "../text/enrich/analysis.schema.js";

export const FEEDBACK_CHANNELS = [
  "complaint_form",
  "email",
  "chat",
  "app_review",
  "web_review",
  "social",
  "call_note",
  "phone",
  "letter",
  "other",
] as const;
export const RATING_METRICS = ["nps", "csat", "ces", "rating"] as const;
export const SCORE_BANDS = ["negative", "neutral", "positive"] as const;
export const MAX_BATCH_ITEMS = 1000;
export const MAX_METADATA_BYTES = 8 * 1024;

export const ZFeedbackChannel = z.enum(FEEDBACK_CHANNELS);
export type TFeedbackChannel = z.infer<typeof ZFeedbackChannel>;
export const ZRatingMetric = z.enum(RATING_METRICS);
/** ISO 639-1: two letters, stored in lower case. */
export const ZLanguage = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, "an ISO 639-1 code of two letters, e.g. de or en");

/** The scales each metric allows; `rating` takes any 0 ≤ min < max ≤ 10. */
const FIXED_SCALES: Record<"nps" | "ces", { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  ces: { min: 1, max: 7 },
};
const CSAT_SCALES = [5, 7, 10];

/** The scale a rating is on, or a message saying what was expected. */
export function scaleOf(
  metric: z.infer<typeof ZRatingMetric>,
  scale: { min: number; max: number } | undefined,
): { min: number; max: number } | string {
  if (metric === "nps" || metric === "ces") {
    const fixed = FIXED_SCALES[metric];
    if (scale && (scale.min !== fixed.min || scale.max !== fixed.max))
      return `${metric} is always on ${fixed.min}–${fixed.max}`;
    return fixed;
  }
  if (metric === "csat") {
    if (!scale) return { min: 1, max: 5 };
    return scale.min === 1 && CSAT_SCALES.includes(scale.max) ? scale : "csat is on 1–5, 1–7 or 1–10";
  }
  if (!scale) return "a rating needs a scale ({ min, max })";
  return scale.min >= 0 && scale.max <= 10 && scale.min < scale.max
    ? scale
    : "a rating scale needs 0 ≤ min < max ≤ 10";
}

export const ZRatingInput = z
  .object({
    metric: ZRatingMetric,
    value: z.number().int("a whole number"),
    scale: z.object({ min: z.number().int(), max: z.number().int() }).optional(),
  })
  .superRefine((r, ctx) => {
    const scale = scaleOf(r.metric, r.scale);
    if (typeof scale === "string") ctx.addIssue({ code: "custom", path: ["scale"], message: scale });
    else if (r.value < scale.min || r.value > scale.max)
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `${r.metric} must be between ${scale.min} and ${scale.max}`,
      });
  });

const ZTraitValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);
export const ZCustomerInput = z.object({
  userId: z.string().trim().min(1).max(255).optional(),
  email: z.email().max(320).optional(),
  anonymousId: z.string().trim().min(1).max(255).optional(),
  phone: z.string().trim().min(1).max(50).optional(),
  traits: z
    .record(z.string().min(1).max(64), ZTraitValue)
    .refine((t) => Object.keys(t).length <= 50, "at most 50 traits")
    .optional(),
});
export type TCustomerInput = z.infer<typeof ZCustomerInput>;

const ZMetadata = z
  .record(z.string(), z.unknown())
  .refine(
    (m) => Buffer.byteLength(JSON.stringify(m)) <= MAX_METADATA_BYTES,
    `at most ${MAX_METADATA_BYTES} bytes as JSON`,
  );

const fields = {
  /** Dedup: the same channel and external id again reports `duplicate` and stores nothing. */
  externalId: z.string().trim().min(1).max(255).optional(),
  channel: ZFeedbackChannel,
  /** Default: now. */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  customer: ZCustomerInput.optional(),
  touchpointId: z.uuid().optional(),
  journeyId: z.uuid().optional(),
  /** A step of the journey's current document; needs journeyId. */
  stepId: z.uuid().optional(),
  ratings: z.array(ZRatingInput).max(20).optional(),
  title: z.string().trim().max(500).optional(),
  text: z.string().max(20_000).optional(),
  /** Detected (de or en) from the text when omitted. */
  language: ZLanguage.optional(),
  metadata: ZMetadata.optional(),
};

interface ItemShape {
  journeyId?: string | undefined;
  stepId?: string | undefined;
  text?: string | undefined;
  title?: string | undefined;
  ratings?: unknown[] | undefined;
}
function checkItem(v: ItemShape, ctx: z.RefinementCtx): void {
  if (v.stepId && !v.journeyId)
    ctx.addIssue({ code: "custom", path: ["stepId"], message: "a step needs its journeyId" });
  if (!v.text?.trim() && !v.title && (v.ratings?.length ?? 0) === 0)
    ctx.addIssue({ code: "custom", path: ["text"], message: "give a text, a title or at least one rating" });
}

export const ZFeedbackInput = z.object(fields).superRefine(checkItem);
export type TFeedbackInput = z.infer<typeof ZFeedbackInput>;

/**
 * One FeedbackInput, or `{ items: FeedbackInput[] }`. One object schema rather than a union, so a
 * failing field is named exactly (`/body/items/3/ratings/0/value`, or `/body/text`).
 */
export const ZFeedbackBody = z
  .object({
    ...fields,
    channel: ZFeedbackChannel.optional(),
    items: z.array(ZFeedbackInput).min(1).max(MAX_BATCH_ITEMS).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.items) {
      for (const key of Object.keys(v))
        if (key !== "items" && v[key as keyof typeof v] !== undefined)
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: "send either one item or { items }, not both",
          });
      return;
    }
    if (!v.channel) ctx.addIssue({ code: "custom", path: ["channel"], message: "required" });
    checkItem(v, ctx);
  });
export type TFeedbackBody = z.infer<typeof ZFeedbackBody>;

export const ZIngestResult = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  items: z.array(
    z.object({ index: z.number().int(), id: z.string(), status: z.enum(["created", "duplicate"]) }),
  ),
});
export type TIngestResult = z.infer<typeof ZIngestResult>;

export const ZStoredRating = z.object({
  metric: ZRatingMetric,
  value: z.number(),
  min: z.number(),
  max: z.number(),
  questionId: z.string().optional(),
});

export const ZFeedback = z.object({
  id: z.string(),
  kind: z.enum(["survey_response", "unsolicited"]),
  channel: z.string(),
  surveyId: z.string().nullable(),
  receivedAt: z.string(),
  customerId: z.string().nullable(),
  customer: z.record(z.string(), z.unknown()),
  touchpointId: z.string().nullable(),
  journeyId: z.string().nullable(),
  stepId: z.string().nullable(),
  ratings: z.array(ZStoredRating),
  scoreBand: z.enum(SCORE_BANDS).nullable(),
  answers: z.record(z.string(), z.unknown()),
  title: z.string().nullable(),
  text: z.string(),
  language: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  finished: z.boolean(),
  flagged: z.boolean(),
  flagReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Sentiment, aspects and keywords of title and text; null until the enrichment has run. */
  enrichment: ZEnrichment.nullable(),
});
export type TFeedback = z.infer<typeof ZFeedback>;

export const ZFeedbackDetail = ZFeedback.extend({ customerFeedback: z.array(ZFeedback) });
export type TFeedbackDetail = z.infer<typeof ZFeedbackDetail>;

const DATE_OR_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const ZBound = z
  .string()
  .refine(
    (s) => DATE_OR_DATETIME.test(s) && !Number.isNaN(Date.parse(s)),
    "an ISO date (2024-05-01) or date-time with offset (2024-05-01T12:00:00Z)",
  );
const ZBool = z.enum(["true", "false"]);
const ZAspectKey = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, "an aspect key such as delivery");

export const ZFeedbackListQuery = ZPageQuery.extend({
  /** Full text over title and text (web search syntax: words, "phrases", -excluded, or). */
  q: z.string().trim().min(1).max(200).optional(),
  channel: z.string().max(40).optional(),
  kind: z.enum(["survey_response", "unsolicited"]).optional(),
  surveyId: z.uuid().optional(),
  touchpointId: z.uuid().optional(),
  journeyId: z.uuid().optional(),
  band: z.enum(SCORE_BANDS).optional(),
  language: ZLanguage.optional(),
  /** Inclusive. */
  from: ZBound.optional(),
  /** Inclusive; a date alone means to the end of that day (UTC). */
  to: ZBound.optional(),
  hasText: ZBool.optional(),
  customerId: z.string().max(400).optional(),
  flagged: ZBool.optional(),
  finished: ZBool.optional(),
  /** The text's overall sentiment (enriched records only). */
  sentiment: z.enum(SCORE_BANDS).optional(),
  /** An aspect key; repeat for any of several. */
  aspect: z
    .union([ZAspectKey, z.array(ZAspectKey).max(20, "at most 20 aspects")])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
});
export type TFeedbackListQuery = z.infer<typeof ZFeedbackListQuery>;

export const ZUpdateFeedback = z
  .object({
    flagged: z.boolean().optional(),
    /** Kept only while flagged. */
    flagReason: z.string().trim().max(500).nullable().optional(),
    touchpointId: z.uuid().nullable().optional(),
    /** Changing the journey without a stepId clears the step. */
    journeyId: z.uuid().nullable().optional(),
    stepId: z.uuid().nullable().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "change at least one field");
export type TUpdateFeedback = z.infer<typeof ZUpdateFeedback>;
