import { formatNumber } from "../metrics/format";
import type { Score } from "./types";

/** A 1–5 score with its interval, two decimals. */
export const score = (s: Score) =>
  s.mean === null
    ? "–"
    : `${formatNumber(s.mean, 2)}${s.interval ? ` (${formatNumber(s.interval.low, 2)} – ${formatNumber(s.interval.high, 2)})` : ""}`;

/** An emotion −3..3 with its sign. */
export const emotion = (v: number | null) => (v === null ? "–" : `${v > 0 ? "+" : ""}${formatNumber(v, 1)}`);
