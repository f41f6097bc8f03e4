import {
  type Answer,
  clamp,
  countsOnScale,
  emptyMetric,
  type Histogram,
  histogramOf,
  type MetricValue,
  PERCENT_DECIMALS,
  roundTo,
  type Scale,
  warningFor,
} from "./types.js";

export const NPS_SCALE: Scale = { min: 0, max: 10 };
/** DESIGN §3 fixes ±1.96·SE for NPS (the Wilson interval uses the exact quantile). */
const Z_NPS = 1.96;

/**
 * NPS = 100·(P − D)/N over valid 0–10 answers (promoters 9–10, passives 7–8, detractors 0–6).
 * SE = 100·√(((pP+pD) − (pP−pD)²)/N); the interval is the unrounded value ± 1.96·SE, kept inside
 * −100..100. Value and bounds are rounded to one decimal only at the end.
 */
export function npsFromHistogram(histogram: Histogram): MetricValue {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const [value, count] of countsOnScale(histogram, NPS_SCALE)) {
    if (value >= 9) promoters += count;
    else if (value >= 7) passives += count;
    else detractors += count;
  }
  const n = promoters + passives + detractors;
  const components = { promoters, passives, detractors };
  if (n === 0) return emptyMetric(components);
  const raw = (100 * (promoters - detractors)) / n;
  const pP = promoters / n;
  const pD = detractors / n;
  // max(0, …) absorbs rounding error when every answer is a promoter or every one a detractor.
  const se = 100 * Math.sqrt(Math.max(0, pP + pD - (pP - pD) ** 2) / n);
  const half = Z_NPS * se;
  return {
    n,
    value: roundTo(raw, PERCENT_DECIMALS),
    interval: {
      low: roundTo(clamp(raw - half, -100, 100), PERCENT_DECIMALS),
      high: roundTo(clamp(raw + half, -100, 100), PERCENT_DECIMALS),
      level: 0.95,
      method: "nps_se",
    },
    warning: warningFor(n),
    components,
  };
}

export const nps = (answers: readonly Answer[]): MetricValue => npsFromHistogram(histogramOf(answers));
