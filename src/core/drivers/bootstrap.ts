import { seededRng } from "../demo/demo-random.js";
import { completeRows, DriverAnalysisError, relativeWeights } from "./relative-weights.js";

export const DEFAULT_RESAMPLES = 200;
export const DEFAULT_SEED = 20_260_801;

export interface WeightInterval {
  driver: string;
  /** 95 % percentile interval of the raw weight ε_j over the resamples. */
  ci: [number, number];
  /**
   * Tonidandel, LeBreton & Johnson (2009): the weight is significant when the 95 % percentile interval
   * of ε_j − ε_random (ε_random: the weight of a pure-noise driver added to the model in each resample)
   * lies above 0, i.e. the driver explains more than a random variable would.
   */
  significant: boolean;
}

export interface BootstrapResult {
  intervals: WeightInterval[];
  /** Resamples that gave weights (a resample with a constant driver or a singular matrix is skipped). */
  resamples: number;
  skipped: number;
}

/** Quantile with linear interpolation at (n − 1)·q (as the analytics reports' quantiles). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  return a + ((sorted[hi] as number) - a) * (pos - lo);
}

/**
 * Bootstrap intervals of the relative weights: `resamples` samples of the complete rows drawn with
 * replacement by a seeded generator (same data and seed → same intervals), relative weights of each
 * (with an extra standard-normal noise driver for the significance test), 95 % percentile intervals.
 */
export function bootstrapWeights(
  x: readonly (readonly number[])[],
  y: readonly number[],
  names: readonly string[],
  options: { resamples?: number; seed?: number } = {},
): BootstrapResult {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const rng = seededRng(options.seed ?? DEFAULT_SEED);
  const data = completeRows(x, y);
  const n = data.y.length;
  const p = names.length;
  const weights: number[][] = names.map(() => []);
  const diffs: number[][] = names.map(() => []);
  const withNoise = [...names, "\u0000random"];
  let skipped = 0;
  for (let b = 0; b < resamples; b++) {
    const bx: number[][] = [];
    const bxNoise: number[][] = [];
    const by: number[] = [];
    for (let i = 0; i < n; i++) {
      const k = Math.floor(rng.next() * n);
      const row = data.x[k] as number[];
      bx.push(row);
      bxNoise.push([...row, rng.normal(0, 1)]);
      by.push(data.y[k] as number);
    }
    try {
      const plain = relativeWeights(bx, by, names);
      const noisy = relativeWeights(bxNoise, by, withNoise);
      const noise = noisy.weights[p]?.weight as number;
      for (let j = 0; j < p; j++) {
        weights[j]?.push(plain.weights[j]?.weight as number);
        diffs[j]?.push((noisy.weights[j]?.weight as number) - noise);
      }
    } catch (e) {
      if (!(e instanceof DriverAnalysisError)) throw e;
      skipped++;
    }
  }
  return {
    resamples: resamples - skipped,
    skipped,
    intervals: names.map((driver, j) => {
      const w = [...(weights[j] as number[])].sort((a, b) => a - b);
      const d = [...(diffs[j] as number[])].sort((a, b) => a - b);
      return {
        driver,
        ci: [quantile(w, 0.025), quantile(w, 0.975)],
        significant: d.length > 0 && quantile(d, 0.025) > 0,
      };
    }),
  };
}
