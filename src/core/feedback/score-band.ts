import type { ScoreBand, StoredRating } from "../db/schema.js";

export type BandRating = Pick<StoredRating, "metric" | "value" | "min" | "max">;

/**
 * The band of one rating (docs/api/listen.md §3): NPS 0–6 / 7–8 / 9–10; CES 1–7 1–3 / 4 / 5–7;
 * other scales bottom-2 / middle / top-2 boxes. Scales with fewer than five points have no room
 * for two boxes at each end, so only their lowest and highest points are negative and positive.
 */
export function ratingBand(r: BandRating): ScoreBand {
  if (r.metric === "nps") return r.value <= 6 ? "negative" : r.value <= 8 ? "neutral" : "positive";
  if (r.metric === "ces" && r.min === 1 && r.max === 7)
    return r.value <= 3 ? "negative" : r.value === 4 ? "neutral" : "positive";
  const box = r.max - r.min + 1 >= 5 ? 1 : 0;
  if (r.value <= r.min + box) return "negative";
  if (r.value >= r.max - box) return "positive";
  return "neutral";
}

/** The stored `score_band` of a record: the band of its first rating, null without ratings. */
export function scoreBand(ratings: readonly BandRating[]): ScoreBand | null {
  const first = ratings[0];
  return first ? ratingBand(first) : null;
}
