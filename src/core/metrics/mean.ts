import {
  type Answer,
  clamp,
  countsOnScale,
  emptyMetric,
  type Histogram,
  histogramOf,
  MEAN_DECIMALS,
  type MetricValue,
  roundTo,
  type Scale,
  warningFor,
} from "./types.js";

const Z_MEAN = 1.96;

/**
 * Mean of the valid answers on a scale with mean ± 1.96·s/√n (s: sample standard deviation,
 * n − 1), kept inside the scale; two decimals. One answer has no spread, so no interval.
 */
export function meanFromHistogram(histogram: Histogram, scale: Scale): MetricValue {
  const counts = countsOnScale(histogram, scale);
  let n = 0;
  let sum = 0;
  for (const [value, count] of counts) {
    n += count;
    sum += value * count;
  }
  if (n === 0) return emptyMetric();
  const mean = sum / n;
  let interval: MetricValue["interval"] = null;
  if (n > 1) {
    // Two passes (sum of squared deviations) stay exact enough at any n, unlike Σx² − n·mean².
    let squares = 0;
    for (const [value, count] of counts) squares += count * (value - mean) ** 2;
    const half = (Z_MEAN * Math.sqrt(squares / (n - 1))) / Math.sqrt(n);
    interval = {
      low: roundTo(clamp(mean - half, scale.min, scale.max), MEAN_DECIMALS),
      high: roundTo(clamp(mean + half, scale.min, scale.max), MEAN_DECIMALS),
      level: 0.95,
      method: "normal_mean",
    };
  }
  return { n, value: roundTo(mean, MEAN_DECIMALS), interval, warning: warningFor(n) };
}

export const mean = (answers: readonly Answer[], scale: Scale): MetricValue =>
  meanFromHistogram(histogramOf(answers), scale);
