import { requireSurvey } from "../surveys/survey-row.js";
import { RATING_TYPES, scaleOf, type TQuestion, type TSurveyDefinition } from "../surveys/surveys.schema.js";
import { DEFINITIONS } from "./definitions.js";
import { primaryMetric, questionMetrics, type RatingQuestionType } from "./question-metrics.js";
import type { ReportContext } from "./report-context.js";
import { type SurveyResultsRows, surveyResultsReport } from "./reports/survey-results.js";
import type { TQuestionResult, TSurveyResults, TSurveyResultsQuery } from "./survey-results.schema.js";
import type { Scale } from "./types.js";

export const COMMENTS_PER_QUESTION = 20;

const isRating = (q: TQuestion): q is TQuestion & { type: RatingQuestionType } =>
  RATING_TYPES.includes(q.type);

/** Value → count of one question's ratings on the question's current scale. */
function histogramOn(
  rows: readonly { value: number; min: number; max: number; count: number }[],
  scale: Scale,
) {
  return rows
    .filter((r) => r.min === scale.min && r.max === scale.max)
    .map((r) => [r.value, r.count] as const);
}

function ratingResult(q: TQuestion & { type: RatingQuestionType }, rows: SurveyResultsRows): TQuestionResult {
  const scale = scaleOf(q);
  const histogram = histogramOn(
    rows.ratings.filter((r) => r.question === q.id),
    scale,
  );
  const metrics = questionMetrics(q.type, scale, histogram);
  const counts = new Map<number, number>();
  for (const [value, count] of histogram) counts.set(value, (counts.get(value) ?? 0) + count);
  const distribution = [];
  for (let value = scale.min; value <= scale.max; value++)
    distribution.push({ value, count: counts.get(value) ?? 0 });
  return {
    kind: "rating",
    questionId: q.id,
    type: q.type,
    text: q.text,
    answered: metrics[0]?.n ?? 0,
    scale: { min: scale.min, max: scale.max },
    distribution,
    metrics,
  };
}

function choiceResult(q: TQuestion, rows: SurveyResultsRows, answered: number): TQuestionResult {
  const counts = new Map(rows.options.filter((o) => o.question === q.id).map((o) => [o.option, o.count]));
  const defined = (q.options ?? []).map((o) => ({
    optionId: o.id,
    label: o.label,
    count: counts.get(o.id) ?? 0,
  }));
  const known = new Set(defined.map((o) => o.optionId));
  const removed = [...counts]
    .filter(([id]) => !known.has(id))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([optionId, count]) => ({ optionId, label: null, count }));
  return {
    kind: "choice",
    questionId: q.id,
    type: q.type,
    text: q.text,
    answered,
    options: [...defined, ...removed],
  };
}

function trendOf(q: (TQuestion & { type: RatingQuestionType }) | undefined, rows: SurveyResultsRows) {
  if (!q) return null;
  const scale = scaleOf(q);
  const { metric, compute } = primaryMetric(q.type);
  const weeks = new Map<string, SurveyResultsRows["weekly"]>();
  for (const r of rows.weekly) weeks.set(r.week, [...(weeks.get(r.week) ?? []), r]);
  const points = [...weeks].map(([week, weekRows]) => ({
    week,
    ...compute(histogramOn(weekRows, scale), scale),
  }));
  return { questionId: q.id, metric, definition: DEFINITIONS[metric], points };
}

/**
 * Results of one survey of the workspace (404 otherwise), per question of its current definition:
 * rating questions with their distribution and figures, choice questions with counts per option,
 * text questions with the newest comments; plus response counts and the weekly primary figure.
 */
export async function getSurveyResults(
  ctx: ReportContext,
  surveyId: string,
  query: TSurveyResultsQuery,
): Promise<TSurveyResults> {
  const workspaceId = ctx.access.workspaceId;
  const survey = await requireSurvey(ctx.db, workspaceId, surveyId.toLowerCase());
  const definition = survey.definition as TSurveyDefinition;
  const ratingQuestions = definition.questions.filter(isRating);
  const others = definition.questions.filter((q) => !isRating(q));
  const rows = await surveyResultsReport(ctx.facts, {
    ...query,
    workspaceId,
    surveyId: survey.id,
    ratingQuestions: ratingQuestions.map((q) => q.id),
    answerQuestions: others.map((q) => q.id),
    textQuestions: others.filter((q) => q.type === "text").map((q) => q.id),
    primaryQuestion: ratingQuestions[0]?.id,
    commentsPerQuestion: COMMENTS_PER_QUESTION,
  });
  const answered = new Map(rows.answered.map((r) => [r.question, r.answered]));
  const questions = definition.questions.map((q): TQuestionResult => {
    if (isRating(q)) return ratingResult(q, rows);
    const count = answered.get(q.id) ?? 0;
    if (q.type !== "text") return choiceResult(q, rows, count);
    const comments = rows.comments
      .filter((c) => c.question === q.id)
      .map(({ feedbackId, receivedAt, text, language }) => ({
        feedbackId,
        receivedAt,
        text,
        language: language || null,
      }));
    return { kind: "text", questionId: q.id, type: q.type, text: q.text, answered: count, comments };
  });
  return {
    surveyId: survey.id,
    responses: rows.responses,
    questions,
    trend: trendOf(ratingQuestions[0], rows),
  };
}
