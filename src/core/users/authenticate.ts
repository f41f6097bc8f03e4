import { hashPassword, verifyPassword } from "../auth/passwords.js";
import type { Db } from "../db/connect.js";
import type { TUser } from "./users.schema.js";

let dummyHash: Promise<string> | undefined;

/** Checks e-mail and password. Unknown e-mails cost the same hash work, so timing reveals nothing. */
export async function authenticate(db: Db, email: string, password: string): Promise<TUser | undefined> {
  const row = await db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", email.toLowerCase())
    .executeTakeFirst();
  if (!row || row.password_hash === "") {
    dummyHash ??= hashPassword("journeylens-timing-equaliser");
    await verifyPassword(await dummyHash, password);
    return undefined;
  }
  if (!(await verifyPassword(row.password_hash, password))) return undefined;
  return { id: row.id, email: row.email, name: row.name, locale: row.locale === "en" ? "en" : "de" };
}
