import { describe, expect, it } from "vitest";
import { goodness, quadrantPoints } from "./quadrant";
import type { KeyDriver } from "./types";

const driver = (over: Partial<KeyDriver>): KeyDriver => ({
  key: "k",
  label: "K",
  weight: 0.2,
  share: 0.4,
  sign: 1,
  ci: null,
  significant: null,
  n: 10,
  performance: 4,
  scale: { min: 1, max: 5, higherIsBetter: true },
  quadrant: "strength",
  ...over,
});

describe("driver quadrant", () => {
  it("normalises performance to 0–1, reversed when lower is better", () => {
    expect(goodness(driver({ performance: 4 }))).toBe(0.75);
    expect(goodness(driver({ performance: 1, scale: { min: 0, max: 4, higherIsBetter: false } }))).toBe(0.75);
  });

  it("places drivers by goodness and % of R²", () => {
    expect(quadrantPoints([driver({ share: 0.4567, performance: 2 })])).toEqual([
      { key: "k", label: "K", value: [0.25, 45.7], quadrant: "strength" },
    ]);
  });
});
