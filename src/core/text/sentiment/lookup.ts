/**
 * Word valence per rule language: exact words, then the longest stem, then (German) the head of a
 * compound ("Lieferverzögerung" → "verzögerung"). Results are cached per lower-case token, so the
 * compound search runs once per distinct word.
 */
import type { RuleLanguage } from "../analysis.js";
import { DE_LEXICON } from "../lexicon/de/index.js";
import { EN_LEXICON } from "../lexicon/en/index.js";
import { type CompiledLexicon, type Phrase, phrasesStartingWith, stemValue } from "./lexicon-format.js";

export const LEXICONS: Record<RuleLanguage, CompiledLexicon> = { de: DE_LEXICON, en: EN_LEXICON };

/** Compounds are split only from this length. */
const MIN_COMPOUND = 8;
/**
 * Heads must have 5 letters: 4-letter entries end too many unrelated words ("Abendk|leid",
 * "Kabi|nett", "Ausf|lüge"). A stem head may leave at most an inflection or derivation ending
 * after it ("verzöger|ung"), so a stem does not match in the middle of another word ("Nach|barsch|aftsnetz").
 */
const MIN_HEAD = 5;
const MAX_STEM_REST = 4;
const MIN_MODIFIER = 3;
const CACHE_LIMIT = 50_000;

export interface CompoundParts {
  modifier: string;
  head: string;
}

/** Value of a head: an exact word, or a stem that leaves no more than an ending. */
function headValue(lexicon: CompiledLexicon, head: string): number | undefined {
  const exact = lexicon.words.get(head);
  if (exact !== undefined) return exact;
  for (
    let n = Math.min(head.length, lexicon.maxStem);
    n >= Math.max(MIN_HEAD, head.length - MAX_STEM_REST);
    n--
  ) {
    const v = lexicon.stems.get(head.slice(0, n));
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Strips a linking element (-s-, -n-, -en-, -es-) from a compound's modifier when what remains is a word. */
function withoutLinking(modifier: string): string {
  for (const link of ["es", "en", "s", "n"]) {
    if (modifier.endsWith(link) && modifier.length - link.length >= MIN_MODIFIER)
      return modifier.slice(0, -link.length);
  }
  return modifier;
}

/**
 * The longest known head that ends an unknown German token, with the modifier before it (linking
 * element removed); null when no lexicon entry ends the token.
 */
export function splitCompound(
  lexicon: CompiledLexicon,
  norm: string,
): (CompoundParts & { value: number }) | null {
  if (norm.length < MIN_COMPOUND) return null;
  for (let i = MIN_MODIFIER; i <= norm.length - MIN_HEAD; i++) {
    const head = norm.slice(i);
    const value = headValue(lexicon, head);
    if (value !== undefined) return { modifier: withoutLinking(norm.slice(0, i)), head, value };
  }
  return null;
}

/** Exact word; for a hyphenated word its last part ("Verspätungs-App" is an app); then the longest stem, then (German) the compound head. */
function lookup(lexicon: CompiledLexicon, norm: string, compounds: boolean): number | undefined {
  const exact = lexicon.words.get(norm);
  if (exact !== undefined) return exact;
  const dash = norm.lastIndexOf("-");
  if (dash > 0 && dash < norm.length - 1) return lookup(lexicon, norm.slice(dash + 1), compounds);
  return stemValue(lexicon, norm) ?? (compounds ? splitCompound(lexicon, norm)?.value : undefined);
}

const caches: Record<RuleLanguage, Map<string, number | null>> = { de: new Map(), en: new Map() };

/** The valence of a lower-case word token, or undefined when the lexicon does not know it. */
export function wordValue(language: RuleLanguage, norm: string): number | undefined {
  const cache = caches[language];
  const cached = cache.get(norm);
  if (cached !== undefined) return cached ?? undefined;
  const lexicon = LEXICONS[language];
  const key = norm.includes("’") ? norm.replaceAll("’", "'") : norm;
  const value = lookup(lexicon, key, language === "de");
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(norm, value ?? null);
  return value;
}

const phraseCaches: Record<RuleLanguage, Map<string, Phrase[]>> = { de: new Map(), en: new Map() };

/** The phrases whose first part matches a lower-case word token (cached like `wordValue`). */
export function phrasesAt(language: RuleLanguage, norm: string): Phrase[] {
  const cache = phraseCaches[language];
  const cached = cache.get(norm);
  if (cached !== undefined) return cached;
  const found = phrasesStartingWith(
    LEXICONS[language],
    norm.includes("’") ? norm.replaceAll("’", "'") : norm,
  );
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(norm, found);
  return found;
}
