import type { WorkspaceContext } from "../context.js";
import { decodeCursor, type Page, toPage } from "../pagination.js";
import type { TCaseRule, TCaseRuleListQuery } from "./case-rules.schema.js";
import { toCaseRule } from "./rule-row.js";

/** The workspace's case rules in creation order, optionally of one kind. */
export async function listCaseRules(
  ctx: WorkspaceContext,
  query: TCaseRuleListQuery,
): Promise<Page<TCaseRule>> {
  const { db, access } = ctx;
  const after = decodeCursor(query.cursor);
  let q = db.selectFrom("case_rules").selectAll().where("workspace_id", "=", access.workspaceId);
  if (query.kind) q = q.where("kind", "=", query.kind);
  if (after) q = q.where("id", ">", after);
  const rows = await q
    .orderBy("id")
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => r.id, toCaseRule);
}
