import { describe, expect, it } from "vitest";
import type { TrendResult } from "../../api/text";
import { negativeShare, trendPoints } from "./trend";

const item = (period: string, aspect: string, negative: number, neutral = 0, positive = 0) => ({
  period,
  aspect,
  mentions: negative + neutral + positive,
  negative,
  neutral,
  positive,
  meanScore: negative > positive ? -0.5 : 0.5,
});

describe("trendPoints", () => {
  it("keeps one aspect's buckets in time order and fills empty weeks with zeros", () => {
    const result: TrendResult = {
      interval: "week",
      items: [
        item("2026-03-16", "waiting_time", 1, 0, 2),
        item("2026-03-02", "waiting_time", 4, 1),
        item("2026-03-02", "", 5, 3, 9),
        item("2026-03-09", "price", 2),
      ],
      totals: [],
    };
    const points = trendPoints(result, "waiting_time");
    expect(points.map((p) => [p.period, p.negative, p.neutral, p.positive])).toEqual([
      ["2026-03-02", 4, 1, 0],
      ["2026-03-09", 0, 0, 0],
      ["2026-03-16", 1, 0, 2],
    ]);
    expect(points[1]?.meanScore).toBeNull();
    expect(trendPoints(result, "").map((p) => p.mentions)).toEqual([17]);
  });

  it("steps months by calendar month and days by day, accepting timestamps as periods", () => {
    const months: TrendResult = {
      interval: "month",
      items: [item("2026-01-01T00:00:00.000Z", "", 1), item("2026-04-01", "", 2)],
      totals: [],
    };
    expect(trendPoints(months, "").map((p) => p.period)).toEqual([
      "2026-01-01",
      "2026-02-01",
      "2026-03-01",
      "2026-04-01",
    ]);
    const days: TrendResult = {
      interval: "day",
      items: [item("2026-02-27", "", 1), item("2026-03-02", "", 1)],
      totals: [],
    };
    expect(trendPoints(days, "").map((p) => p.period)).toEqual([
      "2026-02-27",
      "2026-02-28",
      "2026-03-01",
      "2026-03-02",
    ]);
  });

  it("is empty without buckets for the aspect", () => {
    expect(trendPoints({ interval: "day", items: [item("2026-03-02", "price", 1)], totals: [] }, "")).toEqual(
      [],
    );
  });
});

describe("negativeShare", () => {
  it("divides by mentions and is null without any", () => {
    expect(negativeShare({ mentions: 8, negative: 2 })).toBe(0.25);
    expect(negativeShare({ mentions: 0, negative: 0 })).toBeNull();
  });
});
