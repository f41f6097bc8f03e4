/**
 * Every German word list in one array, so the lexicon parser (./index.ts) imports a single name
 * and new lists only need registering here (lexicon-de.test.ts checks that none is forgotten).
 */
import { ADJECTIVES_NEGATIVE } from "./words-adjectives-negative.js";
import { ADJECTIVES_POSITIVE } from "./words-adjectives-positive.js";
import { EMOTIONS } from "./words-emotions.js";
import { NOUNS_NEGATIVE, NOUNS_POSITIVE } from "./words-nouns.js";
import { VERBS_NEGATIVE, VERBS_POSITIVE } from "./words-verbs.js";

export const DE_WORD_LISTS: readonly string[] = [
  ADJECTIVES_POSITIVE,
  ADJECTIVES_NEGATIVE,
  EMOTIONS,
  VERBS_POSITIVE,
  VERBS_NEGATIVE,
  NOUNS_NEGATIVE,
  NOUNS_POSITIVE,
];
