import type { Db } from "../db/connect.js";
import { notFound } from "../errors.js";
import type { TUser } from "./users.schema.js";

export async function updateProfile(
  db: Db,
  userId: string,
  input: { name?: string; locale?: "de" | "en" },
): Promise<TUser> {
  const row = await db
    .updateTable("users")
    .set({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.locale !== undefined && { locale: input.locale }),
    })
    .where("id", "=", userId)
    .returning(["id", "email", "name", "locale"])
    .executeTakeFirst();
  if (!row) throw notFound("User");
  return { ...row, locale: row.locale === "en" ? "en" : "de" };
}
