import { type RawBuilder, sql } from "kysely";
import type { WorkspaceContext } from "../context.js";
import { isUuid } from "../ids.js";
import { decodeKeyset, encodeKeyset } from "../keyset.js";
import type { Page } from "../pagination.js";
import { toTouchpoint, touchpointQuery } from "./touchpoint-row.js";
import type { TTouchpoint, TTouchpointListQuery } from "./touchpoints.schema.js";

/**
 * Sort keys map to SQL from this allowlist only. Values are text so one keyset comparison serves
 * all; names sort case-insensitively; timestamps as fixed-width UTC text keep microseconds exact.
 */
const SORT_SQL: Record<string, RawBuilder<string>> = {
  name: sql<string>`lower(t.name)`,
  channel: sql<string>`t.channel`,
  kind: sql<string>`t.kind`,
  department: sql<string>`coalesce(t.department, '')`,
  updatedAt: sql<string>`to_char(t.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
};

/** A text filter as a LIKE pattern matching it literally. */
const contains = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listTouchpoints(
  ctx: WorkspaceContext,
  query: TTouchpointListQuery,
): Promise<Page<TTouchpoint>> {
  const desc = query.sort.startsWith("-");
  const field = desc ? query.sort.slice(1) : query.sort;
  const sortSql = SORT_SQL[field] ?? sql<string>`lower(t.name)`;
  const after = decodeKeyset(query.cursor, query.sort);

  let q = touchpointQuery(ctx.db, ctx.access.workspaceId).select(sortSql.as("sort_value"));
  if (query.channel) q = q.where("t.channel", "=", query.channel);
  if (query.kind) q = q.where("t.kind", "=", query.kind);
  if (query.department) q = q.where("t.department", "=", query.department);
  if (query.owner) {
    const owner = query.owner;
    q = isUuid(owner) ? q.where("t.owner_user_id", "=", owner) : q.where("t.owner_team", "=", owner);
  }
  if (query.tag) q = q.where(sql<boolean>`t.tags @> ${JSON.stringify([query.tag])}::jsonb`);
  if (query.signature) q = q.where("t.signature", "=", query.signature === "true");
  if (query.q) {
    const pattern = contains(query.q);
    q = q.where((eb) =>
      eb.or([
        eb("t.name", "ilike", pattern),
        eb("t.key", "ilike", pattern),
        eb("t.description", "ilike", pattern),
      ]),
    );
  }
  if (after) {
    q = q.where(
      desc
        ? sql<boolean>`(${sortSql}, t.id) < (${after.value}, ${after.id}::uuid)`
        : sql<boolean>`(${sortSql}, t.id) > (${after.value}, ${after.id}::uuid)`,
    );
  }
  const rows = await q
    .orderBy(sortSql, desc ? "desc" : "asc")
    .orderBy("t.id", desc ? "desc" : "asc")
    .limit(query.limit + 1)
    .execute();
  const more = rows.length > query.limit;
  const slice = more ? rows.slice(0, query.limit) : rows;
  const last = slice[slice.length - 1];
  return {
    items: slice.map(toTouchpoint),
    nextCursor: more && last ? encodeKeyset(query.sort, { value: last.sort_value, id: last.id }) : null,
  };
}
