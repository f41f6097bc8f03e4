import type { Db } from "../db/connect.js";
import { AppError } from "../errors.js";

const refError = (pointer: string, message: string, code = "not_found") =>
  new AppError("validation_failed", `${pointer}: ${message}`, { errors: [{ pointer, code, message }] });

/** A body reference to a row of this workspace; another workspace's id reads as unknown. */
export async function requireRef(
  db: Db,
  workspaceId: string,
  table: "journeys" | "touchpoints" | "teams" | "survey_triggers",
  id: string,
  pointer: string,
): Promise<void> {
  const row = await db
    .selectFrom(table)
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw refError(pointer, `no such ${table.replace(/s$/, "").replace("_", " ")} in this workspace`);
}

/** A user reference must be a member of the workspace. */
export async function requireMember(
  db: Db,
  workspaceId: string,
  userId: string,
  pointer: string,
): Promise<void> {
  const row = await db
    .selectFrom("memberships")
    .select("user_id")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!row) throw refError(pointer, "the user must be a member of this workspace", "not_a_member");
}
