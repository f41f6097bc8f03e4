import { uuidv7 } from "../core/ids.js";
import type { FeedbackTextFact as TextFactRow } from "../core/text/enrich/feedback-text-facts.js";

export type { TextFactRow };

/**
 * A `feedback_text` row for tests that must not depend on the enrichment: one text received at
 * `at`, mentioning `aspects` with the given polarity (-1/0/1), negative overall unless told.
 */
export function textFact(
  workspaceId: string,
  at: Date,
  opts: {
    aspects?: string[];
    polarity?: number;
    topicId?: string;
    deleted?: boolean;
    version?: number;
    id?: string;
  } = {},
): TextFactRow {
  const aspects = opts.aspects ?? [];
  const polarity = opts.polarity ?? -1;
  return {
    workspace_id: workspaceId,
    feedback_id: opts.id ?? uuidv7(),
    received_at: at.toISOString().replace("T", " ").replace("Z", ""),
    kind: "unsolicited",
    channel: "email",
    survey_id: "",
    touchpoint_id: "",
    journey_id: "",
    language: "de",
    engine: "builtin/1",
    sentiment: polarity < 0 ? "negative" : polarity > 0 ? "positive" : "neutral",
    sentiment_score: polarity * 0.5,
    aspect_keys: aspects,
    aspect_polarities: aspects.map(() => polarity),
    aspect_scores: aspects.map(() => polarity * 0.5),
    topic_id: opts.topicId ?? "",
    keywords: [],
    deleted: opts.deleted ? 1 : 0,
    version: opts.version ?? 1,
  };
}
