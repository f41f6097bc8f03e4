import type { RuleLanguage, TextAnalysis, TextLanguage } from "./analysis.js";
import { type CompiledTaxonomy, detectAspects } from "./aspects/detect-aspects.js";
import { detectTextLanguage } from "./detect-language.js";
import { extractKeywords } from "./keywords.js";
import { analyzeSentiment } from "./sentiment/analyze-sentiment.js";
import { tokenize } from "./tokenize.js";

/** The built-in engine's version: bump it when rules change enough that a backfill is advised. */
export const ENGINE = "builtin/1";

export interface AnalyzeTextOptions {
  /** The workspace's taxonomy, compiled once for many texts. */
  compiled: CompiledTaxonomy;
  /** The record's stored language; when absent (or null) the text decides. */
  language?: RuleLanguage | null | undefined;
}

/**
 * The built-in analysis of one text (docs/api/understand.md §1): one tokenization shared by
 * sentiment, aspects and keywords; "other" texts use the English rules. Takes any string; texts
 * are analysed up to MAX_ANALYSED_CHARS and offsets refer to the text as given.
 */
export function analyzeText(text: string, options: AnalyzeTextOptions): TextAnalysis {
  const tokens = tokenize(text);
  const language: TextLanguage = options.language ?? detectTextLanguage(text);
  const rules: RuleLanguage = language === "de" ? "de" : "en";
  const sentiment = analyzeSentiment(text, tokens, rules);
  return {
    engine: ENGINE,
    language,
    label: sentiment.label,
    score: sentiment.score,
    clauses: sentiment.clauses,
    aspects: detectAspects(tokens, sentiment, rules, options.compiled),
    keywords: extractKeywords(tokens, rules),
  };
}
