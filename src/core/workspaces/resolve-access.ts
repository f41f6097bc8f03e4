import type { Db } from "../db/connect.js";
import { isUuid } from "../ids.js";
import { type Actor, ROLE_SCOPES, SCOPES, type WorkspaceAccess } from "../permissions/index.js";

/**
 * An actor's access to a workspace, or undefined when the actor may not see it at all (the
 * caller answers 404 then, so foreign workspaces are indistinguishable from missing ones).
 */
export async function resolveAccess(
  db: Db,
  actor: Actor,
  workspaceId: string,
): Promise<WorkspaceAccess | undefined> {
  if (!isUuid(workspaceId)) return undefined;
  if (actor.kind === "api_key") {
    return actor.workspaceId === workspaceId
      ? { workspaceId, actor, scopes: actor.scopes, role: undefined }
      : undefined;
  }
  if (actor.kind === "system") {
    const ws = await db
      .selectFrom("workspaces")
      .select("id")
      .where("id", "=", workspaceId)
      .executeTakeFirst();
    return ws ? { workspaceId, actor, scopes: SCOPES, role: undefined } : undefined;
  }
  const m = await db
    .selectFrom("memberships")
    .select("role")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", actor.userId)
    .executeTakeFirst();
  return m ? { workspaceId, actor, scopes: ROLE_SCOPES[m.role], role: m.role } : undefined;
}
