import { sql } from "kysely";
import type { WorkspaceContext } from "../context.js";
import { invalid } from "../errors.js";
import { decodeKeyset, encodeKeyset } from "../keyset.js";
import type { Page } from "../pagination.js";
import type { TFeedback, TFeedbackListQuery } from "./feedback.schema.js";
import { feedbackQuery, toFeedback } from "./feedback-row.js";

const SORT = "receivedAt";
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** Fixed-width UTC text keeps the microseconds a JavaScript Date would drop from the cursor. */
const receivedText = sql<string>`to_char(f.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const lowerBound = (s: string) => new Date(DATE_ONLY.test(s) ? `${s}T00:00:00Z` : s);
/** Exclusive: a date alone covers its whole day. */
const upperBound = (s: string) =>
  DATE_ONLY.test(s) ? new Date(Date.parse(`${s}T00:00:00Z`) + 86_400_000) : new Date(Date.parse(s) + 1);

/**
 * The inbox: newest first, keyset-paged on (received_at, id) so it walks the inbox index. `q` is
 * the same expression as the GIN index (`feedback_search`), so full-text search uses it.
 */
export async function listFeedback(
  ctx: WorkspaceContext,
  query: TFeedbackListQuery,
): Promise<Page<TFeedback>> {
  const after = decodeKeyset(query.cursor, SORT);
  if (after && !CURSOR_TIME.test(after.value))
    throw invalid("/query/cursor", "cursor is not a cursor returned by this API", "invalid_cursor");
  let q = feedbackQuery(ctx.db, ctx.access.workspaceId).select(receivedText.as("received_text"));
  if (query.q)
    q = q.where(
      sql<boolean>`to_tsvector('simple', coalesce(f.title, '') || ' ' || f.text) @@ websearch_to_tsquery('simple', ${query.q})`,
    );
  if (query.channel) q = q.where("f.channel", "=", query.channel);
  if (query.kind) q = q.where("f.kind", "=", query.kind);
  if (query.surveyId) q = q.where("f.survey_id", "=", query.surveyId);
  if (query.touchpointId) q = q.where("f.touchpoint_id", "=", query.touchpointId);
  if (query.journeyId) q = q.where("f.journey_id", "=", query.journeyId);
  if (query.band) q = q.where("f.score_band", "=", query.band);
  if (query.language) q = q.where("f.language", "=", query.language);
  if (query.from) q = q.where("f.received_at", ">=", lowerBound(query.from));
  if (query.to) q = q.where("f.received_at", "<", upperBound(query.to));
  if (query.hasText) q = q.where(sql<boolean>`(btrim(f.text) <> '') = ${query.hasText === "true"}`);
  if (query.customerId) q = q.where("f.customer_id", "=", query.customerId);
  if (query.flagged) q = q.where("f.flagged", "=", query.flagged === "true");
  if (query.finished) q = q.where("f.finished", "=", query.finished === "true");
  if (query.sentiment) q = q.where("e.sentiment", "=", query.sentiment);
  if (query.aspect) q = q.where(sql<boolean>`e.aspect_keys && ${sql.val(query.aspect)}::text[]`);
  if (after)
    q = q.where(sql<boolean>`(f.received_at, f.id) < (${after.value}::timestamptz, ${after.id}::uuid)`);

  const rows = await q
    .orderBy("f.received_at", "desc")
    .orderBy("f.id", "desc")
    .limit(query.limit + 1)
    .execute();
  const more = rows.length > query.limit;
  const slice = more ? rows.slice(0, query.limit) : rows;
  const last = slice[slice.length - 1];
  return {
    items: slice.map(toFeedback),
    nextCursor: more && last ? encodeKeyset(SORT, { value: last.received_text, id: last.id }) : null,
  };
}
