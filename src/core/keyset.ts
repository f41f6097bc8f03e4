import { invalid } from "./errors.js";
import { isUuid } from "./ids.js";

/**
 * Cursors for lists sorted by something other than the id: the last row's sort value and id, so
 * the next page starts strictly after (value, id) — stable under inserts, unlike an offset.
 */
export interface KeysetPosition {
  value: string;
  id: string;
}

export const encodeKeyset = (sort: string, pos: KeysetPosition): string =>
  Buffer.from(JSON.stringify({ s: sort, v: pos.value, id: pos.id })).toString("base64url");

/** The position in a cursor made for the same sort; anything else is a 400 on `/query/cursor`. */
export function decodeKeyset(cursor: string | undefined, sort: string): KeysetPosition | undefined {
  if (cursor === undefined) return undefined;
  const bad = () =>
    invalid("/query/cursor", "cursor is not a cursor returned by this API for this sort", "invalid_cursor");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString());
  } catch {
    throw bad();
  }
  const p = parsed as { s?: unknown; v?: unknown; id?: unknown };
  if (p?.s !== sort || typeof p.v !== "string" || typeof p.id !== "string" || !isUuid(p.id)) throw bad();
  return { value: p.v, id: p.id };
}
