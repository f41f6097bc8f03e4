/**
 * Splits a token stream into clauses: at sentence punctuation, line breaks and contrast words.
 * A "but"-type word ("aber", "however") starts a clause that weighs more and weakens the clause
 * before it; an "although"-type word ("obwohl") and an "if"-type word ("wenn", "falls") start a
 * weaker clause (conceded or hypothetical) that ends at the next comma.
 */

import type { ContrastKind, LanguageModifiers } from "../lexicon/modifiers.js";
import type { Token } from "../tokenize.js";

export interface Clause {
  /** Token index range [start, end). */
  start: number;
  end: number;
  weight: number;
  /** Index of the contrast word that starts the clause, or -1. */
  contrast: number;
}

const SENTENCE_END = /[.!?…;]/;
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
const CONCESSIVE = 0.5;
const CONDITIONAL = 0.5;

/** A dot right after a number and before a word is an ordinal or a date ("1. Klasse", "3. Mai"), not a sentence end. */
function isOrdinal(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  return t.text === "." && prev?.kind === "number" && prev.to === t.from && next?.kind === "word";
}

/** Whether a word or emoji follows before the sentence ends. */
function wordFollows(tokens: Token[], from: number): boolean {
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === "word" || t.kind === "emoji") return true;
    if (t.kind === "punct" && SENTENCE_END.test(t.text)) return false;
  }
  return false;
}

export function splitClauses(text: string, tokens: Token[], modifiers: LanguageModifiers): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  let contrast = -1;
  let weak: ContrastKind | null = null;
  const close = (end: number) => {
    const weight = weak === "although" ? CONCESSIVE : weak === "if" ? CONDITIONAL : 1;
    if (end > start) clauses.push({ start, end, weight, contrast });
    start = end;
    contrast = -1;
    weak = null;
  };
  let newline = text.indexOf("\n");
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    while (newline >= 0 && newline < t.from && newline < (tokens[i - 1]?.to ?? 0))
      newline = text.indexOf("\n", newline + 1);
    if (i > 0 && newline >= 0 && newline < t.from) close(i);
    if (t.kind === "word") {
      const kind = modifiers.contrast.get(t.norm);
      // A contrast word that ends its clause ("runs small though.") contrasts nothing after it.
      if (kind !== undefined && wordFollows(tokens, i + 1)) {
        close(i);
        // A condition is not a contrast: it only weakens its own clause.
        contrast = kind === "if" ? -1 : i;
        weak = kind === "but" ? null : kind;
      }
    } else if (t.kind === "punct" && !isOrdinal(tokens, i)) {
      if (SENTENCE_END.test(t.text) || (weak !== null && t.text === ",")) close(i + 1);
    }
  }
  close(tokens.length);
  for (let c = 1; c < clauses.length; c++) {
    const clause = clauses[c] as Clause;
    if (clause.contrast < 0 || clause.weight !== 1) continue;
    clause.weight = AFTER_CONTRAST;
    const before = clauses[c - 1] as Clause;
    before.weight *= BEFORE_CONTRAST;
  }
  return clauses;
}
