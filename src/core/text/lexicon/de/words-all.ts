/**
 * Every German word list in one array, so the lexicon parser (./index.ts) imports a single name
 * and new lists only need registering here (lexicon-de.test.ts checks that none is forgotten).
 * Neutral overrides come last; the lists share no key, so the order matters for nothing else.
 */
import { ADJECTIVES_NEGATIVE } from "./words-adjectives-negative.js";
import { ADJECTIVES_POSITIVE } from "./words-adjectives-positive.js";
import { ASCII_SPELLINGS } from "./words-ascii.js";
import { COLLOQUIAL } from "./words-colloquial.js";
import { CX_COMMERCE_TRAVEL, CX_FINANCE_SERVICES, CX_TELECOM_DIGITAL } from "./words-cx.js";
import { EMOTIONS } from "./words-emotions.js";
import { NEUTRAL_OVERRIDES } from "./words-neutral.js";
import { NOUNS_NEGATIVE, NOUNS_POSITIVE } from "./words-nouns.js";
import { PHRASES_CONTACT, PHRASES_OUTCOME, PHRASES_VERDICT, PHRASES_WAITING } from "./words-phrases.js";
import { VERBS_NEGATIVE, VERBS_POSITIVE } from "./words-verbs.js";

export const DE_WORD_LISTS: readonly string[] = [
  ADJECTIVES_POSITIVE,
  ADJECTIVES_NEGATIVE,
  EMOTIONS,
  VERBS_POSITIVE,
  VERBS_NEGATIVE,
  NOUNS_NEGATIVE,
  NOUNS_POSITIVE,
  PHRASES_WAITING,
  PHRASES_CONTACT,
  PHRASES_OUTCOME,
  PHRASES_VERDICT,
  CX_TELECOM_DIGITAL,
  CX_COMMERCE_TRAVEL,
  CX_FINANCE_SERVICES,
  COLLOQUIAL,
  NEUTRAL_OVERRIDES,
  ASCII_SPELLINGS,
];
