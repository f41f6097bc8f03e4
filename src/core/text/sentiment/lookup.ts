/**
 * Word valence per rule language: exact words, then the longest stem, then (German) the head of a
 * compound ("Lieferverzögerung" → "verzögerung"). Results are cached per lower-case token, so the
 * compound search runs once per distinct word.
 */
import type { RuleLanguage } from "../analysis.js";
import { DE_LEXICON } from "../lexicon/de/index.js";
import { EN_LEXICON } from "../lexicon/en/index.js";
import { MODIFIERS } from "../lexicon/modifiers.js";
import { type CompiledLexicon, type Phrase, phrasesStartingWith } from "./lexicon-format.js";

export const LEXICONS: Record<RuleLanguage, CompiledLexicon> = { de: DE_LEXICON, en: EN_LEXICON };

/** Compounds are split only from this length. */
const MIN_COMPOUND = 8;
/**
 * Heads must have 5 letters: 4-letter entries end too many unrelated words ("Abendk|leid",
 * "Kabi|nett", "Ausf|lüge"). A stem may leave at most an inflection or derivation ending after it
 * ("verzöger|ung"), unless it is long enough to be a word of its own ("katastroph|enservice"), so a
 * short stem does not match the start of another word ("träge" in "Trägerkarte", "lärm" in "Lärmschutz").
 */
const MIN_HEAD = 5;
const MAX_STEM_REST = 4;
const FREE_STEM = 6;
const MIN_MODIFIER = 3;
/** A modifier decides a compound whose head is unknown only when it is a strong word ("Horror|trip", "Super|service"). */
const STRONG_MODIFIER = 2.2;
const CACHE_LIMIT = 50_000;
/** Verb prefixes (with the participle "ge" or infinitive "zu") form derived verbs, not compounds: "ein|geräumt" is not "geräumt". */
const VERB_PREFIX =
  /^(?:ab|an|auf|aus|be|bei|ein|ent|er|mit|nach|über|um|un|unbe|ver|vor|weg|zer|zu|zurück)(?:ge|zu)?$/;

export interface CompoundParts {
  modifier: string;
  head: string;
}

/**
 * The value of the longest stem that starts `norm` and leaves only an ending; with `free`, a stem
 * long enough to be a word of its own may also start a compound ("katastroph|enservice").
 */
function stemOf(lexicon: CompiledLexicon, norm: string, minStem: number, free: boolean): number | undefined {
  for (let n = Math.min(norm.length, lexicon.maxStem); n >= minStem; n--) {
    if (norm.length - n > MAX_STEM_REST && !(free && n >= FREE_STEM)) continue;
    const v = lexicon.stems.get(norm.slice(0, n));
    if (v !== undefined) return v;
  }
  return undefined;
}

const headValue = (lexicon: CompiledLexicon, head: string): number | undefined =>
  lexicon.words.get(head) ?? stemOf(lexicon, head, MIN_HEAD, false);

/**
 * A compound's modifier as a lexicon word, as written or without its linking element: -s- after
 * -ung/-heit/-keit/-schaft/-tion/-tät/-ling/-tum, -n- after -e, -en-/-es- after a consonant.
 */
function modifierValue(lexicon: CompiledLexicon, modifier: string): { word: string; value: number } | null {
  const candidates = [modifier];
  if (/(?:ung|heit|keit|schaft|ion|tät|ling|tum)s$/.test(modifier)) candidates.push(modifier.slice(0, -1));
  if (/en$/.test(modifier)) candidates.push(modifier.slice(0, -1));
  if (/[^aeiouäöü](?:en|es)$/.test(modifier)) candidates.push(modifier.slice(0, -2));
  for (const word of candidates) {
    const value = word.length >= MIN_HEAD ? lexicon.words.get(word) : undefined;
    if (value !== undefined) return { word, value };
  }
  return null;
}

/**
 * Splits an unknown German token into modifier + head at the longest known head that ends it;
 * when no head is known, at a strong modifier that starts it. Null when neither is found.
 */
export function splitCompound(
  lexicon: CompiledLexicon,
  norm: string,
): (CompoundParts & { value: number }) | null {
  if (norm.length < MIN_COMPOUND) return null;
  for (let i = MIN_MODIFIER; i <= norm.length - MIN_HEAD; i++) {
    if (VERB_PREFIX.test(norm.slice(0, i))) continue;
    const head = norm.slice(i);
    // Praise words that double as nouns are nouns at the end of a compound ("Erste-Klasse", "Tabellenspitze").
    if (MODIFIERS.de.nounsWhenCapitalized.has(head)) return null;
    const value = headValue(lexicon, head);
    if (value !== undefined)
      return { modifier: modifierValue(lexicon, norm.slice(0, i))?.word ?? norm.slice(0, i), head, value };
  }
  for (let i = norm.length - MIN_HEAD; i >= MIN_HEAD; i--) {
    const modifier = modifierValue(lexicon, norm.slice(0, i));
    if (modifier && Math.abs(modifier.value) >= STRONG_MODIFIER)
      return { modifier: modifier.word, head: norm.slice(i), value: modifier.value };
  }
  return null;
}

/**
 * Exact word; for a hyphenated word its last part ("Verspätungs-App" is an app) or a strong first
 * part ("Horror-Fahrt"); then a stem, then (German) a compound split.
 */
function lookup(lexicon: CompiledLexicon, norm: string, compounds: boolean): number | undefined {
  const exact = lexicon.words.get(norm);
  if (exact !== undefined) return exact;
  const dash = norm.lastIndexOf("-");
  if (dash > 0 && dash < norm.length - 1) {
    const head = lookup(lexicon, norm.slice(dash + 1), compounds);
    if (head !== undefined) return head;
    const first = lookup(lexicon, norm.slice(0, norm.indexOf("-")), compounds);
    return first !== undefined && Math.abs(first) >= STRONG_MODIFIER ? first : undefined;
  }
  return stemOf(lexicon, norm, 3, true) ?? (compounds ? splitCompound(lexicon, norm)?.value : undefined);
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
