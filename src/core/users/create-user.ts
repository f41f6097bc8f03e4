import { hashPassword } from "../auth/passwords.js";
import type { Db } from "../db/connect.js";
import { AppError } from "../errors.js";
import { uuidv7 } from "../ids.js";
import type { TCreateUser, TUser } from "./users.schema.js";

/** Creates an account (operator action: the CLI, or the demo seed). Membership is separate. */
export async function createUser(db: Db, input: TCreateUser): Promise<TUser> {
  const email = input.email.toLowerCase();
  const exists = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  if (exists) {
    throw new AppError("conflict", `An account for ${email} exists already`, {
      errors: [{ pointer: "/body/email", code: "taken", message: "an account with this e-mail exists" }],
    });
  }
  const id = uuidv7();
  await db
    .insertInto("users")
    .values({
      id,
      email,
      name: input.name,
      locale: input.locale,
      password_hash: await hashPassword(input.password),
    })
    .execute();
  return { id, email, name: input.name, locale: input.locale };
}
