import type { Db } from "../db/connect.js";
import { deriveKey } from "../keys.js";

/** "Stadtwerke Süd" → "stadtwerke-sued": the same transliteration as touchpoint and persona keys. */
export function slugify(name: string): string {
  return deriveKey(name, "workspace").slice(0, 40).replace(/-+$/, "");
}

/** The slug itself when free, otherwise the slug with the lowest free numeric suffix. */
export async function uniqueSlug(db: Db, wanted: string): Promise<string> {
  const taken = new Set(
    (await db.selectFrom("workspaces").select("slug").where("slug", "like", `${wanted}%`).execute()).map(
      (r) => r.slug,
    ),
  );
  if (!taken.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted}-${i}`)) return `${wanted}-${i}`;
}
