import type { GapClass, TouchpointGap } from "./types";

/** Colours of the blindspot matrix, by class (contrast ≥ 3:1 on white). */
export const CLASS_COLORS: Record<GapClass, string> = {
  blindspot: "#c0362c",
  over_rated: "#b86e00",
  aligned: "#2f7d4f",
  under_rated: "#2563a8",
  unknown: "#8a919c",
};

export interface MatrixPoint {
  name: string;
  owner: string;
  /** [importance in %, gap on the 1–5 scale] */
  value: [number, number];
  gapClass: GapClass;
}

/** Touchpoints with a known gap and importance, as points of the gap × importance matrix. */
export function matrixPoints(touchpoints: readonly TouchpointGap[]): MatrixPoint[] {
  return touchpoints.flatMap((t) =>
    t.gap.value === null || t.importance === null
      ? []
      : [
          {
            name: t.name,
            owner: [t.owner.team, t.owner.name].filter(Boolean).join(" · "),
            value: [Math.round(t.importance * 1000) / 10, t.gap.value] as [number, number],
            gapClass: t.class,
          },
        ],
  );
}
