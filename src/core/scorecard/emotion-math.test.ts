import { describe, expect, it } from "vitest";
import { comparePeriods, medianRanks, meets, seriesPeriods, trendOf } from "../kpis/kpi-periods.js";
import {
  emotionPoint,
  emotionToScore,
  rankDifferentiation,
  scoreOf,
  scoreToEmotion,
} from "./emotion-math.js";

const sums = (xs: number[]) => ({
  n: xs.length,
  sum: xs.reduce((a, b) => a + b, 0),
  squares: xs.reduce((a, b) => a + b * b, 0),
  rated: xs.length,
  bySentiment: 0,
});

describe("scorecard math (hand-computed)", () => {
  it("scores, maps them onto the emotion scale and finds steps below their design", () => {
    // 5, 4, 3: mean 4, s = 1, half = 1.96/√3 = 1.1316 → [2.87, 5.13 → 5].
    const a = scoreOf(sums([5, 4, 3]));
    expect(a).toEqual({
      n: 3,
      rated: 3,
      bySentiment: 0,
      mean: 4,
      interval: { low: 2.87, high: 5, level: 0.95, method: "normal_mean" },
      warning: "small_sample",
    });
    expect([scoreToEmotion(1), scoreToEmotion(3), scoreToEmotion(5), scoreToEmotion(4)]).toEqual([
      -3, 0, 3, 1.5,
    ]);
    expect([emotionToScore(-3), emotionToScore(0), emotionToScore(1.5)]).toEqual([1, 3, 4]);
    // Designed +2 vs measured +1.5: below, but the interval (up to +3) reaches the design.
    expect(emotionPoint(2, a)).toMatchObject({
      designed: 2,
      measured: 1.5,
      below: true,
      belowSignificant: false,
    });
    // 2, 2, 1, 1: mean 1.5, s = √(1/3), half = 0.5658 → [1, 2.07]; emotion −2.25, high −1.4 < designed 1.
    const b = scoreOf(sums([2, 2, 1, 1]));
    expect(b.interval).toMatchObject({ low: 1, high: 2.07 });
    const point = emotionPoint(1, b);
    expect(point.measured).toBe(-2.25);
    expect(point.measuredInterval?.high).toBeCloseTo(-1.395, 1);
    expect(point).toMatchObject({ below: true, belowSignificant: true });
    expect(emotionPoint(-3, b)).toMatchObject({ below: false, belowSignificant: false });
    expect(emotionPoint(null, b).below).toBe(false);
    expect(scoreOf(sums([]))).toMatchObject({ n: 0, mean: null, interval: null });
    expect(scoreOf(sums([4])).interval).toBeNull();
  });

  it("ranks emotional differentiation by importance × shortfall, ties in journey order", () => {
    const step = (stepId: string, importance: number | null, measured: number | null) => ({
      stepId,
      title: stepId,
      signature: stepId === "E",
      importance,
      target: 4.5,
      measured,
    });
    const ranked = rankDifferentiation([
      step("A", 0.5, 3), // 0.5 × 1.5 = 0.75
      step("B", 0.2, 2), // 0.2 × 2.5 = 0.5
      step("C", 0.3, 4.8), // shortfall 0 → 0
      step("D", null, 2), // no importance: unranked
      step("E", 0.25, 1.5), // 0.25 × 3 = 0.75, ties A
    ]);
    expect(ranked.map((r) => [r.stepId, r.rank, r.shortfall, r.potential])).toEqual([
      ["A", 1, 1.5, 0.75],
      ["E", 2, 3, 0.75],
      ["B", 3, 2.5, 0.5],
      ["C", 4, 0, 0],
      ["D", null, 2.5, null],
    ]);
  });

  it("cuts KPI periods by calendar week and month and reads the trend in the KPI's direction", () => {
    const iso = (ps: { from: Date; to: Date }[]) => ps.map((p) => [p.from.toISOString(), p.to.toISOString()]);
    expect(iso(seriesPeriods(new Date("2026-11-23T14:00:00Z"), "month", 3))).toEqual([
      ["2026-09-01T00:00:00.000Z", "2026-10-01T00:00:00.000Z"],
      ["2026-10-01T00:00:00.000Z", "2026-11-01T00:00:00.000Z"],
      ["2026-11-01T00:00:00.000Z", "2026-11-23T14:00:00.000Z"],
    ]);
    // 2026-11-23 is a Monday: a `to` at its midnight ends the week of the 16th.
    expect(iso(seriesPeriods(new Date("2026-11-23T00:00:00Z"), "week", 2))).toEqual([
      ["2026-11-09T00:00:00.000Z", "2026-11-16T00:00:00.000Z"],
      ["2026-11-16T00:00:00.000Z", "2026-11-23T00:00:00.000Z"],
    ]);
    const { current, previous } = comparePeriods(new Date("2026-11-30T00:00:00Z"), 30);
    expect(iso([previous, current])).toEqual([
      ["2026-10-01T00:00:00.000Z", "2026-10-31T00:00:00.000Z"],
      ["2026-10-31T00:00:00.000Z", "2026-11-30T00:00:00.000Z"],
    ]);
    // Order-statistic ranks of a median's 95 % interval: n = 100 → 40 and 61 (the published table values).
    expect([medianRanks(5), medianRanks(6), medianRanks(100)]).toEqual([null, [1, 6], [40, 61]]);
    expect(trendOf("lower", 8, 10)).toEqual({ change: -2, trend: "improving" });
    expect(trendOf("higher", 8, 10)).toEqual({ change: -2, trend: "worsening" });
    expect(trendOf("higher", 10.02, 10).trend).toBe("flat");
    expect(trendOf("higher", null, 10)).toEqual({ change: null, trend: null });
    expect([meets("lower", 9, 10), meets("higher", 9, 10), meets("higher", null, 10)]).toEqual([
      true,
      false,
      null,
    ]);
  });
});
