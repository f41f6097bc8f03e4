import { CES_SCALE, cesEasyFromHistogram, cesMeanFromHistogram } from "./ces.js";
import { CSAT_SCALE, csatFromHistograms, satisfactionMeanFromHistogram } from "./csat.js";
import { NPS_SCALE, npsFromHistogram } from "./nps.js";
import type { Histogram, MetricValue, Scale } from "./types.js";

export const METRICS = ["nps", "csat", "satisfaction_mean", "ces_mean", "ces_easy"] as const;
export type MetricId = (typeof METRICS)[number];

/** Per-question figures of survey results (rating questions on their own scale). */
export type QuestionMetricId = MetricId | "rating_mean" | "rating_top2";

/** The definition returned with every figure (docs/api/listen.md §4). */
export const DEFINITIONS: Record<QuestionMetricId, string> = {
  nps: "NPS = 100·(P−D)/N over 0–10 answers; value with one decimal; ±1.96·SE",
  csat: "CSAT % = share of top-2 boxes (1–5: 4–5; 1–7: 6–7; 1–10: 9–10) ·100; Wilson 95 %",
  satisfaction_mean: "mean satisfaction on 1–5 (CSAT answers on 1–5 only); mean ± 1.96·s/√n",
  ces_mean: "CES 2.0 mean on 1–7 agreement (higher is easier); mean ± 1.96·s/√n",
  ces_easy: "% of CES answers 5–7; Wilson 95 %",
  rating_mean: "mean rating on the question's scale; mean ± 1.96·s/√n",
  rating_top2: "% of answers in the two highest points of the question's scale; Wilson 95 %",
};

/** Which stored ratings feed a metric: the rating's metric and, where fixed, its scale. */
export const SOURCES: Record<MetricId, { ratingMetric: "nps" | "csat" | "ces"; scale?: Scale }> = {
  nps: { ratingMetric: "nps", scale: NPS_SCALE },
  csat: { ratingMetric: "csat" },
  satisfaction_mean: { ratingMetric: "csat", scale: CSAT_SCALE },
  ces_mean: { ratingMetric: "ces", scale: CES_SCALE },
  ces_easy: { ratingMetric: "ces", scale: CES_SCALE },
};

/** Count of one rating value on one scale. */
export interface RatingBucket {
  value: number;
  min: number;
  max: number;
  count: number;
}

const onScale = (buckets: readonly RatingBucket[], scale: Scale): Histogram =>
  buckets.filter((b) => b.min === scale.min && b.max === scale.max).map((b) => [b.value, b.count] as const);

/** A metric from the rating buckets of one group; ratings on other scales than the metric's are ignored. */
export function metricFromBuckets(metric: MetricId, buckets: readonly RatingBucket[]): MetricValue {
  switch (metric) {
    case "nps":
      return npsFromHistogram(onScale(buckets, NPS_SCALE));
    case "csat": {
      const scales = new Map<string, Scale>(
        buckets.map((b) => [`${b.min}:${b.max}`, { min: b.min, max: b.max }]),
      );
      return csatFromHistograms(
        [...scales.values()].map((scale) => ({ scale, histogram: onScale(buckets, scale) })),
      );
    }
    case "satisfaction_mean":
      return satisfactionMeanFromHistogram(onScale(buckets, CSAT_SCALE));
    case "ces_mean":
      return cesMeanFromHistogram(onScale(buckets, CES_SCALE));
    case "ces_easy":
      return cesEasyFromHistogram(onScale(buckets, CES_SCALE));
  }
}
