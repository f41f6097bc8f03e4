/**
 * Sentiment of one text, per clause and overall (docs/api/understand.md §1.2). Clause scores are
 * sums of cue values on VADER's scale; the text score weighs clauses (contrast, position) and is
 * normalised like VADER's compound score, x / √(x² + α), into [−1, 1].
 */
import type { ClauseSentiment, Polarity, RuleLanguage, SentimentCue, SentimentResult } from "../analysis.js";
import { MODIFIERS } from "../lexicon/modifiers.js";
import type { Token } from "../tokenize.js";
import { type Clause, splitClauses } from "./clauses.js";
import { wordValue } from "./lookup.js";
import { type ClauseContext, cueOf, type Item, scoreClause } from "./score-clause.js";

const ALPHA = 15;
/**
 * Label thresholds per rule language, tuned on the development data (scripts/eval-text.ts). The
 * lexicons differ in calibration: VADER's crowd-rated English words are milder and denser than the
 * German lists, and German social-media text uses "gut", "danke" and ":)" phatically, so German
 * praise must be clearer ("sehr gut", "super") to count; any clear complaint counts in both.
 */
export const THRESHOLDS: Record<RuleLanguage, { positive: number; negative: number }> = {
  de: { positive: 0.5, negative: 0.08 },
  en: { positive: 0.1, negative: 0.08 },
};
/**
 * Negativity bias: in a text that complains, praise weighs less in the text's verdict ("Freundlich,
 * aber seit drei Wochen keine Antwort" is a complaint); clause scores stay unbiased for aspects.
 */
const POSITIVE_WEIGHT = 0.8;
/** Later clauses weigh a little more: feedback tends to end with its verdict. */
const POSITION_GAIN = 0.1;
const MAX_POSITION_GAIN = 0.5;
const EXCLAMATION = 0.292;
const MAX_EXCLAMATIONS = 4;
/** A question ("Ist das gut?", "Warum so langsam??") asserts less than a statement, however many marks it has. */
const QUESTION_SCALE = 0.6;

const normalizeScore = (raw: number): number => (raw === 0 ? 0 : raw / Math.sqrt(raw * raw + ALPHA));

/**
 * Clauses and short texts (up to SHORT_TEXT_WORDS words: "Gut.", "Alles bestens") are verdicts in
 * themselves; the stricter text thresholds are for longer texts, which often mention a good thing
 * in passing while reporting something else.
 */
export const CLAUSE_THRESHOLDS: Record<RuleLanguage, { positive: number; negative: number }> = {
  de: { positive: 0.2, negative: 0.08 },
  en: { positive: 0.1, negative: 0.08 },
};
const SHORT_TEXT_WORDS = 4;

export function labelOf(
  score: number,
  language: RuleLanguage,
  thresholds: Record<RuleLanguage, { positive: number; negative: number }> = THRESHOLDS,
): Polarity {
  const t = thresholds[language];
  return score >= t.positive ? "positive" : score <= -t.negative ? "negative" : "neutral";
}

interface Punctuation {
  exclamations: number;
  question: boolean;
}

/** The clause's "!" and "?" marks (each also a cue when the clause has evidence to emphasise). */
function punctuation(ctx: ClauseContext, clause: Clause, cues: SentimentCue[] | null): Punctuation {
  const p: Punctuation = { exclamations: 0, question: false };
  for (let i = clause.start; i < clause.end; i++) {
    const t = ctx.tokens[i] as Token;
    if (t.kind !== "punct" || !/[!?]/.test(t.text)) continue;
    cues?.push(cueOf(ctx, i, i + 1, "punctuation", 0));
    for (const ch of t.text) {
      if (ch === "!") p.exclamations++;
      else if (ch === "?") p.question = true;
    }
  }
  return p;
}

/** "!" adds emphasis in the direction of the evidence; a question weakens it. */
function emphasize(raw: number, p: Punctuation): number {
  if (raw === 0) return 0;
  const result = raw + Math.sign(raw) * EXCLAMATION * Math.min(p.exclamations, MAX_EXCLAMATIONS);
  return p.question ? result * QUESTION_SCALE : result;
}

/**
 * Beyond REFERENCE_WORDS a text's verdict is its sentiment per REFERENCE_WORDS words: a long report
 * that mentions a strike once is not a complaint, a review that praises in every sentence stays praise.
 */
const REFERENCE_WORDS = 10;

function wordCount(tokens: Token[]): number {
  let words = 0;
  for (const t of tokens) if (t.kind === "word") words++;
  return words;
}

const lengthDamping = (words: number): number => (words > REFERENCE_WORDS ? words / REFERENCE_WORDS : 1);

/** A word or phrase said again adds less: quoted titles and copied teasers repeat themselves. */
const REPEAT_WEIGHT = 0.5;

function discountRepeats(ctx: ClauseContext, evidence: { items: Item[] }[]): void {
  const seen = new Set<string>();
  for (const { items } of evidence) {
    for (const item of items) {
      if (item.kind === "emoji") continue;
      const key = ctx.text
        .slice((ctx.tokens[item.start] as Token).from, (ctx.tokens[item.end - 1] as Token).to)
        .toLowerCase();
      if (seen.has(key)) item.value *= REPEAT_WEIGHT;
      else seen.add(key);
    }
  }
}

/**
 * Smileys and thanks are friendly, not a verdict: together they add at most PHATIC_CAP, so ":) :)"
 * or "Danke :)" alone stay below the positive label while still tilting the score.
 */
const PHATIC_CAP = 1.5;

function capPhatic(evidence: { items: Item[] }[]): void {
  let total = 0;
  for (const { items } of evidence)
    for (const it of items) if (it.value > 0 && (it.kind === "emoji" || it.polite)) total += it.value;
  if (total <= PHATIC_CAP) return;
  const factor = PHATIC_CAP / total;
  for (const { items } of evidence)
    for (const it of items) if (it.value > 0 && (it.kind === "emoji" || it.polite)) it.value *= factor;
}

/** ALL CAPS counts as emphasis only in a text that also has words in lower case. */
function capsEmphasis(tokens: Token[]): boolean {
  let caps = false;
  let lower = false;
  for (const t of tokens) {
    if (t.kind !== "word" || t.text.length < 2) continue;
    if (t.text === t.text.toUpperCase()) caps = true;
    else lower = true;
    if (caps && lower) return true;
  }
  return false;
}

const LINK_OR_MENTION = /(?:https?:\/\/|www\.)\S+|@[\p{L}\p{N}_]+/gu;

/** Marks the tokens that lie inside links and @mentions. */
function ignoredTokens(text: string, tokens: Token[]): Uint8Array {
  const ignored = new Uint8Array(tokens.length);
  const end = tokens[tokens.length - 1]?.to ?? 0;
  let i = 0;
  for (const m of text.slice(0, end).matchAll(LINK_OR_MENTION)) {
    const to = m.index + m[0].length;
    while (i < tokens.length && (tokens[i] as Token).from < m.index) i++;
    while (i < tokens.length && (tokens[i] as Token).from < to) ignored[i++] = 1;
  }
  return ignored;
}

const ELONGATED = /(\p{L})\1{2,}/u;

/**
 * Stretched words ("niiicht", "sooo good", "coool") are read as written normally: letters repeated
 * three or more times shrink to two when that spelling is known, else to one.
 */
function unstretch(tokens: Token[], language: RuleLanguage): Token[] {
  if (!tokens.some((t) => t.kind === "word" && ELONGATED.test(t.norm))) return tokens;
  const known = (w: string) => wordValue(language, w) !== undefined || MODIFIERS[language].modifiers.has(w);
  return tokens.map((t) => {
    if (t.kind !== "word" || !ELONGATED.test(t.norm)) return t;
    const two = t.norm.replace(/(\p{L})\1{2,}/gu, "$1$1");
    return { ...t, norm: known(two) ? two : two.replace(/(\p{L})\1/gu, "$1") };
  });
}

export function analyzeSentiment(text: string, input: Token[], language: RuleLanguage): SentimentResult {
  const modifiers = MODIFIERS[language];
  const tokens = unstretch(input, language);
  const ctx: ClauseContext = {
    text,
    tokens,
    language,
    modifiers,
    capsEmphasis: capsEmphasis(tokens),
    ignored: ignoredTokens(text, tokens),
  };
  const clauses = splitClauses(text, tokens, modifiers);
  const evidence = clauses.map((c) => scoreClause(ctx, c.start, c.end));
  discountRepeats(ctx, evidence);
  capPhatic(evidence);
  // "Danke" and "thanks" are politeness, not praise, in a text that complains.
  const complaint = evidence.some((e) => e.items.some((it) => it.value < 0));
  const result: ClauseSentiment[] = [];
  let total = 0;
  clauses.forEach((clause, index) => {
    const { items, modifierCues } = evidence[index] as (typeof evidence)[number];
    const counted = complaint ? items.filter((it) => !it.polite) : items;
    const cues: SentimentCue[] = counted.map((it: Item) =>
      cueOf(ctx, it.start, it.end, it.cueKind ?? it.kind, round(it.value)),
    );
    cues.push(...modifierCues);
    if (clause.contrast >= 0) cues.push(cueOf(ctx, clause.contrast, clause.contrast + 1, "contrast", 0));
    const marks = punctuation(ctx, clause, counted.length > 0 ? cues : null);
    let sum = 0;
    let biased = 0;
    for (const it of counted) {
      sum += it.value;
      biased += it.value > 0 && complaint ? it.value * POSITIVE_WEIGHT : it.value;
    }
    const raw = emphasize(sum, marks);
    cues.sort((a, b) => a.from - b.from || a.to - b.to);
    const score = round(normalizeScore(raw));
    const span = cueOf(ctx, clause.start, clause.end, "word", 0);
    result.push({
      from: span.from,
      to: span.to,
      text: span.text,
      label: labelOf(score, language, CLAUSE_THRESHOLDS),
      score,
      cues,
    });
    total +=
      emphasize(biased, marks) * clause.weight * (1 + Math.min(POSITION_GAIN * index, MAX_POSITION_GAIN));
  });
  const words = wordCount(tokens);
  const score = round(normalizeScore(total / lengthDamping(words)));
  const thresholds = words <= SHORT_TEXT_WORDS ? CLAUSE_THRESHOLDS : THRESHOLDS;
  return { label: labelOf(score, language, thresholds), score, clauses: result };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
