import type { Db } from "../db/connect.js";
import { notFound } from "../errors.js";
import { isUuid } from "../ids.js";
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

export const feedbackQuery = (db: Db, workspaceId: string) =>
  db.selectFrom("feedback as f").select(FEEDBACK_COLUMNS).where("f.workspace_id", "=", workspaceId);

export type FeedbackRow = Awaited<ReturnType<ReturnType<typeof feedbackQuery>["executeTakeFirstOrThrow"]>>;

const iso = (d: Date | string) => new Date(d).toISOString();

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
  };
}

/** One record of the workspace; another workspace's id is simply not found. */
export async function findFeedbackRow(db: Db, workspaceId: string, id: string): Promise<FeedbackRow> {
  if (!isUuid(id)) throw notFound("Feedback");
  const row = await feedbackQuery(db, workspaceId).where("f.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Feedback");
  return row;
}
