import { z } from "zod";
import type { TextAnalysis } from "../analysis.js";

/** zod mirrors of src/core/text/analysis.ts, so the OpenAPI document describes what the API returns. */
const ZPolarity = z.enum(["negative", "neutral", "positive"]);
const ZSpan = { from: z.number().int(), to: z.number().int(), text: z.string() };
const ZSentimentFields = { label: ZPolarity, score: z.number().min(-1).max(1) };

export const ZSentimentCue = z.object({
  ...ZSpan,
  kind: z.enum([
    "word",
    "phrase",
    "emoji",
    "punctuation",
    "negation",
    "intensifier",
    "downtoner",
    "contrast",
  ]),
  value: z.number(),
});

export const ZClauseSentiment = z.object({ ...ZSpan, ...ZSentimentFields, cues: z.array(ZSentimentCue) });

export const ZAspectHit = z.object({
  ...ZSentimentFields,
  aspect: z.string(),
  clause: z.number().int(),
  triggers: z.array(z.object(ZSpan)),
});

export const ZTextLanguage = z.enum(["de", "en", "other"]);

export const ZTextAnalysis = z.object({
  ...ZSentimentFields,
  engine: z.string(),
  language: ZTextLanguage,
  clauses: z.array(ZClauseSentiment),
  aspects: z.array(ZAspectHit),
  keywords: z.array(z.string()),
  /** Why the external provider's answer was not used (engine "builtin/<n> (fallback)"). */
  fallbackReason: z.string().optional(),
});

/** What the enrichment stores: an analysis, and why the external provider was not used when it failed. */
export type StoredAnalysis = TextAnalysis & { fallbackReason?: string };

/** `Feedback.enrichment` (docs/api/understand.md §4): offsets refer to title and text joined by a blank line. */
export const ZEnrichment = z.object({
  engine: z.string(),
  language: ZTextLanguage,
  sentiment: ZPolarity,
  score: z.number().min(-1).max(1),
  clauses: z.array(ZClauseSentiment),
  aspects: z.array(ZAspectHit),
  keywords: z.array(z.string()),
  topicId: z.string().nullable(),
  enrichedAt: z.string(),
  fallbackReason: z.string().optional(),
});
export type TEnrichment = z.infer<typeof ZEnrichment>;
