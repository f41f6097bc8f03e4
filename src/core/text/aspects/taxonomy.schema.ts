import { z } from "zod";

/** Limits of docs/api/understand.md §2. */
export const MAX_ASPECTS = 60;
export const MAX_KEYWORDS = 200;
export const MAX_KEYWORD_CHARS = 60;

// Keywords are stored normalised (trimmed, lower case, single spaces). A `*` stands only at one end
// of a single word; phrases take no wildcards.
const ZKeyword = z
  .string()
  .transform((s) => s.trim().toLowerCase().replace(/\s+/g, " "))
  .superRefine((k, c) => {
    const message = keywordProblem(k);
    if (message) c.addIssue({ code: "custom", message });
  });

function keywordProblem(k: string): string | undefined {
  if (!/[\p{L}\p{N}]/u.test(k)) return "needs a letter or digit";
  if (k.length > MAX_KEYWORD_CHARS) return `at most ${MAX_KEYWORD_CHARS} characters`;
  const wildcard = /^\*?[^*\s]+\*?$/.test(k) && !(k.startsWith("*") && k.endsWith("*"));
  if (k.includes("*") && !wildcard) return "a * may only start or end a single word (wort*, *wort)";
  return undefined;
}

const ZKeywords = z.array(ZKeyword).max(MAX_KEYWORDS, `at most ${MAX_KEYWORDS} keywords`);

export const ZAspectDefinition = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, "lowercase letters, digits and _, 2–40 characters"),
  label: z.strictObject({ de: z.string().trim().min(1).max(80), en: z.string().trim().min(1).max(80) }),
  keywords: z.strictObject({ de: ZKeywords, en: ZKeywords }),
  enabled: z.boolean().default(true),
});

export const ZTaxonomy = z.strictObject({
  aspects: z
    .array(ZAspectDefinition)
    .max(MAX_ASPECTS, `at most ${MAX_ASPECTS} aspects`)
    .superRefine((aspects, c) => {
      const seen = new Set<string>();
      aspects.forEach((a, i) => {
        if (seen.has(a.key))
          c.addIssue({ code: "custom", path: [i, "key"], message: "duplicate aspect key" });
        seen.add(a.key);
      });
    }),
});

export const ZPutTaxonomy = ZTaxonomy.extend({
  /** The version the client read; a different current version means someone else saved meanwhile. */
  version: z.number().int().min(0),
});
export type TPutTaxonomy = z.infer<typeof ZPutTaxonomy>;

export const ZTaxonomyState = z.object({
  version: z.number().int(),
  custom: z.boolean(),
  aspects: z.array(ZAspectDefinition),
});
export type TTaxonomyState = z.infer<typeof ZTaxonomyState>;
