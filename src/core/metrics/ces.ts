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

/** CES 2.0: agreement on 1–7 with "… made it easy for me to handle my issue"; higher is easier. */
export const CES_SCALE: Scale = { min: 1, max: 7 };
const EASY_FROM = 5;

export const cesMeanFromHistogram = (histogram: Histogram): MetricValue =>
  meanFromHistogram(histogram, CES_SCALE);

export const cesMean = (answers: readonly Answer[]): MetricValue =>
  cesMeanFromHistogram(histogramOf(answers));

/** % of CES answers 5–7 with Wilson 95 %. */
export function cesEasyFromHistogram(histogram: Histogram): MetricValue {
  let easy = 0;
  let n = 0;
  for (const [value, count] of countsOnScale(histogram, CES_SCALE)) {
    n += count;
    if (value >= EASY_FROM) easy += count;
  }
  return proportionMetric(easy, n, "easy");
}

export const cesEasy = (answers: readonly Answer[]): MetricValue =>
  cesEasyFromHistogram(histogramOf(answers));
