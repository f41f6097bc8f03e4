import { describe, expect, it } from "vitest";
import { meanFromHistogram } from "../metrics/mean.js";
import { classify, gapOf, meanFromMoments, median } from "./gap-report.js";

const moments = (values: number[]) => ({
  n: values.length,
  sum: values.reduce((s, v) => s + v, 0),
  squares: values.reduce((s, v) => s + v * v, 0),
});

describe("gap arithmetic", () => {
  it("gives the same mean and interval as the metrics module for whole-number answers", () => {
    const values = [1, 2, 2, 3, 4, 4, 4, 5, 5, 5, 5];
    const histogram = new Map<number, number>();
    for (const v of values) histogram.set(v, (histogram.get(v) ?? 0) + 1);
    expect(meanFromMoments(moments(values))).toEqual(meanFromHistogram(histogram, { min: 1, max: 5 }));
  });

  it("keeps fractional means inside the scale: 1, 3, 2 → 2.00 (1.00 – 3.13)", () => {
    expect(meanFromMoments(moments([1, 3, 2]))).toEqual({
      n: 3,
      value: 2,
      interval: { low: 1, high: 3.13, level: 0.95, method: "normal_mean" },
      warning: "small_sample",
    });
  });

  it("computes the gap with a Welch interval, a single value counting as fixed", () => {
    // internal 4, 5, 2, 5 (s² = 2) vs measured 4, 4, 5, 1, 3, 2, 5, 5, 3 (s² = 2.0278):
    // 4 − 3.5556 = 0.44 ± 1.96 · √(2/4 + 2.0278/9) = ± 1.67.
    expect(gapOf(moments([4, 5, 2, 5]), moments([4, 4, 5, 1, 3, 2, 5, 5, 3]))).toEqual({
      value: 0.44,
      interval: { low: -1.22, high: 2.11, level: 0.95, method: "welch_normal" },
    });
    // 4 − mean(4, 4, 5): the internal side has no spread, only the measured one counts.
    expect(gapOf(moments([4]), moments([4, 4, 5]))).toMatchObject({
      value: -0.33,
      interval: { low: -0.99, high: 0.32 },
    });
    expect(gapOf(moments([5]), moments([3]))).toEqual({ value: 2, interval: null });
    expect(gapOf(moments([]), moments([3]))).toEqual({ value: null, interval: null });
  });

  it("classifies by threshold and importance above the median", () => {
    expect(median([0.3333, 0.3333, 0.2222, 0.1111])).toBeCloseTo(0.27775, 10);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNull();
    expect(classify(3, true, 0.5)).toBe("blindspot");
    expect(classify(2, false, 0.5)).toBe("over_rated");
    expect(classify(0.5, true, 0.5)).toBe("aligned");
    expect(classify(-0.5, true, 0.5)).toBe("aligned");
    expect(classify(-0.51, false, 0.5)).toBe("under_rated");
    expect(classify(null, true, 0.5)).toBe("unknown");
  });
});
