/**
 * The result of analysing one text (docs/api/understand.md §1). Offsets are UTF-16 code-unit
 * positions in the analysed text, so the inbox can highlight exactly the words that decided.
 */
export type Polarity = "negative" | "neutral" | "positive";
export type TextLanguage = "de" | "en" | "other";
/** Languages with rules and lexicons; "other" texts are analysed with the English rules. */
export type RuleLanguage = "de" | "en";

export interface Span {
  from: number;
  to: number;
  /** The text between from and to, as written. */
  text: string;
}

export type CueKind =
  | "word"
  | "phrase"
  | "emoji"
  | "punctuation"
  | "negation"
  | "intensifier"
  | "downtoner"
  | "contrast";

/** A piece of evidence: a sentiment word or phrase (value = its signed contribution after modifiers) or a modifier (value 0). */
export interface SentimentCue extends Span {
  kind: CueKind;
  value: number;
}

export interface Sentiment {
  label: Polarity;
  /** In [-1, 1]; 0 = no evidence either way. */
  score: number;
}

/** One clause (sentence, or the part of a sentence before/after a contrast word); the span is the clause. */
export interface ClauseSentiment extends Span, Sentiment {
  cues: SentimentCue[];
}

export interface SentimentResult extends Sentiment {
  clauses: ClauseSentiment[];
}

/** An aspect of the taxonomy found in the text; its polarity is the polarity of the clause that mentions it. */
export interface AspectHit extends Sentiment {
  aspect: string;
  /** Index into `clauses` of the clause that decided the polarity (the most polar one that mentions the aspect); -1 when the engine has no clauses (external provider). */
  clause: number;
  triggers: Span[];
}

export interface TextAnalysis extends Sentiment {
  /** "builtin/<n>", "http:<host>", or "builtin/<n> (fallback)" when the external provider failed. */
  engine: string;
  language: TextLanguage;
  clauses: ClauseSentiment[];
  aspects: AspectHit[];
  /** Up to 10 content terms (lower case), most characteristic first. */
  keywords: string[];
}

/** One aspect of a workspace's taxonomy. Keyword syntax: docs/api/understand.md §2. */
export interface AspectDefinition {
  /** Stable key, /^[a-z][a-z0-9_]{1,39}$/. */
  key: string;
  label: { de: string; en: string };
  keywords: { de: string[]; en: string[] };
  enabled: boolean;
}

export interface Taxonomy {
  aspects: AspectDefinition[];
}

export const polarityOf = (score: number, threshold: number): Polarity =>
  score >= threshold ? "positive" : score <= -threshold ? "negative" : "neutral";
