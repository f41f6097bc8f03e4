/** Shapes and helpers shared by the metric functions (docs/api/listen.md §4, DESIGN §3). */

export type IntervalMethod = "nps_se" | "wilson" | "normal_mean";

export interface MetricInterval {
  low: number;
  high: number;
  level: 0.95;
  method: IntervalMethod;
}

export interface MetricValue {
  n: number;
  /** null when n = 0. */
  value: number | null;
  interval: MetricInterval | null;
  warning: "small_sample" | null;
  components?: Record<string, number>;
}

/** One answer; null and undefined are skips, dismissals or N/A and never count. */
export type Answer = number | null | undefined;

/** Answer value → count. A Map works, and so does any list of pairs (repeated values add up). */
export type Histogram = Iterable<readonly [value: number, count: number]>;

export interface Scale {
  min: number;
  max: number;
}

/** Below this many answers a figure carries the `small_sample` warning. */
export const SMALL_SAMPLE_N = 30;
/** Percentages (NPS points, CSAT %, CES easy %) keep one decimal; means keep two. */
export const PERCENT_DECIMALS = 1;
export const MEAN_DECIMALS = 2;

export const warningFor = (n: number): MetricValue["warning"] =>
  n > 0 && n < SMALL_SAMPLE_N ? "small_sample" : null;

/** Rounds half away from zero, so −35.85 and 35.85 round to the same magnitude; never yields −0. */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
  return r === 0 ? 0 : r;
}

export const clamp = (x: number, low: number, high: number): number => Math.min(high, Math.max(low, x));

/** The histogram of the answers that were given. */
export function histogramOf(answers: readonly Answer[]): Map<number, number> {
  const h = new Map<number, number>();
  for (const a of answers) if (a !== null && a !== undefined) h.set(a, (h.get(a) ?? 0) + 1);
  return h;
}

/**
 * The valid part of a histogram: integer values inside the scale with positive integer counts.
 * Anything else (out-of-scale values, fractions, NaN) is not an answer on this scale.
 */
export function countsOnScale(histogram: Histogram, scale: Scale): Map<number, number> {
  const counts = new Map<number, number>();
  for (const [value, count] of histogram) {
    if (!Number.isInteger(value) || value < scale.min || value > scale.max) continue;
    if (!Number.isInteger(count) || count <= 0) continue;
    counts.set(value, (counts.get(value) ?? 0) + count);
  }
  return counts;
}

export const emptyMetric = (components?: Record<string, number>): MetricValue => ({
  n: 0,
  value: null,
  interval: null,
  warning: null,
  ...(components && { components }),
});
