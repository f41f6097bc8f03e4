import type { RuleLanguage } from "../analysis.js";

/**
 * Word forms of a taxonomy keyword: the "simple stem matching" of docs/api/understand.md §2 is
 * expanded once at compile time into the surface forms a keyword stands for, so matching a token
 * is a Map lookup instead of stemming every token of every text.
 */

// Inflection endings appended to a keyword (German: nouns, adjectives, verbs, -in/-innen forms).
const DE_ENDINGS = [
  "e",
  "en",
  "n",
  "s",
  "es",
  "er",
  "ern",
  "em",
  "et",
  "t",
  "te",
  "ten",
  "tet",
  "st",
  "est",
  "ste",
  "sten",
  "ster",
  "stes",
  "in",
  "innen",
];
// Endings taken off a keyword before re-inflecting it ("warten" → "wart" → "wartet", "warte").
const DE_STRIP = ["en", "n", "e", "et", "t", "s", "es"];
const DE_MIN_STEM = 4;
// English: no "-er"/"-ly" (waiter ≠ wait, apply ≠ app); comparatives are listed in the taxonomy.
const EN_ENDINGS = ["s", "es", "ed", "ing", "'s", "’s"];

/** German compounds: a keyword this long matches as the start or end of a longer word ("netz" would find "Bahnnetz", "nett" "Nettorendite"). */
export const COMPOUND_MIN_KEYWORD = 5;
/** The rest of a compound after a start keyword ("Netz|teil") must be at least this long. */
export const COMPOUND_MIN_REST = 4;
/** The modifier before an end keyword ("Zug|verspätung") must be at least this long. */
export const COMPOUND_MIN_MODIFIER = 3;

export function wordForms(word: string, language: RuleLanguage): string[] {
  const out = new Set<string>([word]);
  if (!/\p{L}$/u.test(word)) return [...out];
  if (language === "de") {
    for (const e of DE_ENDINGS) out.add(word + e);
    for (const s of DE_STRIP) {
      if (!word.endsWith(s) || word.length - s.length < DE_MIN_STEM) continue;
      const stem = word.slice(0, -s.length);
      for (const e of DE_ENDINGS) out.add(stem + e);
    }
  } else {
    for (const e of EN_ENDINGS) out.add(word + e);
    if (word.length >= 4 && word.endsWith("e")) {
      const stem = word.slice(0, -1);
      out.add(`${word}d`);
      out.add(`${stem}ing`);
    }
    if (word.length >= 4 && /[^aeiou]y$/.test(word)) {
      const stem = word.slice(0, -1);
      out.add(`${stem}ies`);
      out.add(`${stem}ied`);
    }
  }
  return [...out];
}

/** Spelling variants people type: "ae/oe/ue/ss" for umlauts and ß, straight for curly apostrophes. */
export function spellingVariants(keyword: string): string[] {
  const out = new Set([keyword]);
  const folded = keyword.replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
  out.add(folded);
  for (const k of [...out]) {
    if (k.includes("'")) out.add(k.replace(/'/g, "’"));
  }
  return [...out];
}

/** A character trie over keyword forms; read forwards (prefixes) or backwards (suffixes). */
export interface TrieNode {
  next: Map<number, TrieNode>;
  /** Aspects whose wildcard (`wort*` / `*wort`) ends here: any rest matches. */
  wildcard?: number[];
  /** Aspects whose German compound part ends here: the rest must be long enough. */
  compound?: number[];
}

export const newTrieNode = (): TrieNode => ({ next: new Map() });

export function trieInsert(
  root: TrieNode,
  key: string,
  backwards: boolean,
  kind: "wildcard" | "compound",
  aspect: number,
): void {
  let node = root;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(backwards ? key.length - 1 - i : i);
    let child = node.next.get(code);
    if (!child) {
      child = newTrieNode();
      node.next.set(code, child);
    }
    node = child;
  }
  const list = node[kind] ?? [];
  if (!list.includes(aspect)) list.push(aspect);
  node[kind] = list;
}
