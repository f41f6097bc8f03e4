import type { Db } from "./db/connect.js";

/** Natural keys of workspace records (touchpoints, personas): stable slugs that imports upsert by. */
export const KEY_PATTERN = /^[a-z0-9](?:[a-z0-9_-]{0,78}[a-z0-9])?$/;
export const KEY_MESSAGE =
  "lowercase letters, digits, - and _, 1–80 characters, starting and ending alphanumeric";

const GERMAN: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue", ß: "ss" };

/** "Warten auf Rückruf" → "warten-auf-rueckruf": German transliteration first, then ASCII. */
export function deriveKey(name: string, fallback: string): string {
  const base = name
    .replace(/[äöüÄÖÜß]/g, (c) => GERMAN[c] ?? c)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return base || fallback;
}

/** `wanted` when free in the workspace, otherwise `wanted-2`, `wanted-3` … */
export async function uniqueKey(
  db: Db,
  table: "touchpoints" | "personas",
  workspaceId: string,
  wanted: string,
): Promise<string> {
  const taken = new Set(
    (
      await db
        .selectFrom(table)
        .select("key")
        .where("workspace_id", "=", workspaceId)
        .where("key", "like", `${wanted}%`)
        .execute()
    ).map((r) => r.key),
  );
  if (!taken.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted}-${i}`)) return `${wanted}-${i}`;
}

/** PostgreSQL's unique_violation, from either driver. */
export const isUniqueViolation = (e: unknown): boolean =>
  typeof e === "object" && e !== null && (e as { code?: unknown }).code === "23505";
