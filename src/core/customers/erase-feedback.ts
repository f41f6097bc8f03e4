import { sql } from "kysely";
import type { Db } from "../db/connect.js";

/** `'email:' || sha256(lower(trim(address)))` in SQL: the same id `emailId` makes in TypeScript. */
const emailIdSql = (address: ReturnType<typeof sql>) =>
  sql<string>`'email:' || encode(sha256(convert_to(lower(btrim(${address})), 'UTF8')), 'hex')`;

/**
 * Deletes the feedback records of an erased customer's distinct ids (their enrichment goes with
 * them): records whose customer is one of the user or anonymous ids (as `customer_id` or in the
 * stored `customer`), or whose e-mail address hashes to one of the e-mail ids. Returns the deleted
 * ids, so the facts rows can follow. Phone-only records are not matched (the number's normalisation
 * is not reproduced in SQL).
 */
export async function eraseCustomerFeedback(
  tx: Db,
  workspaceId: string,
  distinctIds: readonly string[],
): Promise<string[]> {
  const after = (prefix: string) =>
    distinctIds.filter((d) => d.startsWith(prefix)).map((d) => d.slice(prefix.length));
  const users = after("user:");
  const anons = after("anon:");
  const emails = distinctIds.filter((d) => d.startsWith("email:"));
  const plain = [...users, ...anons];
  if (plain.length + emails.length === 0) return [];
  const rows = await tx
    .deleteFrom("feedback")
    .where("workspace_id", "=", workspaceId)
    .where((eb) => {
      const any = [];
      if (plain.length > 0) any.push(eb("customer_id", "in", plain));
      if (users.length > 0) any.push(eb(sql<string>`customer->>'userId'`, "in", users));
      if (anons.length > 0) any.push(eb(sql<string>`customer->>'anonymousId'`, "in", anons));
      if (emails.length > 0) {
        any.push(
          eb.and([
            eb("customer_id", "like", "email:%"),
            eb(emailIdSql(sql`substr(customer_id, 7)`), "in", emails),
          ]),
        );
        any.push(
          eb.and([
            eb(sql<string>`customer->>'email'`, "is not", null),
            eb(emailIdSql(sql`customer->>'email'`), "in", emails),
          ]),
        );
      }
      return eb.or(any);
    })
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}
