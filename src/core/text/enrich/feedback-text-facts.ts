import type { FactsStore } from "../../facts/client.js";
import type { Polarity } from "../analysis.js";
import { extractKeywords } from "../keywords.js";
import { PLACEHOLDER, redactPii } from "../redact.js";
import { type Token, tokenize } from "../tokenize.js";
import type { StoredAnalysis } from "./analysis.schema.js";

/** One row of the facts table `feedback_text` (src/core/facts/migrations.ts, 0003_feedback_text). */
export interface FeedbackTextFact {
  workspace_id: string;
  feedback_id: string;
  received_at: string;
  kind: string;
  channel: string;
  survey_id: string;
  touchpoint_id: string;
  journey_id: string;
  language: string;
  engine: string;
  sentiment: string;
  sentiment_score: number;
  aspect_keys: string[];
  aspect_polarities: number[];
  aspect_scores: number[];
  topic_id: string;
  keywords: string[];
  deleted: number;
  version: number;
}

/** The record's columns the facts row copies, so trend reports scan `feedback_text` alone. */
export interface FactSource {
  id: string;
  kind: string;
  channel: string;
  survey_id: string | null;
  touchpoint_id: string | null;
  journey_id: string | null;
  received_at: Date | string;
  topic_id: string | null;
  /** The analysed text (title and text joined). */
  text: string;
}

const PLACEHOLDER_WORDS = new Set(Object.values(PLACEHOLDER).map((p) => p.slice(1, -1)));
/** "[email]" is where an address was, not something the customer said. */
const isPlaceholder = (tokens: Token[], i: number) =>
  tokens[i - 1]?.text === "[" && tokens[i + 1]?.text === "]" && PLACEHOLDER_WORDS.has(tokens[i]?.norm ?? "");

const POLARITY: Record<Polarity, number> = { negative: -1, neutral: 0, positive: 1 };
/** ClickHouse's DateTime64(3) text form, read the same by chDB and a server. */
const chTime = (d: Date | string) => new Date(d).toISOString().replace("T", " ").replace("Z", "");

/**
 * Keywords for the facts store, which never holds PII (DESIGN §5): the stored analysis ran on the
 * original text so the inbox can highlight it, so when redaction changes the text, its keywords
 * are taken again from the redacted text (a name in an e-mail address never becomes a keyword).
 */
function factKeywords(text: string, analysis: StoredAnalysis): string[] {
  const redacted = redactPii(text);
  if (Object.keys(redacted.found).length === 0) return analysis.keywords;
  const tokens = tokenize(redacted.text);
  const said = tokens.filter((_, i) => !isPlaceholder(tokens, i));
  return extractKeywords(said, analysis.language === "de" ? "de" : "en");
}

/**
 * The facts row of one analysed record. A record without text is written as deleted: text
 * analytics count texts, and a text that was removed leaves them the same way.
 */
export function factOf(
  workspaceId: string,
  source: FactSource,
  analysis: StoredAnalysis,
  version: number,
): FeedbackTextFact {
  const aspects = [...new Map(analysis.aspects.map((a) => [a.aspect, a])).values()];
  return {
    workspace_id: workspaceId,
    feedback_id: source.id,
    received_at: chTime(source.received_at),
    kind: source.kind,
    channel: source.channel,
    survey_id: source.survey_id ?? "",
    touchpoint_id: source.touchpoint_id ?? "",
    journey_id: source.journey_id ?? "",
    language: analysis.language,
    engine: analysis.engine,
    sentiment: analysis.label,
    sentiment_score: analysis.score,
    aspect_keys: aspects.map((a) => a.aspect),
    aspect_polarities: aspects.map((a) => POLARITY[a.label]),
    aspect_scores: aspects.map((a) => a.score),
    topic_id: source.topic_id ?? "",
    keywords: factKeywords(source.text, analysis),
    deleted: source.text.trim() === "" ? 1 : 0,
    version,
  };
}

/** Deleted copies of the live rows of records that no longer exist; none for ones already deleted. */
export async function tombstonesFor(
  facts: FactsStore,
  workspaceId: string,
  ids: readonly string[],
): Promise<FeedbackTextFact[]> {
  const live = await facts.query<FeedbackTextFact>(
    `SELECT * FROM ${facts.database}.feedback_text FINAL
     WHERE workspace_id = {ws:UUID} AND feedback_id IN {ids:Array(UUID)} AND deleted = 0`,
    { ws: workspaceId, ids },
  );
  return live.map((f) => ({
    ...f,
    keywords: [],
    topic_id: "",
    deleted: 1,
    version: Number(f.version) + 1,
  }));
}
