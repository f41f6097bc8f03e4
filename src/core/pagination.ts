import { z } from "zod";
import { invalid } from "./errors.js";
import { isUuid } from "./ids.js";

export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});
export type TPageQuery = z.infer<typeof ZPageQuery>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: base64url of the last row's (time-ordered UUIDv7) id. */
export const encodeCursor = (id: string): string => Buffer.from(id).toString("base64url");

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, "base64url").toString();
  if (!isUuid(id))
    throw invalid("/query/cursor", "cursor is not a cursor returned by this API", "invalid_cursor");
  return id;
}

/** Builds a page from `limit + 1` fetched rows ordered by id (either direction); the cursor is the last id. */
export function toPage<R, T>(rows: R[], limit: number, idOf: (r: R) => string, map: (r: R) => T): Page<T> {
  const more = rows.length > limit;
  const slice = more ? rows.slice(0, limit) : rows;
  const last = slice[slice.length - 1];
  return { items: slice.map(map), nextCursor: more && last ? encodeCursor(idOf(last)) : null };
}
