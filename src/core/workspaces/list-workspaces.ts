import type { Db } from "../db/connect.js";
import { decodeCursor, type Page, type TPageQuery, toPage } from "../pagination.js";
import type { Actor } from "../permissions/index.js";
import type { TWorkspace } from "./workspaces.schema.js";

/** The workspaces an actor can see: a person's memberships, a key's own workspace, all for the system. */
export async function listWorkspaces(db: Db, actor: Actor, page: TPageQuery): Promise<Page<TWorkspace>> {
  const after = decodeCursor(page.cursor);
  let q = db
    .selectFrom("workspaces")
    .leftJoin("memberships", (j) =>
      j
        .onRef("memberships.workspace_id", "=", "workspaces.id")
        .on(
          "memberships.user_id",
          "=",
          actor.kind === "user" ? actor.userId : "00000000-0000-0000-0000-000000000000",
        ),
    )
    .select([
      "workspaces.id",
      "workspaces.name",
      "workspaces.slug",
      "workspaces.created_at",
      "memberships.role",
    ]);
  if (actor.kind === "user") q = q.where("memberships.user_id", "is not", null);
  if (actor.kind === "api_key") q = q.where("workspaces.id", "=", actor.workspaceId);
  if (after) q = q.where("workspaces.id", ">", after);
  const rows = await q
    .orderBy("workspaces.id")
    .limit(page.limit + 1)
    .execute();
  return toPage(
    rows,
    page.limit,
    (r) => r.id,
    (r) => ({
      id: r.id,
      name: r.name,
      slug: r.slug,
      role: r.role ?? null,
      createdAt: new Date(r.created_at).toISOString(),
    }),
  );
}
