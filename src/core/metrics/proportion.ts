import { emptyMetric, type MetricValue, PERCENT_DECIMALS, roundTo, warningFor } from "./types.js";

/** The 97.5 % standard normal quantile, as published tables give it for 95 % Wilson intervals. */
export const Z_WILSON = 1.959964;

/** Wilson score interval for k successes in n trials, as fractions; null when n = 0. */
export function wilson(k: number, n: number, z = Z_WILSON): { low: number; high: number } | null {
  if (n === 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** A share in percent (one decimal) with its Wilson 95 % interval; `hitsName` names the count. */
export function proportionMetric(hits: number, n: number, hitsName: string): MetricValue {
  const components = { [hitsName]: hits };
  const interval = wilson(hits, n);
  if (n === 0 || interval === null) return emptyMetric(components);
  return {
    n,
    value: roundTo((100 * hits) / n, PERCENT_DECIMALS),
    interval: {
      low: roundTo(100 * interval.low, PERCENT_DECIMALS),
      high: roundTo(100 * interval.high, PERCENT_DECIMALS),
      level: 0.95,
      method: "wilson",
    },
    warning: warningFor(n),
    components,
  };
}
