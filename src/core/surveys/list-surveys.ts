import type { WorkspaceContext } from "../context.js";
import { decodeCursor, type Page, toPage } from "../pagination.js";
import { surveyQuery, toSurvey } from "./survey-row.js";
import type { TSurvey, TSurveyListQuery } from "./surveys.schema.js";

/** A text filter as an ILIKE pattern matching it literally. */
const contains = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Surveys newest first (ids are time-ordered), filtered by status, name, touchpoint and journey. */
export async function listSurveys(ctx: WorkspaceContext, query: TSurveyListQuery): Promise<Page<TSurvey>> {
  const after = decodeCursor(query.cursor);
  let q = surveyQuery(ctx.db, ctx.access.workspaceId);
  if (query.status) q = q.where("s.status", "=", query.status);
  if (query.q) q = q.where("s.name", "ilike", contains(query.q));
  if (query.touchpointId) q = q.where("s.touchpoint_id", "=", query.touchpointId.toLowerCase());
  if (query.journeyId) q = q.where("s.journey_id", "=", query.journeyId.toLowerCase());
  if (after) q = q.where("s.id", "<", after);
  const rows = await q
    .orderBy("s.id", "desc")
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => r.id, toSurvey);
}
