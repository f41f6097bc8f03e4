import type { FactsStore } from "../../facts/client.js";
import { feedbackFilter } from "./feedback-filter.js";

export interface SurveyResultsParams {
  workspaceId: string;
  surveyId: string;
  from?: string | undefined;
  to?: string | undefined;
  tz: string;
  ratingQuestions: string[];
  /** Choice and text questions: answers read from the `answers` map. */
  answerQuestions: string[];
  textQuestions: string[];
  /** The first rating question, whose figure is trended per week. */
  primaryQuestion?: string | undefined;
  commentsPerQuestion: number;
}

export interface SurveyResultsRows {
  responses: { total: number; finished: number; partial: number; flagged: number };
  ratings: { question: string; value: number; min: number; max: number; count: number }[];
  weekly: { week: string; value: number; min: number; max: number; count: number }[];
  answered: { question: string; answered: number }[];
  options: { question: string; option: string; count: number }[];
  comments: { question: string; feedbackId: string; receivedAt: string; text: string; language: string }[];
}

/**
 * An answer (JSON-encoded in the map, as the relay writes it) as a list of non-empty strings: the
 * option ids of a multiple choice answer, else the one decoded string (option id or text).
 */
const ANSWER_ITEMS = `arrayFilter(x -> x != '', if(startsWith(a, '['), JSONExtract(a, 'Array(String)'),
  [trimBoth(if(isValidJSON(a), JSONExtractString(a), a))]))`;

const num = <T extends Record<string, unknown>>(rows: T[], ...keys: (keyof T)[]): T[] =>
  rows.map((r) => ({ ...r, ...Object.fromEntries(keys.map((k) => [k, Number(r[k])])) }));

/**
 * The facts behind one survey's results: response counts by state (undeleted records), and over the
 * counted records (finished, unflagged) the rating histograms per question, the weekly histogram of
 * the primary question, choice counts per option, answered counts and the newest comments.
 */
export async function surveyResultsReport(
  facts: FactsStore,
  p: SurveyResultsParams,
): Promise<SurveyResultsRows> {
  const db = facts.database;
  const all = feedbackFilter({ ...p, countedOnly: false });
  const counted = feedbackFilter({ ...p, countedOnly: true });
  const params = {
    ...counted.params,
    ratingQuestions: p.ratingQuestions,
    answerQuestions: p.answerQuestions,
    textQuestions: p.textQuestions,
    primary: p.primaryQuestion ?? "",
    comments: p.commentsPerQuestion,
  };
  const ratingsFrom = `FROM ${db}.feedback FINAL
    ARRAY JOIN rating_questions AS q, rating_values AS v, rating_mins AS lo, rating_maxs AS hi
    WHERE ${counted.sql}`;
  const answersFrom = `FROM ${db}.feedback FINAL
    ARRAY JOIN mapKeys(answers) AS k, mapValues(answers) AS a
    WHERE ${counted.sql}`;

  const [responses, ratings, weekly, answered, options, comments] = await Promise.all([
    // Aliases differ from the column names: ClickHouse would resolve `flagged` to the alias.
    facts.query<Record<"n_total" | "n_finished" | "n_partial" | "n_flagged", number>>(
      `SELECT count() AS n_total, countIf(finished = 1 AND flagged = 0) AS n_finished,
              countIf(finished = 0 AND flagged = 0) AS n_partial, countIf(flagged = 1) AS n_flagged
       FROM ${db}.feedback FINAL WHERE ${all.sql}`,
      all.params,
    ),
    facts.query<SurveyResultsRows["ratings"][number]>(
      `SELECT q AS question, v AS value, toInt32(lo) AS min, toInt32(hi) AS max, count() AS count
       ${ratingsFrom} AND q IN {ratingQuestions:Array(String)}
       GROUP BY question, value, min, max`,
      params,
    ),
    p.primaryQuestion === undefined
      ? []
      : facts.query<SurveyResultsRows["weekly"][number]>(
          `SELECT toString(toMonday(received_at, {tz:String})) AS week, v AS value, toInt32(lo) AS min,
                  toInt32(hi) AS max, count() AS count
           ${ratingsFrom} AND q = {primary:String}
           GROUP BY week, value, min, max ORDER BY week`,
          params,
        ),
    facts.query<SurveyResultsRows["answered"][number]>(
      `SELECT k AS question, count() AS answered
       ${answersFrom} AND k IN {answerQuestions:Array(String)} AND notEmpty(${ANSWER_ITEMS})
       GROUP BY question`,
      params,
    ),
    facts.query<SurveyResultsRows["options"][number]>(
      `SELECT k AS question, arrayJoin(arrayDistinct(${ANSWER_ITEMS})) AS option, count() AS count
       ${answersFrom} AND k IN {answerQuestions:Array(String)} AND k NOT IN {textQuestions:Array(String)}
       GROUP BY question, option`,
      params,
    ),
    facts.query<SurveyResultsRows["comments"][number]>(
      `SELECT k AS question, toString(feedback_id) AS feedbackId, toString(received_at) AS receivedAt,
              arrayElement(${ANSWER_ITEMS}, 1) AS text, toString(language) AS language
       ${answersFrom} AND k IN {textQuestions:Array(String)} AND notEmpty(${ANSWER_ITEMS})
       ORDER BY received_at DESC, feedback_id DESC
       LIMIT {comments:UInt32} BY question`,
      params,
    ),
  ]);
  const totals = responses[0];
  return {
    responses: {
      total: Number(totals?.n_total ?? 0),
      finished: Number(totals?.n_finished ?? 0),
      partial: Number(totals?.n_partial ?? 0),
      flagged: Number(totals?.n_flagged ?? 0),
    },
    ratings: num(ratings, "value", "count"),
    weekly: num(weekly, "value", "count"),
    answered: num(answered, "answered"),
    options: num(options, "count"),
    // DateTime64 in UTC as text → ISO 8601.
    comments: comments.map((c) => ({ ...c, receivedAt: `${c.receivedAt.replace(" ", "T")}Z` })),
  };
}
