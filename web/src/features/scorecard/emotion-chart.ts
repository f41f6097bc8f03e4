import type { ScorecardStep } from "./types";

/** The emotion scale is −3..3; the chart plots it shifted by +3 so the shading band can stack on 0..6. */
export const OFFSET = 3;
export const BELOW_COLOR = "#d92d20";
export const DESIGNED_COLOR = "#667085";
export const MEASURED_COLOR = "#2f6fde";

export interface EmotionSeries {
  labels: string[];
  designed: (number | null)[];
  measured: (number | null)[];
  /** The measured value (shifted), the base the band stacks on. */
  base: (number | null)[];
  /** designed − measured where measured falls below the design, else 0: shaded between the lines. */
  band: (number | null)[];
}

/** Designed vs measured emotion per step, and the band to shade where measured is below designed. */
export function emotionSeries(steps: readonly ScorecardStep[]): EmotionSeries {
  const shift = (v: number | null) => (v === null ? null : v + OFFSET);
  return {
    labels: steps.map((s) => s.title),
    designed: steps.map((s) => shift(s.emotion.designed)),
    measured: steps.map((s) => shift(s.emotion.measured)),
    base: steps.map((s) => (s.emotion.designed === null ? null : shift(s.emotion.measured))),
    band: steps.map((s) =>
      s.emotion.designed === null || s.emotion.measured === null
        ? null
        : Math.max(0, s.emotion.designed - s.emotion.measured),
    ),
  };
}
