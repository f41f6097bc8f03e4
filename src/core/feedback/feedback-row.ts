import type { Db } from "../db/connect.js";
import { notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import type { StoredAnalysis } from "../text/enrich/analysis.schema.js";
import type { TFeedback } from "./feedback.schema.js";

/** Everything the API shows of a record; never the edit token or the IP hash. */
export const FEEDBACK_COLUMNS = [
  "f.id",
  "f.kind",
  "f.channel",
  "f.survey_id",
  "f.received_at",
  "f.customer_id",
  "f.customer",
  "f.touchpoint_id",
  "f.journey_id",
  "f.step_id",
  "f.ratings",
  "f.score_band",
  "f.answers",
  "f.title",
  "f.text",
  "f.language",
  "f.metadata",
  "f.finished",
  "f.flagged",
  "f.flag_reason",
  "f.version",
  "f.created_at",
  "f.updated_at",
] as const;

/** The record's text analysis (docs/api/understand.md §4); null columns when not enriched yet. */
const ENRICHMENT_COLUMNS = [
  "e.engine as e_engine",
  "e.language as e_language",
  "e.sentiment as e_sentiment",
  "e.sentiment_score as e_score",
  "e.analysis as e_analysis",
  "e.topic_id as e_topic_id",
  "e.enriched_at as e_enriched_at",
] as const;

export const feedbackQuery = (db: Db, workspaceId: string) =>
  db
    .selectFrom("feedback as f")
    .leftJoin("feedback_enrichments as e", "e.feedback_id", "f.id")
    .select(FEEDBACK_COLUMNS)
    .select(ENRICHMENT_COLUMNS)
    .where("f.workspace_id", "=", workspaceId);

export type FeedbackRow = Awaited<ReturnType<ReturnType<typeof feedbackQuery>["executeTakeFirstOrThrow"]>>;

const iso = (d: Date | string) => new Date(d).toISOString();

function enrichmentOf(r: FeedbackRow): TFeedback["enrichment"] {
  if (r.e_engine === null || r.e_language === null || r.e_sentiment === null || r.e_enriched_at === null)
    return null;
  const a = r.e_analysis as StoredAnalysis;
  return {
    engine: r.e_engine,
    language: r.e_language,
    sentiment: r.e_sentiment,
    score: r.e_score ?? 0,
    clauses: a.clauses,
    aspects: a.aspects,
    keywords: a.keywords,
    topicId: r.e_topic_id,
    enrichedAt: iso(r.e_enriched_at),
    ...(a.fallbackReason !== undefined && { fallbackReason: a.fallbackReason }),
  };
}

export function toFeedback(r: FeedbackRow): TFeedback {
  return {
    id: r.id,
    kind: r.kind,
    channel: r.channel,
    surveyId: r.survey_id,
    receivedAt: iso(r.received_at),
    customerId: r.customer_id,
    customer: r.customer,
    touchpointId: r.touchpoint_id,
    journeyId: r.journey_id,
    stepId: r.step_id,
    ratings: r.ratings,
    scoreBand: r.score_band,
    answers: r.answers,
    title: r.title,
    text: r.text,
    language: r.language,
    metadata: r.metadata,
    finished: r.finished,
    flagged: r.flagged,
    flagReason: r.flag_reason,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    enrichment: enrichmentOf(r),
  };
}

/** One record of the workspace; another workspace's id is simply not found. */
export async function findFeedbackRow(db: Db, workspaceId: string, id: string): Promise<FeedbackRow> {
  if (!isUuid(id)) throw notFound("Feedback");
  const row = await feedbackQuery(db, workspaceId).where("f.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Feedback");
  return row;
}
