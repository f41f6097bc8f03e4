import { z } from "zod";
import { ZLocalizedText } from "../surveys/surveys.schema.js";
import { ZMetricValue, ZRangeQuery } from "./metrics.schema.js";

export const QUESTION_METRIC_IDS = [
  "nps",
  "csat",
  "satisfaction_mean",
  "ces_mean",
  "ces_easy",
  "rating_mean",
  "rating_top2",
] as const;

export const ZSurveyResultsQuery = ZRangeQuery;
export type TSurveyResultsQuery = z.infer<typeof ZSurveyResultsQuery>;

export const ZQuestionMetric = ZMetricValue.extend({
  metric: z.enum(QUESTION_METRIC_IDS),
  definition: z.string(),
});
export type TQuestionMetric = z.infer<typeof ZQuestionMetric>;

const questionBase = {
  questionId: z.string(),
  type: z.string(),
  text: ZLocalizedText,
  /** Counted answers to the question (for rating questions: on its scale). */
  answered: z.number().int(),
};

export const ZQuestionResult = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("rating"),
    ...questionBase,
    scale: z.object({ min: z.number().int(), max: z.number().int() }),
    /** Every point of the scale, in order, with its count (0 when nobody chose it). */
    distribution: z.array(z.object({ value: z.number().int(), count: z.number().int() })),
    metrics: z.array(ZQuestionMetric),
  }),
  z.object({
    kind: z.literal("choice"),
    ...questionBase,
    /** The definition's options in order; ids no longer defined follow with a null label. */
    options: z.array(
      z.object({ optionId: z.string(), label: ZLocalizedText.nullable(), count: z.number().int() }),
    ),
  }),
  z.object({
    kind: z.literal("text"),
    ...questionBase,
    /** The 20 newest non-empty answers. */
    comments: z.array(
      z.object({
        feedbackId: z.string(),
        receivedAt: z.string(),
        text: z.string(),
        language: z.string().nullable(),
      }),
    ),
  }),
]);
export type TQuestionResult = z.infer<typeof ZQuestionResult>;

export const ZSurveyResults = z.object({
  surveyId: z.string(),
  /** total = finished + partial + flagged; only finished, unflagged responses count in the figures. */
  responses: z.object({
    total: z.number().int(),
    finished: z.number().int(),
    partial: z.number().int(),
    flagged: z.number().int(),
  }),
  questions: z.array(ZQuestionResult),
  /** The primary metric (of the first rating question) per week (Monday, in `tz`); null without one. */
  trend: z
    .object({
      questionId: z.string(),
      metric: z.enum(QUESTION_METRIC_IDS),
      definition: z.string(),
      points: z.array(ZMetricValue.extend({ week: z.string() })),
    })
    .nullable(),
});
export type TSurveyResults = z.infer<typeof ZSurveyResults>;
