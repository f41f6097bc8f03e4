import type { Db } from "../db/connect.js";
import { randomToken } from "../ids.js";
import { sha256 } from "./secrets.js";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: string;
}

export async function createSession(db: Db, userId: string, ttlSeconds: number): Promise<string> {
  const token = randomToken();
  await db
    .insertInto("sessions")
    .values({
      token_hash: sha256(token),
      user_id: userId,
      expires_at: new Date(Date.now() + ttlSeconds * 1000),
    })
    .execute();
  return token;
}

export async function resolveSession(db: Db, token: string): Promise<SessionUser | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.email", "users.name", "users.locale", "sessions.expires_at"])
    .where("sessions.token_hash", "=", sha256(token))
    .executeTakeFirst();
  if (!row || new Date(row.expires_at).getTime() <= Date.now()) return undefined;
  return { id: row.id, email: row.email, name: row.name, locale: row.locale };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", sha256(token)).execute();
}
