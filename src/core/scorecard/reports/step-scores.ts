import { chDateTime, SqlParams } from "../../analytics/scope.js";
import type { FactsStore } from "../../facts/client.js";
import type { ScoreSums } from "../emotion-math.js";

export interface StepScoreRow extends ScoreSums {
  stageId: string;
  stepId: string;
}

/**
 * Scores of the feedback linked to a journey (counted records received in `[from, to)`), summed per
 * stage and step: a record's score is the mean of its ratings mapped linearly onto 1–5, or without
 * a rating its sentiment as 3 + 2·score (−1…1 → 1…5, as the gap report counts it).
 */
export async function stepScores(
  facts: FactsStore,
  p: { workspaceId: string; journeyId: string; from: Date; to: Date },
): Promise<StepScoreRow[]> {
  const db = facts.database;
  const params = new SqlParams();
  const ws = params.add("UUID", p.workspaceId);
  const rows = await facts.query<{
    stage_id: string;
    step_id: string;
    n: string;
    s: number;
    ss: number;
    rated: string;
    by_sentiment: string;
  }>(
    `SELECT stage_id, step_id, count() AS n, sum(r) AS s, sum(r * r) AS ss,
        countIf(is_rated) AS rated, countIf(NOT is_rated) AS by_sentiment
      FROM (
        SELECT f.stage_id AS stage_id, f.step_id AS step_id, length(f.rs) > 0 AS is_rated,
          if(is_rated, arrayAvg(f.rs), if(t.has = 1, t.score, nan)) AS r
        FROM (SELECT feedback_id, stage_id, step_id,
            arrayFilter(x -> NOT isNaN(x), arrayMap((v, lo, hi) -> if(hi > lo, 1 + 4 * (v - lo) / (hi - lo), nan),
              rating_values, rating_mins, rating_maxs)) AS rs
          FROM ${db}.feedback FINAL
          WHERE workspace_id = ${ws} AND journey_id = ${params.add("String", p.journeyId)}
            AND deleted = 0 AND finished = 1 AND flagged = 0
            AND received_at >= ${params.add("DateTime64(3, 'UTC')", chDateTime(p.from))}
            AND received_at < ${params.add("DateTime64(3, 'UTC')", chDateTime(p.to))}) AS f
        LEFT JOIN (SELECT feedback_id, 1 AS has,
            3 + 2 * greatest(-1, least(1, toFloat64(sentiment_score))) AS score
          FROM ${db}.feedback_text FINAL
          WHERE workspace_id = ${ws} AND deleted = 0 AND sentiment != '') AS t ON t.feedback_id = f.feedback_id
      )
      WHERE NOT isNaN(r)
      GROUP BY stage_id, step_id`,
    params.values,
  );
  return rows.map((r) => ({
    stageId: r.stage_id,
    stepId: r.step_id,
    n: Number(r.n),
    sum: Number(r.s),
    squares: Number(r.ss),
    rated: Number(r.rated),
    bySentiment: Number(r.by_sentiment),
  }));
}
