import type { WorkspaceContext } from "../context.js";
import { decodeCursor, type Page, type TPageQuery, toPage } from "../pagination.js";
import { toLink } from "./create-link.js";
import type { TLink } from "./links.schema.js";
import { requireSurvey } from "./survey-row.js";

/** A survey's links, newest first, without tokens (they are never stored). */
export async function listLinks(
  ctx: WorkspaceContext,
  surveyId: string,
  query: TPageQuery,
): Promise<Page<TLink>> {
  const { db, access } = ctx;
  await requireSurvey(db, access.workspaceId, surveyId);
  const after = decodeCursor(query.cursor);
  let q = db
    .selectFrom("survey_links")
    .selectAll()
    .where("workspace_id", "=", access.workspaceId)
    .where("survey_id", "=", surveyId);
  if (after) q = q.where("id", "<", after);
  const rows = await q
    .orderBy("id", "desc")
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => r.id, toLink);
}
