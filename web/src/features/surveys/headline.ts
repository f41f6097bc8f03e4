import type { MetricId, QuestionType, Survey } from "../../api/listen";

const METRIC_OF: Partial<Record<QuestionType, MetricId>> = { nps: "nps", csat: "csat", ces: "ces_mean" };

/** The metric a survey is known by: that of its first NPS, CSAT or CES question. */
export function headlineMetric(survey: Pick<Survey, "definition">): MetricId | null {
  for (const q of survey.definition.questions) {
    const metric = METRIC_OF[q.type];
    if (metric) return metric;
  }
  return null;
}
