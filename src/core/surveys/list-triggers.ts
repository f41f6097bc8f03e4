import type { WorkspaceContext } from "../context.js";
import { decodeCursor, encodeCursor, type Page, type TPageQuery } from "../pagination.js";
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
  const more = rows.length > query.limit;
  const items = (more ? rows.slice(0, query.limit) : rows).map((r) => toTrigger(r));
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(last.id) : null };
}
