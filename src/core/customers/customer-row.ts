import { type Expression, type SqlBool, sql } from "kysely";
import type { Db } from "../db/connect.js";
import { notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import type { TCustomerSummary } from "./customers.schema.js";
import { HASHED_KINDS, idKind } from "./distinct-ids.js";

const MAX_MERGE_HOPS = 20;

/** The live customer behind `id` in this workspace, following `merged_into`; 404 otherwise. */
export async function findCustomer(db: Db, workspaceId: string, id: string) {
  let current = id;
  for (let hop = 0; hop <= MAX_MERGE_HOPS && isUuid(current); hop++) {
    const row = await db
      .selectFrom("customers")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", current)
      .executeTakeFirst();
    if (!row) break;
    if (!row.merged_into) return row;
    current = row.merged_into;
  }
  throw notFound("Customer");
}

/** Distinct ids per customer. */
export async function identitiesOf(db: Db, workspaceId: string, customerIds: readonly string[]) {
  if (customerIds.length === 0) return new Map<string, string[]>();
  const rows = await db
    .selectFrom("customer_identities")
    .select(["customer_id", "distinct_id"])
    .where("workspace_id", "=", workspaceId)
    .where("customer_id", "in", customerIds)
    .orderBy("distinct_id")
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.customer_id, [...(out.get(r.customer_id) ?? []), r.distinct_id]);
  return out;
}

export const shownIds = (distinctIds: readonly string[]): TCustomerSummary["distinctIds"] =>
  distinctIds.map((d) => {
    const kind = idKind(d) as TCustomerSummary["distinctIds"][number]["kind"];
    return { kind, value: HASHED_KINDS.has(kind) ? null : d.slice(kind.length + 1) };
  });

/** The raw ids of one kind (`user`, `anon`, …) without their prefix. */
export const idsOfKind = (distinctIds: readonly string[], kind: string): string[] =>
  distinctIds.filter((d) => idKind(d) === kind).map((d) => d.slice(kind.length + 1));

/**
 * Which feedback records are this customer's (feedback keeps its own `customer_id`, docs/api/listen.md
 * §3): `customer_id` equal to one of the customer's user or anonymous ids, or the record's
 * `customer.email` / `customer.phone` hashing (as identities do) to one of its email/phone identities.
 */
export function feedbackOfCustomer(distinctIds: readonly string[]): Expression<SqlBool> {
  const plain = [...idsOfKind(distinctIds, "user"), ...idsOfKind(distinctIds, "anon")];
  const emails = idsOfKind(distinctIds, "email");
  const phones = idsOfKind(distinctIds, "phone");
  const clauses = [sql<SqlBool>`f.customer_id = any(${plain}::text[])`];
  if (emails.length > 0)
    clauses.push(
      sql<SqlBool>`encode(sha256(convert_to(lower(btrim(f.customer->>'email')), 'UTF8')), 'hex') = any(${emails}::text[])`,
    );
  if (phones.length > 0)
    clauses.push(sql<SqlBool>`encode(sha256(convert_to(
      case when btrim(f.customer->>'phone') like '+%' then '+' else '' end
        || regexp_replace(f.customer->>'phone', '\\D', '', 'g'), 'UTF8')), 'hex') = any(${phones}::text[])`);
  return sql<SqlBool>`(${sql.join(clauses, sql` or `)})`;
}
