import type { Db } from "../db/connect.js";
import type { Role } from "../db/schema.js";
import { notFound } from "../errors.js";
import type { TUser } from "./users.schema.js";

export interface Profile {
  user: TUser;
  workspaces: { id: string; name: string; slug: string; role: Role }[];
}

export async function getProfile(db: Db, userId: string): Promise<Profile> {
  const user = await db
    .selectFrom("users")
    .select(["id", "email", "name", "locale"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user) throw notFound("User");
  const workspaces = await db
    .selectFrom("memberships")
    .innerJoin("workspaces", "workspaces.id", "memberships.workspace_id")
    .select(["workspaces.id", "workspaces.name", "workspaces.slug", "memberships.role"])
    .where("memberships.user_id", "=", userId)
    .orderBy("workspaces.name")
    .execute();
  return { user: { ...user, locale: user.locale === "en" ? "en" : "de" }, workspaces };
}
