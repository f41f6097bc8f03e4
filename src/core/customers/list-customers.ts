import { type SqlBool, sql } from "kysely";
import type { WorkspaceContext } from "../context.js";
import { invalid } from "../errors.js";
import { decodeKeyset, encodeKeyset } from "../keyset.js";
import type { Page } from "../pagination.js";
import { identitiesOf, shownIds } from "./customer-row.js";
import type { TCustomerListQuery, TCustomerSummary } from "./customers.schema.js";
import { emailId, phoneId } from "./distinct-ids.js";

const SORT = "lastSeen";
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const lastSeenText = sql<string>`to_char(c.last_seen at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * Live (unmerged) customers, most recently seen first. `q` finds a user/anonymous/CRM id by
 * prefix, an e-mail address or phone number through its hashed identity, or text in the traits.
 */
export async function listCustomers(
  ctx: WorkspaceContext,
  query: TCustomerListQuery,
): Promise<Page<TCustomerSummary>> {
  const ws = ctx.access.workspaceId;
  const after = decodeKeyset(query.cursor, SORT);
  if (after && !CURSOR_TIME.test(after.value))
    throw invalid("/query/cursor", "cursor is not a cursor returned by this API", "invalid_cursor");
  let q = ctx.db
    .selectFrom("customers as c")
    .select(["c.id", "c.traits", "c.first_seen", "c.last_seen", lastSeenText.as("last_seen_text")])
    .where("c.workspace_id", "=", ws)
    .where("c.merged_into", "is", null);
  if (query.q) {
    const term = query.q;
    const like = `${escapeLike(term)}%`;
    // The inbox names e-mail-only customers `email:<address>`; its link searches for that.
    const exact = [
      emailId(term.replace(/^email:/, "")),
      ...(phoneId(term) && /^\+?[\d\s/()-]+$/.test(term) ? [phoneId(term) as string] : []),
    ];
    q = q.where(
      sql<SqlBool>`(exists (select 1 from customer_identities i where i.customer_id = c.id and i.workspace_id = ${ws}
        and (i.distinct_id = any(${exact}::text[]) or i.distinct_id like ${`user:${like}`}
          or i.distinct_id like ${`anon:${like}`} or i.distinct_id like ${`crm:${like}`}))
        or c.traits::text ilike ${`%${escapeLike(term)}%`})`,
    );
  }
  if (after)
    q = q.where(sql<SqlBool>`(c.last_seen, c.id) < (${after.value}::timestamptz, ${after.id}::uuid)`);
  const rows = await q
    .orderBy("c.last_seen", "desc")
    .orderBy("c.id", "desc")
    .limit(query.limit + 1)
    .execute();
  const more = rows.length > query.limit;
  const slice = more ? rows.slice(0, query.limit) : rows;
  const ids = await identitiesOf(
    ctx.db,
    ws,
    slice.map((r) => r.id),
  );
  const last = slice[slice.length - 1];
  return {
    items: slice.map((r) => ({
      id: r.id,
      distinctIds: shownIds(ids.get(r.id) ?? []),
      traits: r.traits,
      firstSeen: r.first_seen.toISOString(),
      lastSeen: r.last_seen.toISOString(),
    })),
    nextCursor: more && last ? encodeKeyset(SORT, { value: last.last_seen_text, id: last.id }) : null,
  };
}
