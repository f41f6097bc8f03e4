import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreBand } from "./bands";

describe("score bands", () => {
  it("follow the documented cut-offs", () => {
    expect([0, 6, 7, 8, 9, 10].map((v) => scoreBand("nps", v, 0, 10))).toEqual([
      "negative",
      "negative",
      "neutral",
      "neutral",
      "positive",
      "positive",
    ]);
    expect([1, 2, 3, 4, 5].map((v) => scoreBand("csat", v, 1, 5))).toEqual([
      "negative",
      "negative",
      "neutral",
      "positive",
      "positive",
    ]);
    expect([1, 3, 4, 5, 7].map((v) => scoreBand("ces", v, 1, 7))).toEqual([
      "negative",
      "negative",
      "neutral",
      "positive",
      "positive",
    ]);
    expect([1, 2, 3, 5, 6, 7].map((v) => scoreBand("csat", v, 1, 7))).toEqual([
      "negative",
      "negative",
      "neutral",
      "neutral",
      "positive",
      "positive",
    ]);
    expect([1, 2, 3, 8, 9, 10].map((v) => scoreBand("rating", v, 1, 10))).toEqual([
      "negative",
      "negative",
      "neutral",
      "neutral",
      "positive",
      "positive",
    ]);
  });

  it("never gets worse as the value rises", () => {
    const order = { negative: 0, neutral: 1, positive: 2 };
    fc.assert(
      fc.property(
        fc.constantFrom("nps", "csat", "ces", "rating" as const),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 3, max: 10 }),
        (metric, min, span) => {
          const max = Math.min(10, min + span);
          for (let v = min; v < max; v++) {
            expect(order[scoreBand(metric, v + 1, min, max)]).toBeGreaterThanOrEqual(
              order[scoreBand(metric, v, min, max)],
            );
          }
        },
      ),
    );
  });
});
