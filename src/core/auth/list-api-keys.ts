import type { WorkspaceContext } from "../context.js";
import { decodeCursor, type Page, type TPageQuery, toPage } from "../pagination.js";
import { toApiKey } from "./api-keys.js";
import type { TApiKey } from "./api-keys.schema.js";

export async function listApiKeys(ctx: WorkspaceContext, page: TPageQuery): Promise<Page<TApiKey>> {
  const after = decodeCursor(page.cursor);
  let q = ctx.db.selectFrom("api_keys").selectAll().where("workspace_id", "=", ctx.access.workspaceId);
  if (after) q = q.where("id", ">", after);
  const rows = await q
    .orderBy("id")
    .limit(page.limit + 1)
    .execute();
  return toPage(rows, page.limit, (r) => r.id, toApiKey);
}
