import type { FeedbackFact } from "../core/feedback/relay-feedback-facts.js";
import { uuidv7 } from "../core/ids.js";

export interface FactRating {
  metric: "nps" | "csat" | "ces" | "rating";
  value: number;
  min?: number;
  max?: number;
  questionId?: string;
}

const SCALES: Record<FactRating["metric"], [number, number]> = {
  nps: [0, 10],
  csat: [1, 5],
  ces: [1, 7],
  rating: [1, 5],
};

/**
 * A facts row for tests that must not depend on the feedback relay: finished, unflagged, with the
 * given ratings (scales default per metric) and answers (JSON-encoded values, as the relay stores them).
 */
export function feedbackFact(
  workspaceId: string,
  opts: Partial<Omit<FeedbackFact, "answers">> & {
    ratings?: FactRating[];
    traits?: Record<string, string | number | boolean | null>;
    answers?: Record<string, unknown>;
    at?: string;
  } = {},
): FeedbackFact {
  const { ratings = [], traits = {}, answers = {}, at, ...row } = opts;
  return {
    workspace_id: workspaceId,
    feedback_id: uuidv7(),
    kind: "survey_response",
    channel: "survey",
    survey_id: "",
    touchpoint_id: "",
    journey_id: "",
    stage_id: "",
    step_id: "",
    persona_id: "",
    customer_id: "",
    customer_traits: JSON.stringify(traits),
    language: "de",
    received_at: (at ?? "2026-11-10T10:00:00.000Z").replace("T", " ").replace("Z", ""),
    finished: 1,
    flagged: 0,
    deleted: 0,
    score_band: "",
    has_text: row.text ? 1 : 0,
    text: "",
    rating_metrics: ratings.map((r) => r.metric),
    rating_questions: ratings.map((r) => r.questionId ?? ""),
    rating_values: ratings.map((r) => r.value),
    rating_mins: ratings.map((r) => r.min ?? SCALES[r.metric][0]),
    rating_maxs: ratings.map((r) => r.max ?? SCALES[r.metric][1]),
    answers: Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, JSON.stringify(v)])),
    version: 1,
    ...row,
  };
}
