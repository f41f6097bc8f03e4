import type { Db } from "../core/db/connect.js";
import { uuidv7 } from "../core/ids.js";
import type { TextAnalysis } from "../core/text/analysis.js";
import { extractKeywords } from "../core/text/keywords.js";
import { tokenize } from "../core/text/tokenize.js";

export interface EnrichedText {
  text: string;
  language: "de" | "en";
  receivedAt?: Date;
  /** Aspect keys the stored analysis found (negative polarity). */
  aspects?: string[];
  topicId?: string | null;
}

/**
 * A feedback record with a stored enrichment, written straight into the system of record so tests
 * of topics and alerts do not depend on the enrichment engine; keywords come from extractKeywords.
 */
export async function insertEnrichedFeedback(
  db: Db,
  workspaceId: string,
  item: EnrichedText,
): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto("feedback")
    .values({
      id,
      workspace_id: workspaceId,
      kind: "unsolicited",
      channel: "email",
      source_key: null,
      survey_id: null,
      link_id: null,
      submission_id: null,
      received_at: item.receivedAt ?? new Date(),
      customer_id: null,
      customer: "{}",
      touchpoint_id: null,
      journey_id: null,
      step_id: null,
      ratings: "[]",
      score_band: null,
      answers: "{}",
      title: null,
      text: item.text,
      language: item.language,
      metadata: "{}",
      finished_at: null,
      flag_reason: null,
      edit_token_hash: null,
      ip_hash: null,
    })
    .execute();
  const aspects = item.aspects ?? [];
  const analysis: TextAnalysis = {
    engine: "builtin/1",
    language: item.language,
    label: aspects.length > 0 ? "negative" : "neutral",
    score: aspects.length > 0 ? -0.5 : 0,
    clauses: [],
    aspects: aspects.map((aspect) => ({ aspect, label: "negative", score: -0.5, clause: -1, triggers: [] })),
    keywords: extractKeywords(tokenize(item.text), item.language),
  };
  await db
    .insertInto("feedback_enrichments")
    .values({
      feedback_id: id,
      workspace_id: workspaceId,
      input_hash: `test:${id}`,
      engine: analysis.engine,
      language: analysis.language,
      sentiment: analysis.label,
      sentiment_score: analysis.score,
      aspect_keys: aspects,
      analysis: JSON.stringify(analysis),
      topic_id: item.topicId ?? null,
    })
    .execute();
  return id;
}
