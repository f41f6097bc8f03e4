import { cesEasyFromHistogram, cesMeanFromHistogram } from "./ces.js";
import { csatFromHistogram, satisfactionMeanFromHistogram } from "./csat.js";
import { DEFINITIONS } from "./definitions.js";
import { meanFromHistogram } from "./mean.js";
import { npsFromHistogram } from "./nps.js";
import type { TQuestionMetric } from "./survey-results.schema.js";
import type { Histogram, MetricValue, Scale } from "./types.js";

export type RatingQuestionType = "nps" | "csat" | "ces" | "rating";
type MetricId = TQuestionMetric["metric"];

const FIGURES: Record<RatingQuestionType, [MetricId, (h: Histogram, scale: Scale) => MetricValue][]> = {
  nps: [["nps", (h) => npsFromHistogram(h)]],
  csat: [
    ["csat", (h, scale) => csatFromHistogram(h, scale)],
    ["satisfaction_mean", (h) => satisfactionMeanFromHistogram(h)],
  ],
  ces: [
    ["ces_mean", (h) => cesMeanFromHistogram(h)],
    ["ces_easy", (h) => cesEasyFromHistogram(h)],
  ],
  rating: [
    ["rating_mean", (h, scale) => meanFromHistogram(h, scale)],
    ["rating_top2", (h, scale) => csatFromHistogram(h, scale)],
  ],
};

/** The figures a rating question reports: nps → NPS; csat → CSAT % and mean; ces → mean and % easy; rating → mean and top-2 %. */
export const questionMetrics = (
  type: RatingQuestionType,
  scale: Scale,
  histogram: Histogram,
): TQuestionMetric[] =>
  FIGURES[type].map(([metric, compute]) => ({
    metric,
    definition: DEFINITIONS[metric],
    ...compute(histogram, scale),
  }));

/** The survey's headline figure for a rating question: the first of its figures. */
export function primaryMetric(type: RatingQuestionType): {
  metric: MetricId;
  compute: (h: Histogram, scale: Scale) => MetricValue;
} {
  const [metric, compute] = FIGURES[type][0] as [MetricId, (h: Histogram, scale: Scale) => MetricValue];
  return { metric, compute };
}
