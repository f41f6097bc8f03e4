import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ratingBand, scoreBand } from "./score-band.js";

describe("score bands (docs/api/listen.md §3)", () => {
  const short = { negative: "-", neutral: "o", positive: "+" };
  const bands = (metric: "nps" | "csat" | "ces" | "rating", min: number, max: number) =>
    Array.from(
      { length: max - min + 1 },
      (_, i) => short[ratingBand({ metric, value: min + i, min, max })],
    ).join("");

  it("follows the contract's table for each fixed scale", () => {
    expect(bands("nps", 0, 10)).toBe("-------oo++");
    expect(bands("csat", 1, 5)).toBe("--o++");
    expect(bands("csat", 1, 7)).toBe("--ooo++");
    expect(bands("csat", 1, 10)).toBe("--oooooo++");
    expect(bands("ces", 1, 7)).toBe("---o+++");
    expect(bands("rating", 0, 10)).toBe("--ooooooo++");
    expect(bands("rating", 1, 3)).toBe("-o+");
    expect(bands("rating", 0, 1)).toBe("-+");
  });

  it("takes the first rating, null without ratings", () => {
    expect(scoreBand([])).toBeNull();
    expect(
      scoreBand([
        { metric: "csat", value: 5, min: 1, max: 5 },
        { metric: "nps", value: 0, min: 0, max: 10 },
      ]),
    ).toBe("positive");
  });

  it("is monotone in the value on every scale", () => {
    const rank = { negative: 0, neutral: 1, positive: 2 };
    fc.assert(
      fc.property(
        fc.constantFrom("csat" as const, "rating" as const),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 10 }),
        (metric, min, width) => {
          const max = Math.min(10, min + width);
          for (let v = min; v < max; v++) {
            const a = ratingBand({ metric, value: v, min, max });
            const b = ratingBand({ metric, value: v + 1, min, max });
            if (rank[a] > rank[b]) return false;
          }
          return (
            ratingBand({ metric, value: min, min, max }) === "negative" &&
            ratingBand({ metric, value: max, min, max }) === "positive"
          );
        },
      ),
    );
  });
});
