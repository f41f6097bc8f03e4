import type { KeyDriver, Quadrant } from "./types";

export const QUADRANT_COLORS: Record<Quadrant, string> = {
  strength: "#12b76a",
  weakness: "#d92d20",
  maintain: "#4338ca",
  opportunity: "#98a2b3",
};

/** Performance on 0–1, higher = better (reversed for drivers where lower is better), as the quadrant uses. */
export function goodness(d: Pick<KeyDriver, "performance" | "scale">): number {
  const { min, max, higherIsBetter } = d.scale;
  const g = max > min ? (d.performance - min) / (max - min) : 0;
  return higherIsBetter ? g : 1 - g;
}

export interface QuadrantPoint {
  key: string;
  label: string;
  /** Goodness 0–1 (x) and share of R² in % (y). */
  value: [number, number];
  quadrant: Quadrant;
}

/** The scatter points: x = performance (goodness), y = importance (% of R²). */
export function quadrantPoints(drivers: readonly KeyDriver[]): QuadrantPoint[] {
  return drivers.map((d) => ({
    key: d.key,
    label: d.label,
    value: [Math.round(goodness(d) * 1000) / 1000, Math.round(d.share * 1000) / 10],
    quadrant: d.quadrant,
  }));
}
