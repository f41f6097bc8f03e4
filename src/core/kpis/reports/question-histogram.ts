import type { FactsStore } from "../../facts/client.js";
import { feedbackFilter } from "../../metrics/reports/feedback-filter.js";

export interface QuestionBucket {
  value: number;
  min: number;
  max: number;
  count: number;
}

/**
 * The answers of one rating question of one survey in `[from, to)` (counted records only: finished,
 * unflagged, undeleted), as value and scale → count.
 */
export async function questionHistogram(
  facts: FactsStore,
  p: { workspaceId: string; surveyId: string; questionId: string; journeyId?: string; from: Date; to: Date },
): Promise<QuestionBucket[]> {
  const filter = feedbackFilter({
    workspaceId: p.workspaceId,
    surveyId: p.surveyId,
    journeyId: p.journeyId,
    from: p.from.toISOString(),
    to: p.to.toISOString(),
    tz: "UTC",
    countedOnly: true,
  });
  const rows = await facts.query<QuestionBucket>(
    `SELECT v AS value, toInt32(lo) AS min, toInt32(hi) AS max, count() AS count
     FROM ${facts.database}.feedback FINAL
     ARRAY JOIN rating_questions AS q, rating_values AS v, rating_mins AS lo, rating_maxs AS hi
     WHERE ${filter.sql} AND q = {question:String}
     GROUP BY value, min, max ORDER BY value`,
    { ...filter.params, question: p.questionId },
  );
  return rows.map((r) => ({
    value: Number(r.value),
    min: Number(r.min),
    max: Number(r.max),
    count: Number(r.count),
  }));
}
