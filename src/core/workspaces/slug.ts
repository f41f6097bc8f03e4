import type { Db } from "../db/connect.js";

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/ß/g, "ss")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return base || "workspace";
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
