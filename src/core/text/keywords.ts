import type { RuleLanguage } from "./analysis.js";
import { isStopWord } from "./stopwords.js";
import type { Token } from "./tokenize.js";

export const MAX_KEYWORDS = 10;
const MIN_CHARS = 3;
const MAX_CHARS = 40;

/**
 * The content words of one text, most characteristic first (docs/api/understand.md §1): lower case,
 * stop words out, compounds kept whole. Without a corpus, "characteristic" is a heuristic: repeated
 * and longer words first (German compounds carry the topic: "Zählerablesung"), German nouns (written
 * with a capital inside a sentence) before other words, earlier before later.
 */
export function extractKeywords(tokens: Token[], language: RuleLanguage): string[] {
  const stats = new Map<string, { count: number; first: number; noun: boolean }>();
  let sentenceStart = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === "punct") {
      if (/[.!?…:;]/.test(t.text)) sentenceStart = true;
      continue;
    }
    const atStart = sentenceStart;
    sentenceStart = false;
    if (t.kind !== "word") continue;
    const word = t.norm.replace(/’/g, "'").replace(/'s$/, "");
    if (word.length < MIN_CHARS || word.length > MAX_CHARS || isStopWord(word, language)) continue;
    if (!/\p{L}{2}/u.test(word)) continue;
    const noun = language === "de" && !atStart && t.text[0] !== t.norm[0];
    const s = stats.get(word);
    if (s) {
      s.count++;
      s.noun ||= noun;
    } else stats.set(word, { count: 1, first: i, noun });
  }
  const scored = [...stats].map(([word, s]) => ({
    word,
    first: s.first,
    score: (1 + Math.log2(s.count)) * Math.log2(word.length + 1) * (s.noun ? 1.5 : 1),
  }));
  scored.sort((a, b) => b.score - a.score || a.first - b.first);
  return scored.slice(0, MAX_KEYWORDS).map((s) => s.word);
}
