import type { RatingMetric, ScoreBand } from "../../api/listen";

/**
 * The score band of one rating (docs/api/listen.md §3): NPS 0–6 / 7–8 / 9–10, CES 1–3 / 4 / 5–7, any
 * other scale bottom-2 / middle / top-2 boxes.
 */
export function scoreBand(metric: RatingMetric, value: number, min: number, max: number): ScoreBand {
  if (metric === "nps") return value <= 6 ? "negative" : value <= 8 ? "neutral" : "positive";
  if (metric === "ces") return value <= 3 ? "negative" : value === 4 ? "neutral" : "positive";
  if (value >= max - 1) return "positive";
  if (value <= min + 1) return "negative";
  return "neutral";
}
