/**
 * The text format of the project's lexicons (German words, English CX additions), compiled once
 * at module load into maps, so matching a token costs a few map lookups and no regular expression.
 * One entry per line: `<word-or-pattern> <valence>` (VADER's scale −4…+4); `stem*` matches every
 * token that starts with the stem; several patterns before the number form a phrase of consecutive
 * tokens; `#` starts a comment.
 */

export interface PhrasePart {
  text: string;
  stem: boolean;
}

export interface Phrase {
  parts: PhrasePart[];
  value: number;
}

export interface CompiledLexicon {
  words: Map<string, number>;
  stems: Map<string, number>;
  /** Phrases by their first part: exact first words here, stems in `phrasesByStem`. */
  phrasesByWord: Map<string, Phrase[]>;
  phrasesByStem: Map<string, Phrase[]>;
  /** Longest stem (of words and phrase starts), bounding the prefix probes per token. */
  maxStem: number;
}

export const emptyLexicon = (): CompiledLexicon => ({
  words: new Map(),
  stems: new Map(),
  phrasesByWord: new Map(),
  phrasesByStem: new Map(),
  maxStem: 0,
});

const part = (raw: string): PhrasePart =>
  raw.endsWith("*") ? { text: raw.slice(0, -1), stem: true } : { text: raw, stem: false };

/** Adds the entries of `source` to `lexicon`; a later entry for the same pattern replaces an earlier one. */
export function addEntries(lexicon: CompiledLexicon, source: string): CompiledLexicon {
  for (const rawLine of source.split("\n")) {
    const hash = rawLine.indexOf("#");
    const line = (hash >= 0 ? rawLine.slice(0, hash) : rawLine).trim().toLowerCase();
    if (line === "") continue;
    const fields = line.split(/\s+/);
    const value = Number(fields.pop());
    if (!Number.isFinite(value) || fields.length === 0) continue;
    const parts = fields.map(part);
    if (parts.some((p) => p.text === "")) continue;
    const first = parts[0] as PhrasePart;
    if (first.stem) lexicon.maxStem = Math.max(lexicon.maxStem, first.text.length);
    if (parts.length === 1) {
      (first.stem ? lexicon.stems : lexicon.words).set(first.text, value);
      continue;
    }
    const index = first.stem ? lexicon.phrasesByStem : lexicon.phrasesByWord;
    const list = (index.get(first.text) ?? []).filter((p) => !samePattern(p.parts, parts));
    list.push({ parts, value });
    // Longest phrase first, so "immer noch keine antwort" wins over "keine antwort".
    list.sort((a, b) => b.parts.length - a.parts.length);
    index.set(first.text, list);
  }
  return lexicon;
}

const samePattern = (a: PhrasePart[], b: PhrasePart[]): boolean =>
  a.length === b.length && a.every((p, i) => p.text === b[i]?.text && p.stem === b[i]?.stem);

export const compileLexicon = (...sources: string[]): CompiledLexicon => {
  const lexicon = emptyLexicon();
  for (const s of sources) addEntries(lexicon, s);
  return lexicon;
};

/** Every phrase whose first part matches `norm` (exact first words, then stems, longest first). */
export function phrasesStartingWith(lexicon: CompiledLexicon, norm: string): Phrase[] {
  const exact = lexicon.phrasesByWord.get(norm);
  let found: Phrase[] | undefined = exact;
  if (lexicon.phrasesByStem.size > 0) {
    for (let n = Math.min(norm.length, lexicon.maxStem); n >= 1; n--) {
      const more = lexicon.phrasesByStem.get(norm.slice(0, n));
      if (more) found = found ? [...found, ...more] : more;
    }
  }
  return found ?? [];
}
