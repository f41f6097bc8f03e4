/**
 * The emerging-topic rule of docs/api/understand.md §5, as a pure function: a week's mentions
 * against the previous 8 complete weeks. A week still running is scaled to a whole week once at
 * least 3 days have passed (earlier, its raw count must carry the alert alone).
 */
export const BASELINE_WEEKS = 8;
export const MIN_Z = 3;
export const MIN_PROJECTED = 10;
export const MIN_RATIO = 2;
/** Added to the contract: at least 5 real mentions, so scaling 4 mentions in 3 days never alerts. */
export const MIN_RAW = 5;
const MIN_DAYS_TO_SCALE = 3;
/** z at which the alert is critical rather than a warning. */
export const CRITICAL_Z = 6;

export interface WeekScore {
  count: number;
  projected: number;
  mean: number;
  sd: number;
  z: number;
  fires: boolean;
}

/** `elapsedDays`: how much of the week lies behind (7 for a complete week). */
export function scoreWeek(count: number, baseline: readonly number[], elapsedDays: number): WeekScore {
  const projected = elapsedDays < 7 && elapsedDays >= MIN_DAYS_TO_SCALE ? (count * 7) / elapsedDays : count;
  const n = baseline.length;
  const mean = n === 0 ? 0 : baseline.reduce((a, b) => a + b, 0) / n;
  // Sample standard deviation: eight weeks are a small sample.
  const sd = n < 2 ? 0 : Math.sqrt(baseline.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const z = (projected - mean) / Math.max(sd, Math.sqrt(mean), 1);
  const fires = z >= MIN_Z && projected >= MIN_PROJECTED && projected >= MIN_RATIO * mean && count >= MIN_RAW;
  return { count, projected, mean, sd, z, fires };
}
