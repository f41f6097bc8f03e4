import { meanFromHistogram } from "./mean.js";
import { proportionMetric } from "./proportion.js";
import {
  type Answer,
  countsOnScale,
  type Histogram,
  histogramOf,
  type MetricValue,
  type Scale,
} from "./types.js";

export const CSAT_SCALE: Scale = { min: 1, max: 5 };

export interface ScaledHistogram {
  scale: Scale;
  histogram: Histogram;
}

/**
 * CSAT % = share of the top-2 boxes (1–5: 4–5; 1–7: 6–7; 1–10: 9–10) with Wilson 95 %. Answers on
 * different scales pool: each counts as satisfied by the top boxes of its own scale.
 */
export function csatFromHistograms(parts: readonly ScaledHistogram[]): MetricValue {
  let satisfied = 0;
  let n = 0;
  for (const { scale, histogram } of parts) {
    for (const [value, count] of countsOnScale(histogram, scale)) {
      n += count;
      if (value >= scale.max - 1) satisfied += count;
    }
  }
  return proportionMetric(satisfied, n, "satisfied");
}

export const csatFromHistogram = (histogram: Histogram, scale: Scale = CSAT_SCALE): MetricValue =>
  csatFromHistograms([{ scale, histogram }]);

export const csat = (answers: readonly Answer[], scale: Scale = CSAT_SCALE): MetricValue =>
  csatFromHistogram(histogramOf(answers), scale);

/** Mean satisfaction: a different metric from CSAT %, over 1–5 answers only. */
export const satisfactionMeanFromHistogram = (histogram: Histogram): MetricValue =>
  meanFromHistogram(histogram, CSAT_SCALE);

export const satisfactionMean = (answers: readonly Answer[]): MetricValue =>
  satisfactionMeanFromHistogram(histogramOf(answers));
