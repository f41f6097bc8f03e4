import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cesEasy, cesEasyFromHistogram, cesMean, cesMeanFromHistogram } from "./ces.js";
import {
  CSAT_SCALE,
  csat,
  csatFromHistogram,
  csatFromHistograms,
  satisfactionMean,
  satisfactionMeanFromHistogram,
} from "./csat.js";
import { mean, meanFromHistogram } from "./mean.js";
import { nps, npsFromHistogram } from "./nps.js";
import { wilson } from "./proportion.js";
import type { Answer, MetricValue, Scale } from "./types.js";

// Plain reference implementations, written straight from DESIGN §3 over answer lists.
const valid = (answers: readonly Answer[], s: Scale) =>
  answers.filter(
    (a): a is number => typeof a === "number" && Number.isInteger(a) && a >= s.min && a <= s.max,
  );

function refNps(answers: readonly Answer[]) {
  const xs = valid(answers, { min: 0, max: 10 });
  const P = xs.filter((x) => x >= 9).length;
  const D = xs.filter((x) => x <= 6).length;
  const N = xs.length;
  if (N === 0) return null;
  const value = (100 * (P - D)) / N;
  const se = 100 * Math.sqrt((P / N + D / N - (P / N - D / N) ** 2) / N);
  return {
    n: N,
    P,
    D,
    value,
    low: Math.max(-100, value - 1.96 * se),
    high: Math.min(100, value + 1.96 * se),
  };
}

function refWilson(k: number, n: number) {
  const z = 1.959964;
  const p = k / n;
  const c = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const h = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { value: (100 * k) / n, low: 100 * (c - h), high: 100 * (c + h) };
}

function refMean(xs: readonly number[], s: Scale) {
  const n = xs.length;
  const m = xs.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { n, value: m, low: null, high: null };
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1));
  const half = (1.96 * sd) / Math.sqrt(n);
  return { n, value: m, low: Math.max(s.min, m - half), high: Math.min(s.max, m + half) };
}

/** Rounded figures must sit within half a unit of the last kept decimal of the exact figure. */
function expectRounded(actual: number | null | undefined, exact: number, decimals: number) {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - exact)).toBeLessThanOrEqual(0.5 / 10 ** decimals + 1e-9);
  const scaled = (actual as number) * 10 ** decimals;
  expect(Math.abs(scaled - Math.round(scaled))).toBeLessThan(1e-6);
}

function expectProportion(m: MetricValue, k: number, n: number) {
  expect(m.n).toBe(n);
  if (n === 0) {
    expect(m).toMatchObject({ value: null, interval: null, warning: null });
    return;
  }
  const r = refWilson(k, n);
  expectRounded(m.value, r.value, 1);
  expectRounded(m.interval?.low, Math.max(0, r.low), 1);
  expectRounded(m.interval?.high, Math.min(100, r.high), 1);
  expect(m.interval).toMatchObject({ level: 0.95, method: "wilson" });
  expect(m.warning).toBe(n < 30 ? "small_sample" : null);
}

function expectMean(m: MetricValue, answers: readonly Answer[], s: Scale) {
  const xs = valid(answers, s);
  expect(m.n).toBe(xs.length);
  if (xs.length === 0) {
    expect(m).toMatchObject({ value: null, interval: null, warning: null });
    return;
  }
  const r = refMean(xs, s);
  expectRounded(m.value, r.value, 2);
  if (r.low === null || r.high === null) expect(m.interval).toBeNull();
  else {
    expectRounded(m.interval?.low, r.low, 2);
    expectRounded(m.interval?.high, r.high, 2);
    expect(m.interval?.method).toBe("normal_mean");
  }
}

/** Answers on a scale mixed with skips and a few values that are not answers on it. */
const answersOn = (s: Scale, maxLength = 300) =>
  fc.array(
    fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: s.min, max: s.max }) },
      { weight: 1, arbitrary: fc.constantFrom<Answer>(null, undefined) },
      { weight: 1, arbitrary: fc.constantFrom<Answer>(s.min - 1, s.max + 1, s.min + 0.5, Number.NaN) },
    ),
    { maxLength },
  );
/** A histogram as value/count pairs, values possibly repeated, and the answer list it stands for. */
const pairsOn = (s: Scale) =>
  fc.array(fc.tuple(fc.integer({ min: s.min - 1, max: s.max + 1 }), fc.integer({ min: 0, max: 40 })), {
    maxLength: 30,
  });
const expand = (pairs: readonly (readonly [number, number])[]) =>
  pairs.flatMap(([v, c]) => Array.from({ length: c }, () => v));
const hugePairsOn = (s: Scale) =>
  fc.array(fc.tuple(fc.integer({ min: s.min, max: s.max }), fc.integer({ min: 0, max: 2_000_000_000 })), {
    minLength: 1,
    maxLength: 15,
  });

const NPS: Scale = { min: 0, max: 10 };
const CES: Scale = { min: 1, max: 7 };
const SCALES: Scale[] = [CSAT_SCALE, { min: 1, max: 7 }, { min: 1, max: 10 }];

describe("NPS", () => {
  it("pins the textbook case 8 promoters, 9 passives, 22 detractors of 39", () => {
    const answers = [...Array(8).fill(10), ...Array(9).fill(7), ...Array(22).fill(3)];
    const m = nps(answers);
    expect(m).toEqual({
      n: 39,
      value: -35.9,
      // SE = 100·√((30/39 − (14/39)²)/39) = 12.8139…; −35.8974 ∓ 25.1153
      interval: { low: -61.0, high: -10.8, level: 0.95, method: "nps_se" },
      warning: null,
      components: { promoters: 8, passives: 9, detractors: 22 },
    });
    expect((100 * (8 - 22)) / 39).toBeCloseTo(-35.897435897, 9);
  });

  it("pins 50 promoters, 30 passives, 20 detractors: NPS 30, SE = 100·√((0.7 − 0.09)/100) = 7.8102", () => {
    const m = npsFromHistogram(
      new Map([
        [9, 20],
        [10, 30],
        [7, 10],
        [8, 20],
        [0, 5],
        [6, 15],
      ]),
    );
    // 30 ± 1.96 · 7.810250 = 30 ± 15.30809
    expect(m).toMatchObject({ n: 100, value: 30, interval: { low: 14.7, high: 45.3 }, warning: null });
  });

  it("gives no value for no answers or only skips, and warns under 30", () => {
    expect(nps([])).toEqual({
      n: 0,
      value: null,
      interval: null,
      warning: null,
      components: { promoters: 0, passives: 0, detractors: 0 },
    });
    expect(nps([null, undefined, null])).toMatchObject({ n: 0, value: null });
    expect(nps([10])).toMatchObject({ n: 1, value: 100, interval: { low: 100, high: 100 } });
    expect(nps(Array(29).fill(9)).warning).toBe("small_sample");
    expect(nps(Array(30).fill(9)).warning).toBeNull();
  });

  it("keeps the interval inside −100..100 and rounds only the final figures", () => {
    const m = nps([...Array(9).fill(10), 8]);
    expect(m.value).toBe(90);
    expect(m.interval?.high).toBe(100);
    // 2 promoters, 1 detractor of 3: 33.333… → 33.3, not a rounded share difference.
    expect(nps([9, 10, 0]).value).toBe(33.3);
  });

  it("equals the reference over random answer sets", () => {
    fc.assert(
      fc.property(answersOn(NPS), (answers) => {
        const m = nps(answers);
        const r = refNps(answers);
        if (r === null) {
          expect(m.value).toBeNull();
          return;
        }
        expect(m.n).toBe(r.n);
        expect(m.components).toEqual({ promoters: r.P, passives: r.n - r.P - r.D, detractors: r.D });
        expectRounded(m.value, r.value, 1);
        expectRounded(m.interval?.low, r.low, 1);
        expectRounded(m.interval?.high, r.high, 1);
        expect(m.warning).toBe(r.n < 30 ? "small_sample" : null);
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same result from a histogram as from the answers it counts", () => {
    fc.assert(
      fc.property(pairsOn(NPS), (pairs) => {
        expect(npsFromHistogram(pairs)).toEqual(nps(expand(pairs)));
      }),
      { numRuns: 300 },
    );
  });

  it("stays exact for huge n", () => {
    fc.assert(
      fc.property(hugePairsOn(NPS), (pairs) => {
        const N = pairs.reduce((a, [, c]) => a + c, 0);
        const m = npsFromHistogram(pairs);
        if (N === 0) {
          expect(m.value).toBeNull();
          return;
        }
        const P = pairs.filter(([v]) => v >= 9).reduce((a, [, c]) => a + c, 0);
        const D = pairs.filter(([v]) => v <= 6).reduce((a, [, c]) => a + c, 0);
        const value = (100 * (P - D)) / N;
        const se = 100 * Math.sqrt((P / N + D / N - (P / N - D / N) ** 2) / N);
        expect(m.n).toBe(N);
        expectRounded(m.value, value, 1);
        expectRounded(m.interval?.low, Math.max(-100, value - 1.96 * se), 1);
        expectRounded(m.interval?.high, Math.min(100, value + 1.96 * se), 1);
      }),
    );
  });
});

describe("Wilson interval", () => {
  it("matches published 95 % values", () => {
    const at4 = (x: { low: number; high: number } | null) => x && [x.low.toFixed(4), x.high.toFixed(4)];
    expect(at4(wilson(0, 10))).toEqual(["0.0000", "0.2775"]);
    expect(at4(wilson(10, 10))).toEqual(["0.7225", "1.0000"]);
    expect(at4(wilson(81, 263))).toEqual(["0.2553", "0.3662"]);
    expect(wilson(0, 0)).toBeNull();
  });

  it("equals the reference for any k ≤ n, also for huge n", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 2_000_000_000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([k, n]) => {
          const w = wilson(k, n);
          const r = refWilson(k, n);
          expect(w?.low).toBeCloseTo(Math.max(0, r.low / 100), 12);
          expect(w?.high).toBeCloseTo(Math.min(1, r.high / 100), 12);
        },
      ),
    );
  });
});

describe("CSAT", () => {
  it("counts the top-2 boxes of each scale", () => {
    expect(csat([5, 4, 3, 2, 1, null])).toMatchObject({ n: 5, value: 40, components: { satisfied: 2 } });
    const seven = csat([7, 6, 5, 5, 4, 1, 7, 6], { min: 1, max: 7 });
    expect(seven).toMatchObject({ n: 8, value: 50, components: { satisfied: 4 }, warning: "small_sample" });
    // Wilson 95 % for 4/8: 0.2152..0.7848
    expect(seven.interval).toEqual({ low: 21.5, high: 78.5, level: 0.95, method: "wilson" });
    const ten = csat([10, 9, 8, 7, 1, 10], { min: 1, max: 10 });
    expect(ten).toMatchObject({ n: 6, value: 50, components: { satisfied: 3 } });
    // 81 satisfied of 263: 30.8 % (25.5..36.6)
    const big = csatFromHistogram(
      new Map([
        [5, 40],
        [4, 41],
        [3, 100],
        [1, 82],
      ]),
    );
    expect(big).toMatchObject({ n: 263, value: 30.8, interval: { low: 25.5, high: 36.6 }, warning: null });
  });

  it("pools answers on different scales, each by its own top boxes", () => {
    const m = csatFromHistograms([
      {
        scale: CSAT_SCALE,
        histogram: [
          [4, 3],
          [3, 1],
        ],
      },
      {
        scale: { min: 1, max: 10 },
        histogram: [
          [8, 2],
          [9, 2],
        ],
      },
    ]);
    expect(m).toMatchObject({ n: 8, value: 62.5, components: { satisfied: 5 } });
  });

  it("equals the Wilson reference over random answers on every scale, and the histogram path agrees", () => {
    for (const scale of SCALES) {
      fc.assert(
        fc.property(answersOn(scale), (answers) => {
          const xs = valid(answers, scale);
          expectProportion(csat(answers, scale), xs.filter((x) => x >= scale.max - 1).length, xs.length);
        }),
        { numRuns: 150 },
      );
      fc.assert(
        fc.property(pairsOn(scale), (pairs) => {
          expect(csatFromHistogram(pairs, scale)).toEqual(csat(expand(pairs), scale));
        }),
        { numRuns: 150 },
      );
    }
  });

  it("reports mean satisfaction over 1–5 answers only, with a normal interval", () => {
    expect(satisfactionMean([1, 2, 3, 4, 5, 6, 0, null])).toEqual({
      n: 5,
      value: 3,
      // 3 ± 1.96 · √2.5 / √5 = 3 ± 1.3859
      interval: { low: 1.61, high: 4.39, level: 0.95, method: "normal_mean" },
      warning: "small_sample",
    });
    expect(satisfactionMean([4])).toEqual({ n: 1, value: 4, interval: null, warning: "small_sample" });
    expect(satisfactionMean([])).toEqual({ n: 0, value: null, interval: null, warning: null });
    fc.assert(
      fc.property(answersOn(CSAT_SCALE), (answers) =>
        expectMean(satisfactionMean(answers), answers, CSAT_SCALE),
      ),
    );
    fc.assert(
      fc.property(pairsOn(CSAT_SCALE), (pairs) => {
        expect(satisfactionMeanFromHistogram(pairs)).toEqual(satisfactionMean(expand(pairs)));
      }),
    );
  });
});

describe("CES and means", () => {
  it("reports the CES mean and the share of 5–7", () => {
    const answers = [1, 2, 3, 4, 5, 6, 7];
    expect(cesMean(answers)).toMatchObject({ n: 7, value: 4 });
    expect(cesEasy(answers)).toMatchObject({ n: 7, value: 42.9, components: { easy: 3 } });
    expect(cesEasy([8, 0, null])).toMatchObject({ n: 0, value: null, interval: null });
  });

  it("equals the references over random answers, and the histogram paths agree", () => {
    fc.assert(fc.property(answersOn(CES), (answers) => expectMean(cesMean(answers), answers, CES)));
    fc.assert(
      fc.property(answersOn(CES), (answers) => {
        const xs = valid(answers, CES);
        expectProportion(cesEasy(answers), xs.filter((x) => x >= 5).length, xs.length);
      }),
    );
    fc.assert(
      fc.property(pairsOn(CES), (pairs) => {
        expect(cesMeanFromHistogram(pairs)).toEqual(cesMean(expand(pairs)));
        expect(cesEasyFromHistogram(pairs)).toEqual(cesEasy(expand(pairs)));
      }),
    );
  });

  it("keeps means exact for huge n and on any rating scale", () => {
    fc.assert(
      fc.property(hugePairsOn(CES), (pairs) => {
        const m = meanFromHistogram(pairs, CES);
        const n = pairs.reduce((a, [, c]) => a + c, 0);
        if (n === 0) {
          expect(m.value).toBeNull();
          return;
        }
        const avg = pairs.reduce((a, [v, c]) => a + v * c, 0) / n;
        expect(m.n).toBe(n);
        expectRounded(m.value, avg, 2);
      }),
    );
    const scale = fc
      .tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 10 }))
      .filter(([a, b]) => a < b)
      .map(([min, max]) => ({ min, max }));
    fc.assert(
      fc.property(
        scale.chain((s) => fc.tuple(fc.constant(s), answersOn(s))),
        ([s, answers]) => expectMean(mean(answers, s), answers, s),
      ),
    );
  });
});
