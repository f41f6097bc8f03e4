import { sql } from "kysely";
import type { WorkspaceContext } from "../context.js";
import { decodeKeyset, encodeKeyset } from "../keyset.js";
import type { Page } from "../pagination.js";
import { toPersona } from "./persona-row.js";
import type { TPersona, TPersonaListQuery } from "./personas.schema.js";

const SORT = "name";
const sortSql = sql<string>`lower(name)`;

/** Personas by name (case-insensitive), keyset-paginated on (name, id). */
export async function listPersonas(ctx: WorkspaceContext, query: TPersonaListQuery): Promise<Page<TPersona>> {
  const after = decodeKeyset(query.cursor, SORT);
  let q = ctx.db
    .selectFrom("personas")
    .selectAll()
    .select(sortSql.as("sort_value"))
    .where("workspace_id", "=", ctx.access.workspaceId);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb("name", "ilike", pattern),
        eb("key", "ilike", pattern),
        eb("quote", "ilike", pattern),
        eb("description", "ilike", pattern),
      ]),
    );
  }
  if (after) q = q.where(sql<boolean>`(${sortSql}, id) > (${after.value}, ${after.id}::uuid)`);
  const rows = await q
    .orderBy(sortSql)
    .orderBy("id")
    .limit(query.limit + 1)
    .execute();
  const more = rows.length > query.limit;
  const slice = more ? rows.slice(0, query.limit) : rows;
  const last = slice[slice.length - 1];
  return {
    items: slice.map(toPersona),
    nextCursor: more && last ? encodeKeyset(SORT, { value: last.sort_value, id: last.id }) : null,
  };
}
