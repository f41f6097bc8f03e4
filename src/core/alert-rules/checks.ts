import type { TAnomalyParameters, TChangeParameters, TThresholdParameters } from "./alert-rules.schema.js";

/**
 * The three metric checks of alert rules as pure functions (docs/api/act.md, "Alert rules"). A value
 * that is null or rests on fewer than `minN` answers is no value: the check says `no_data` and never fires.
 */
export interface Point {
  value: number | null;
  n: number;
}

export type Direction = "higher" | "lower";

const usable = (p: Point, minN: number): p is { value: number; n: number } =>
  p.value !== null && Number.isFinite(p.value) && p.n >= minN && p.n > 0;

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export interface ThresholdOutcome {
  status: "firing" | "ok" | "no_data";
}

/** Fires while the value is strictly above (or below) the limit. */
export function checkThreshold(point: Point, p: Pick<TThresholdParameters, "operator" | "value" | "minN">) {
  if (!usable(point, p.minN)) return { status: "no_data" as const };
  const firing = p.operator === "above" ? point.value > p.value : point.value < p.value;
  return { status: firing ? ("firing" as const) : ("ok" as const) };
}

export interface ChangeOutcome {
  status: "firing" | "ok" | "no_data";
  /** Points (current − previous) or percent of |previous|; null without both values. */
  change: number | null;
}

/**
 * Current against previous period. `worse` fires only for a change against the KPI's direction (a
 * fall for higher-is-better, a rise for lower-is-better) of at least `amount`; `any` for either. A
 * percent change of a previous value of 0 is undefined: no data.
 */
export function checkChange(
  current: Point,
  previous: Point,
  direction: Direction,
  p: Pick<TChangeParameters, "mode" | "amount" | "direction" | "minN">,
): ChangeOutcome {
  if (!usable(current, p.minN) || !usable(previous, p.minN)) return { status: "no_data", change: null };
  const diff = current.value - previous.value;
  if (p.mode === "percent" && previous.value === 0) return { status: "no_data", change: null };
  const change = round4(p.mode === "percent" ? (diff / Math.abs(previous.value)) * 100 : diff);
  // Against the KPI's direction: negative for higher-is-better, positive for lower-is-better.
  const worsening = direction === "higher" ? -change : change;
  const size = p.direction === "worse" ? worsening : Math.abs(change);
  // A tolerance of 1e-9 so that a change of exactly `amount` fires despite floating point.
  return { status: size >= p.amount - 1e-9 ? "firing" : "ok", change };
}

export interface AnomalyOutcome {
  status: "firing" | "ok" | "no_data" | "not_enough_history";
  /** Null when the baseline's sd is 0 and the value differs from it (an infinite z). */
  z: number | null;
  mean: number | null;
  sd: number | null;
  baselinePeriods: number;
}

/** Baseline periods with a value needed for an anomaly check. */
export const MIN_BASELINE = 3;

/**
 * The latest complete period (`latest`) against the preceding periods (`baseline`, oldest first):
 * z = (x − mean) / sample sd. Baseline periods without a value are left out; fewer than 3 left is
 * `not_enough_history`. A baseline with sd 0 fires for any other value (z null) and not for the same
 * value. `worse` only counts deviations against the KPI's direction.
 */
export function checkAnomaly(
  latest: Point,
  baseline: readonly Point[],
  direction: Direction,
  p: Pick<TAnomalyParameters, "z" | "direction" | "minN">,
): AnomalyOutcome {
  const values = baseline.filter((b) => usable(b, p.minN)).map((b) => b.value as number);
  const count = values.length;
  if (!usable(latest, p.minN))
    return { status: "no_data", z: null, mean: null, sd: null, baselinePeriods: count };
  if (count < MIN_BASELINE)
    return { status: "not_enough_history", z: null, mean: null, sd: null, baselinePeriods: count };
  const mean = values.reduce((a, b) => a + b, 0) / count;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (count - 1));
  const diff = latest.value - mean;
  const against = p.direction === "any" || (direction === "higher" ? diff < 0 : diff > 0);
  const stats = { mean: round4(mean), sd: round4(sd), baselinePeriods: count };
  if (sd === 0) {
    const firing = Math.abs(diff) > 1e-9 && against;
    return { status: firing ? "firing" : "ok", z: Math.abs(diff) > 1e-9 ? null : 0, ...stats };
  }
  const z = diff / sd;
  return { status: against && Math.abs(z) >= p.z ? "firing" : "ok", z: round4(z), ...stats };
}
