import type {
  AspectHit,
  ClauseSentiment,
  RuleLanguage,
  SentimentResult,
  Span,
  Taxonomy,
} from "../analysis.js";
import { type Token, tokenize } from "../tokenize.js";
import {
  COMPOUND_MIN_KEYWORD,
  COMPOUND_MIN_MODIFIER,
  COMPOUND_MIN_REST,
  newTrieNode,
  spellingVariants,
  type TrieNode,
  trieInsert,
  wordForms,
} from "./keyword-forms.js";

interface PhraseRule {
  aspect: number;
  /** Accepted forms of the second, third, … word. */
  rest: Set<string>[];
}

interface LanguageRules {
  /** Every form of every single-word keyword → aspect indexes. */
  words: Map<string, number[]>;
  /** `wort*` and German compound starts. */
  forward: TrieNode;
  /** `*wort` and German compound ends. */
  backward: TrieNode;
  /** Multi-word keywords by the forms of their first word. */
  phrases: Map<string, PhraseRule[]>;
  hasForward: boolean;
  hasBackward: boolean;
}

/** A taxonomy turned into lookup tables once, for fast matching of many texts. */
export interface CompiledTaxonomy {
  /** Keys of the enabled aspects; rule values index this list. */
  keys: string[];
  de: LanguageRules;
  en: LanguageRules;
}

const compiledCache = new WeakMap<Taxonomy, CompiledTaxonomy>();

/** Compiles the enabled aspects of a taxonomy (memoised per taxonomy object). */
export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  const cached = compiledCache.get(taxonomy);
  if (cached) return cached;
  const aspects = taxonomy.aspects.filter((a) => a.enabled);
  const compiled: CompiledTaxonomy = {
    keys: aspects.map((a) => a.key),
    de: compileLanguage(
      aspects.map((a) => a.keywords.de),
      "de",
    ),
    en: compileLanguage(
      aspects.map((a) => a.keywords.en),
      "en",
    ),
  };
  compiledCache.set(taxonomy, compiled);
  return compiled;
}

function compileLanguage(keywordsByAspect: string[][], language: RuleLanguage): LanguageRules {
  const rules: LanguageRules = {
    words: new Map(),
    forward: newTrieNode(),
    backward: newTrieNode(),
    phrases: new Map(),
    hasForward: false,
    hasBackward: false,
  };
  const addWord = (form: string, aspect: number) => {
    const list = rules.words.get(form);
    if (!list) rules.words.set(form, [aspect]);
    else if (!list.includes(aspect)) list.push(aspect);
  };
  keywordsByAspect.forEach((keywords, aspect) => {
    for (const raw of keywords) {
      for (const keyword of spellingVariants(raw.trim().toLowerCase().replace(/\s+/g, " "))) {
        if (keyword.length > 1 && keyword.endsWith("*") && !keyword.startsWith("*")) {
          trieInsert(rules.forward, keyword.slice(0, -1), false, "wildcard", aspect);
          rules.hasForward = true;
        } else if (keyword.length > 1 && keyword.startsWith("*") && !keyword.endsWith("*")) {
          trieInsert(rules.backward, keyword.slice(1), true, "wildcard", aspect);
          rules.hasBackward = true;
        } else {
          const words = tokenize(keyword)
            .filter((t) => t.kind === "word" || t.kind === "number")
            .map((t) => t.norm);
          if (words.length === 1) addSingleWord(rules, words[0] as string, language, aspect, addWord);
          else if (words.length > 1) addPhrase(rules, words, language, aspect);
        }
      }
    }
  });
  return rules;
}

function addSingleWord(
  rules: LanguageRules,
  word: string,
  language: RuleLanguage,
  aspect: number,
  addWord: (form: string, aspect: number) => void,
): void {
  const forms = wordForms(word, language);
  for (const form of forms) addWord(form, aspect);
  if (language !== "de" || word.length < COMPOUND_MIN_KEYWORD || word.includes("-")) return;
  for (const form of forms) {
    trieInsert(rules.forward, form, false, "compound", aspect);
    trieInsert(rules.backward, form, true, "compound", aspect);
  }
  rules.hasForward = true;
  rules.hasBackward = true;
}

function addPhrase(rules: LanguageRules, words: string[], language: RuleLanguage, aspect: number): void {
  const [first, ...rest] = words as [string, ...string[]];
  const rule: PhraseRule = { aspect, rest: rest.map((w) => new Set(wordForms(w, language))) };
  for (const form of wordForms(first, language)) {
    const list = rules.phrases.get(form);
    if (list) list.push(rule);
    else rules.phrases.set(form, [rule]);
  }
}

/**
 * Finds the taxonomy's aspects in a tokenized text. An aspect's polarity is that of the clause
 * mentioning it; when several clauses do, the most polar one decides (and is the hit's `clause`).
 */
export function detectAspects(
  tokens: Token[],
  sentiment: SentimentResult,
  language: RuleLanguage,
  compiled: CompiledTaxonomy,
): AspectHit[] {
  const rules = compiled[language];
  const triggers: Span[][] = [];
  const found: number[] = [];
  const clauses = sentiment.clauses;
  const add = (aspect: number, from: number, to: number) => {
    let spans = triggers[aspect];
    if (!spans) {
      spans = [];
      triggers[aspect] = spans;
      found.push(aspect);
    }
    const last = spans[spans.length - 1];
    if (last && from < last.to) {
      if (to > last.to) spans[spans.length - 1] = span(tokens, clauses, last.from, to);
      return;
    }
    spans.push(span(tokens, clauses, from, to));
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind !== "word" && token.kind !== "number") continue;
    const phrases = rules.phrases.get(token.norm);
    if (phrases) {
      // A phrase does not reach across a clause break ("zu \n\n teuer" is two clauses).
      const clause = clauses[clauseAt(clauses, token.from)];
      for (const p of phrases) {
        const end = matchPhrase(tokens, i, p);
        const to = end >= 0 ? (tokens[end] as Token).to : -1;
        if (end >= 0 && (!clause || clause.from > token.from || to <= clause.to))
          add(p.aspect, token.from, to);
      }
    }
    for (const aspect of matchWord(rules, token.norm, language)) add(aspect, token.from, token.to);
    if (token.norm.includes("-")) {
      for (const part of token.norm.split("-")) {
        if (part) for (const aspect of matchWord(rules, part, language)) add(aspect, token.from, token.to);
      }
    }
  }
  const hits = found.map((aspect): AspectHit => {
    const spans = triggers[aspect] as Span[];
    let best = -1;
    for (const t of spans) {
      const c = clauseAt(clauses, t.from);
      if (c >= 0 && (best < 0 || Math.abs(clauseScore(clauses, c)) > Math.abs(clauseScore(clauses, best))))
        best = c;
    }
    const decided = best >= 0 ? (clauses[best] as ClauseSentiment) : sentiment;
    return {
      aspect: compiled.keys[aspect] as string,
      label: decided.label,
      score: decided.score,
      clause: best,
      triggers: spans,
    };
  });
  return hits.sort((a, b) => (a.triggers[0] as Span).from - (b.triggers[0] as Span).from);
}

const NONE: number[] = [];

function matchWord(rules: LanguageRules, word: string, language: RuleLanguage): number[] {
  const exact = rules.words.get(word);
  if (!rules.hasForward && !rules.hasBackward) return exact ?? NONE;
  const out = exact ? [...exact] : [];
  const compounds = language === "de";
  if (rules.hasForward) {
    let node: TrieNode | undefined = rules.forward;
    for (let k = 0; k < word.length && node; k++) {
      node = node.next.get(word.charCodeAt(k));
      if (!node) break;
      if (node.wildcard) push(out, node.wildcard);
      if (compounds && node.compound && word.length - (k + 1) >= COMPOUND_MIN_REST) push(out, node.compound);
    }
  }
  if (rules.hasBackward) {
    let node: TrieNode | undefined = rules.backward;
    for (let k = word.length - 1; k >= 0 && node; k--) {
      node = node.next.get(word.charCodeAt(k));
      if (!node) break;
      if (node.wildcard) push(out, node.wildcard);
      if (compounds && node.compound && k >= COMPOUND_MIN_MODIFIER) push(out, node.compound);
    }
  }
  return out;
}

function push(out: number[], aspects: number[]): void {
  for (const a of aspects) if (!out.includes(a)) out.push(a);
}

/** The index of the phrase's last token when the words after `start` follow it, else -1. */
function matchPhrase(tokens: Token[], start: number, rule: PhraseRule): number {
  let i = start;
  for (const forms of rule.rest) {
    i++;
    const t = tokens[i];
    if (!t || (t.kind !== "word" && t.kind !== "number") || !forms.has(t.norm)) return -1;
  }
  return i;
}

/** The clause whose span contains `pos`; the last clause starting before it when none does. */
function clauseAt(clauses: ClauseSentiment[], pos: number): number {
  let lo = 0;
  let hi = clauses.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((clauses[mid] as ClauseSentiment).from <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 && clauses.length > 0 ? 0 : found;
}

const clauseScore = (clauses: ClauseSentiment[], i: number) => (clauses[i] as ClauseSentiment).score;

/** A trigger span; its text is cut from the clause that holds it, so it is exactly as written. */
function span(tokens: Token[], clauses: ClauseSentiment[], from: number, to: number): Span {
  const c = clauses[clauseAt(clauses, from)];
  if (c && c.from <= from && to <= c.to) return { from, to, text: c.text.slice(from - c.from, to - c.from) };
  const parts = tokens.filter((t) => t.from >= from && t.to <= to);
  return { from, to, text: parts.map((t) => t.text).join(" ") };
}
