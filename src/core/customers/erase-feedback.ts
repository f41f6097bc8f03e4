import { sql } from "kysely";
import type { Db } from "../db/connect.js";

/** `'email:' || sha256(lower(trim(address)))` in SQL: the same id `emailId` makes in TypeScript. */
export const emailIdSql = (address: ReturnType<typeof sql>) =>
  sql<string>`'email:' || encode(sha256(convert_to(lower(btrim(${address})), 'UTF8')), 'hex')`;

/**
 * `phoneId` in SQL: `'phone:' || sha256(digits)`, a leading `+` (after white space) kept; only ASCII
 * digits count, as `\D` does in TypeScript.
 */
export const phoneIdSql = (phone: ReturnType<typeof sql>) =>
  sql<string>`'phone:' || encode(sha256(convert_to(
    case when ${phone} ~ '^[[:space:]]*[+]' then '+' else '' end || regexp_replace(${phone}, '[^0-9]', '', 'g'),
    'UTF8')), 'hex')`;

/**
 * Deletes the feedback records of an erased customer's distinct ids (their enrichment goes with
 * them): records whose customer is one of the user or anonymous ids (as `customer_id` or in the
 * stored `customer`), or whose e-mail address or phone number hashes to one of the e-mail or phone
 * ids. Returns the deleted ids, so the facts rows can follow.
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
  const phones = distinctIds.filter((d) => d.startsWith("phone:"));
  const plain = [...users, ...anons];
  if (plain.length + emails.length + phones.length === 0) return [];
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
      if (phones.length > 0)
        any.push(
          eb.and([
            eb(sql<string>`customer->>'phone'`, "is not", null),
            eb(phoneIdSql(sql`customer->>'phone'`), "in", phones),
          ]),
        );
      return eb.or(any);
    })
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}
