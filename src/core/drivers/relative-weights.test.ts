import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRng } from "../demo/demo-random.js";
import { bootstrapWeights, quantile } from "./bootstrap.js";
import { DriverAnalysisError, relativeWeights } from "./relative-weights.js";
import { shapleyR2 } from "./shapley.js";

/** y = Σ b_j x_j + e over `mix`-correlated standard-normal drivers (x = z · mix), seeded. */
function synthetic(seed: number, n: number, b: readonly number[], noiseSd: number, mix?: number[][]) {
  const rng = seededRng(seed);
  const p = b.length;
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const z = b.map(() => rng.normal(0, 1));
    const row = mix
      ? b.map((_, j) => z.reduce((s, zk, k) => s + zk * ((mix[k] as number[])[j] as number), 0))
      : z;
    x.push(row);
    y.push(row.reduce((s, v, j) => s + v * (b[j] as number), 0) + rng.normal(0, noiseSd));
  }
  return { x, y, names: Array.from({ length: p }, (_, j) => `d${j}`) };
}

const sum = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0);

describe("Johnson's relative weights", () => {
  it("recovers known R² shares of uncorrelated drivers within ±0.03", () => {
    // Uncorrelated unit-variance drivers: true share_j = b_j² / Σb², true R² = Σb² / (Σb² + σ²).
    const b = [0.8, 0.5, 0.3, 0.1];
    const { x, y, names } = synthetic(7, 6000, b, 1);
    const r = relativeWeights(x, y, names);
    const total = sum(b.map((v) => v * v));
    expect(r.n).toBe(6000);
    expect(Math.abs(r.r2 - total / (total + 1))).toBeLessThan(0.03);
    r.weights.forEach((w, j) => {
      expect(Math.abs(w.share - (b[j] as number) ** 2 / total)).toBeLessThan(0.03);
      expect(w.sign).toBe(1);
    });
  });

  it("gives the sign of the driver–outcome correlation", () => {
    const { x, y, names } = synthetic(8, 2000, [0.7, -0.5], 1);
    const r = relativeWeights(x, y, names);
    expect(r.weights.map((w) => w.sign)).toEqual([1, -1]);
    expect(r.weights[1]?.r).toBeLessThan(0);
  });

  it("weights sum to the R² of the full OLS model (= exact Shapley total)", () => {
    const mix = [
      [1, 0.6, 0.2],
      [0, 0.8, 0.5],
      [0, 0, 0.7],
    ];
    const { x, y, names } = synthetic(9, 800, [0.5, 0.3, -0.4], 1.2, mix);
    const rw = relativeWeights(x, y, names);
    const sh = shapleyR2(x, y, names);
    expect(sum(rw.weights.map((w) => w.weight))).toBeCloseTo(rw.r2, 12);
    expect(rw.r2).toBeCloseTo(sh.r2, 10);
    expect(sum(sh.values.map((v) => v.value))).toBeCloseTo(sh.r2, 12);
    expect(sum(rw.weights.map((w) => w.share))).toBeCloseTo(1, 12);
  });

  it("hand-computed two-driver case: weights from the correlations", () => {
    // R_xx = [[1, r], [r, 1]], r_xy = (a, b). Λ has eigenvalues 1 ± r on (1, 1)/√2 and (1, −1)/√2.
    // With r = 0: ε = (a², b²). Shapley on two uncorrelated drivers gives the same.
    const x = [
      [1, 1],
      [1, -1],
      [-1, 1],
      [-1, -1],
    ];
    const y = [3, 1, -1, -3]; // y = 2·x1 + x2 exactly: r_xy = (2, 1)/√5, R² = 1.
    const r = relativeWeights(x, y, ["a", "b"]);
    expect(r.r2).toBeCloseTo(1, 12);
    expect(r.weights[0]?.weight).toBeCloseTo(0.8, 12);
    expect(r.weights[1]?.weight).toBeCloseTo(0.2, 12);
  });

  it("is invariant to rescaling and shifting a driver (a negative factor flips its sign only)", () => {
    const { x, y, names } = synthetic(10, 500, [0.4, 0.6, 0.2], 1, [
      [1, 0.5, 0],
      [0, 1, 0.3],
      [0, 0, 1],
    ]);
    const base = relativeWeights(x, y, names);
    const scaled = relativeWeights(
      x.map((r) => [(r[0] as number) * 37 + 5, r[1] as number, (r[2] as number) * -0.01]),
      y.map((v) => v * 3 - 1),
      names,
    );
    scaled.weights.forEach((w, j) => {
      expect(w.weight).toBeCloseTo(base.weights[j]?.weight as number, 10);
    });
    expect(scaled.weights[2]?.sign).toBe(-(base.weights[2]?.sign as number));
  });

  it("leaves out rows with a missing value (listwise deletion)", () => {
    const { x, y, names } = synthetic(11, 300, [0.5, 0.5], 1);
    const holes = x.map((r, i) => (i % 10 === 0 ? [Number.NaN, r[1] as number] : r));
    const yHoles = y.map((v, i) => (i % 10 === 5 ? Number.NaN : v));
    const r = relativeWeights(holes, yHoles, names);
    expect(r.n).toBe(240);
    const kept = relativeWeights(
      x.filter((_, i) => i % 10 !== 0 && i % 10 !== 5),
      y.filter((_, i) => i % 10 !== 0 && i % 10 !== 5),
      names,
    );
    expect(r.r2).toBeCloseTo(kept.r2, 12);
  });

  it("refuses a constant driver, naming it", () => {
    const { x, y } = synthetic(12, 50, [0.5, 0.5], 1);
    const err = (() => {
      try {
        relativeWeights(
          x.map((r) => [r[0] as number, 3]),
          y,
          ["Hotline", "Rechnung"],
        );
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DriverAnalysisError);
    expect(err).toMatchObject({ code: "constant_driver", driver: "Rechnung" });
    expect((err as Error).message).toContain('"Rechnung"');
  });

  it("refuses (nearly) linearly dependent drivers", () => {
    const { x, y } = synthetic(13, 100, [0.5, 0.5], 1);
    const dependent = x.map((r) => [r[0] as number, r[1] as number, 2 * (r[0] as number) - (r[1] as number)]);
    expect(() => relativeWeights(dependent, y, ["a", "b", "c"])).toThrow(/linearly dependent/);
  });

  it("needs at least drivers + 2 complete rows", () => {
    const { x, y, names } = synthetic(14, 4, [0.5, 0.5, 0.5], 1);
    expect(() => relativeWeights(x, y, names)).toThrow(DriverAnalysisError);
    expect(() => relativeWeights(x, y, names)).toThrow(/drivers \+ 2 = 5/);
  });

  it("ranks drivers as an exact Shapley decomposition does (random correlated data, ≤ 6 drivers)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((p) =>
          fc.record({
            seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
            b: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: p, maxLength: p }),
            mix: fc.array(
              fc.array(fc.double({ min: -0.6, max: 0.6, noNaN: true }), { minLength: p, maxLength: p }),
              {
                minLength: p,
                maxLength: p,
              },
            ),
            noise: fc.double({ min: 0.3, max: 2, noNaN: true }),
          }),
        ),
        ({ seed, b, mix, noise }) => {
          // Identity plus off-diagonal mixing: correlated, never singular in practice.
          const m = mix.map((row, i) => row.map((v, j) => (i === j ? 1 : v)));
          const { x, y, names } = synthetic(seed, 300, b, noise, m);
          const rw = relativeWeights(x, y, names);
          const sh = shapleyR2(x, y, names);
          expect(rw.r2).toBeCloseTo(sh.r2, 8);
          // Every pair of drivers whose Shapley values differ by more than 2 % of R² is ordered alike
          // (closer pairs are ties for any practical purpose and may swap).
          for (let i = 0; i < names.length; i++)
            for (let j = i + 1; j < names.length; j++) {
              const di = (sh.values[i]?.value as number) - (sh.values[j]?.value as number);
              if (Math.abs(di) <= 0.02 * sh.r2) continue;
              const dr = (rw.weights[i]?.weight as number) - (rw.weights[j]?.weight as number);
              expect(Math.sign(dr)).toBe(Math.sign(di));
            }
        },
      ),
      { numRuns: 60, seed: 42 },
    );
  });
});

describe("exact Shapley R²", () => {
  it("splits R² of uncorrelated drivers by squared correlations (hand-computed)", () => {
    const x = [
      [1, 1],
      [1, -1],
      [-1, 1],
      [-1, -1],
    ];
    const y = [3, 1, -1, -3];
    const r = shapleyR2(x, y, ["a", "b"]);
    expect(r.values[0]?.value).toBeCloseTo(0.8, 12);
    expect(r.values[1]?.value).toBeCloseTo(0.2, 12);
  });

  it("takes at most 10 drivers", () => {
    const names = Array.from({ length: 11 }, (_, j) => `d${j}`);
    expect(() => shapleyR2([], [], names)).toThrow(/1–10 drivers/);
  });
});

describe("bootstrap intervals", () => {
  const b = [0.7, 0.3, 0];
  const { x, y, names } = synthetic(15, 400, b, 1);

  it("gives 95 % percentile intervals around the weights, the same for the same seed", () => {
    const point = relativeWeights(x, y, names);
    const one = bootstrapWeights(x, y, names, { resamples: 100, seed: 1 });
    const two = bootstrapWeights(x, y, names, { resamples: 100, seed: 1 });
    expect(one).toEqual(two);
    expect(one.resamples).toBe(100);
    one.intervals.forEach((iv, j) => {
      expect(iv.ci[0]).toBeLessThanOrEqual(iv.ci[1]);
      expect(iv.ci[0]).toBeLessThanOrEqual((point.weights[j]?.weight as number) + 0.02);
      expect(iv.ci[1]).toBeGreaterThanOrEqual((point.weights[j]?.weight as number) - 0.02);
    });
  });

  it("calls strong drivers significant and a pure-noise driver not", () => {
    const r = bootstrapWeights(x, y, names, { resamples: 200 });
    expect(r.intervals.map((i) => i.significant)).toEqual([true, true, false]);
  });

  it("quantile interpolates at (n − 1)·q", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([0, 10], 0.025)).toBeCloseTo(0.25, 12);
  });
});
