import type { TDifferentiation, TScore } from "./scorecard.schema.js";

/** Sufficient statistics of scores on the 1–5 scale. */
export interface ScoreSums {
  n: number;
  sum: number;
  squares: number;
  rated: number;
  bySentiment: number;
}

export const EMPTY_SUMS: ScoreSums = { n: 0, sum: 0, squares: 0, rated: 0, bySentiment: 0 };

export const addSums = (a: ScoreSums, b: ScoreSums): ScoreSums => ({
  n: a.n + b.n,
  sum: a.sum + b.sum,
  squares: a.squares + b.squares,
  rated: a.rated + b.rated,
  bySentiment: a.bySentiment + b.bySentiment,
});

const r2 = (x: number) => Math.round(x * 100) / 100;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Mean ± 1.96·s/√n (s with n − 1), kept inside 1–5; two decimals; no interval under n = 2. */
export function scoreOf(s: ScoreSums): TScore {
  const base = { n: s.n, rated: s.rated, bySentiment: s.bySentiment };
  if (s.n === 0) return { ...base, mean: null, interval: null, warning: null };
  const mean = s.sum / s.n;
  let interval: TScore["interval"] = null;
  if (s.n > 1) {
    const variance = Math.max(0, (s.squares - s.n * mean * mean) / (s.n - 1));
    const half = (1.96 * Math.sqrt(variance)) / Math.sqrt(s.n);
    interval = {
      low: r2(clamp(mean - half, 1, 5)),
      high: r2(clamp(mean + half, 1, 5)),
      level: 0.95,
      method: "normal_mean",
    };
  }
  return { ...base, mean: r2(mean), interval, warning: s.n < 30 ? "small_sample" : null };
}

/** A 1–5 score on the map's −3..3 emotion scale: 1 → −3, 3 → 0, 5 → 3. */
export const scoreToEmotion = (score: number): number => r2(1.5 * (score - 3));
/** A designed emotion −3..3 as a 1–5 rating (the inverse of scoreToEmotion). */
export const emotionToScore = (emotion: number): number => r2(3 + emotion / 1.5);

/** Designed vs measured emotion of one step. */
export function emotionPoint(designed: number | null, score: TScore) {
  const measured = score.mean === null ? null : scoreToEmotion(score.mean);
  const measuredInterval = score.interval
    ? { low: scoreToEmotion(score.interval.low), high: scoreToEmotion(score.interval.high) }
    : null;
  const below = designed !== null && measured !== null && measured < designed;
  return {
    designed,
    measured,
    measuredInterval,
    below,
    belowSignificant: below && measuredInterval !== null && measuredInterval.high < (designed as number),
  };
}

export interface DifferentiationInput {
  stepId: string;
  title: string;
  signature: boolean;
  importance: number | null;
  target: number | null;
  measured: number | null;
}

/**
 * Emotional differentiation: potential = importance × max(0, target − measured) on the 1–5 scale,
 * ranked from the largest; steps without importance, target or measurement are listed last, unranked.
 * Ties keep journey order.
 */
export function rankDifferentiation(steps: readonly DifferentiationInput[]): TDifferentiation[] {
  const rows = steps.map((s, index) => {
    const shortfall =
      s.target === null || s.measured === null
        ? null
        : Math.round(Math.max(0, s.target - s.measured) * 1e4) / 1e4;
    const potential =
      shortfall === null || s.importance === null ? null : Math.round(s.importance * shortfall * 1e6) / 1e6;
    return { ...s, shortfall, potential, index };
  });
  const ranked = rows
    .filter((r) => r.potential !== null)
    .sort((a, b) => (b.potential as number) - (a.potential as number) || a.index - b.index);
  const rest = rows.filter((r) => r.potential === null);
  return [
    ...ranked.map(({ index: _, ...r }, i) => ({ ...r, rank: i + 1 })),
    ...rest.map(({ index: _, ...r }) => ({ ...r, rank: null })),
  ];
}
