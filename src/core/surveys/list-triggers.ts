import type { WorkspaceContext } from "../context.js";
import { decodeCursor, type Page, type TPageQuery, toPage } from "../pagination.js";
import { requireSurvey } from "./survey-row.js";
import { toTrigger } from "./trigger-row.js";
import type { TTrigger } from "./triggers.schema.js";

/** A survey's triggers in creation order, secrets masked. */
export async function listTriggers(
  ctx: WorkspaceContext,
  surveyId: string,
  query: TPageQuery,
): Promise<Page<TTrigger>> {
  const { db, access } = ctx;
  await requireSurvey(db, access.workspaceId, surveyId);
  const after = decodeCursor(query.cursor);
  let q = db
    .selectFrom("survey_triggers")
    .selectAll()
    .where("workspace_id", "=", access.workspaceId)
    .where("survey_id", "=", surveyId);
  if (after) q = q.where("id", ">", after);
  const rows = await q
    .orderBy("id")
    .limit(query.limit + 1)
    .execute();
  return toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => toTrigger(r),
  );
}
