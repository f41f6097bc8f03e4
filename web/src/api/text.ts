/**
 * Types of the text analytics API (docs/api/understand.md §4): the analysis of one text, the
 * workspace's aspect taxonomy and engine settings, trends, keywords, discovered topics and alerts.
 */

export const POLARITIES = ["negative", "neutral", "positive"] as const;
export type Polarity = (typeof POLARITIES)[number];
export type TextLanguage = "de" | "en" | "other";

/** Offsets are UTF-16 positions in the analysed text (title and text joined by a blank line). */
export interface Span {
  from: number;
  to: number;
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

export interface SentimentCue extends Span {
  kind: CueKind;
  /** The signed contribution after modifiers; 0 for modifiers. */
  value: number;
}

export interface ClauseSentiment extends Span {
  label: Polarity;
  score: number;
  cues: SentimentCue[];
}

export interface AspectHit {
  aspect: string;
  label: Polarity;
  score: number;
  /** Index into `clauses`; -1 when the engine has no clauses (external provider). */
  clause: number;
  triggers: Span[];
}

export interface TextAnalysis {
  label: Polarity;
  score: number;
  engine: string;
  language: TextLanguage;
  clauses: ClauseSentiment[];
  aspects: AspectHit[];
  keywords: string[];
  /** Why the external provider's answer was not used (engine "builtin/<n> (fallback)"). */
  fallbackReason?: string;
}

/** `Feedback.enrichment`: the stored analysis of a record's title and text. */
export interface FeedbackEnrichment {
  engine: string;
  language: TextLanguage;
  sentiment: Polarity;
  score: number;
  clauses: ClauseSentiment[];
  aspects: AspectHit[];
  keywords: string[];
  topicId: string | null;
  enrichedAt: string;
  fallbackReason?: string;
}

export interface AspectDefinition {
  key: string;
  label: { de: string; en: string };
  keywords: { de: string[]; en: string[] };
  enabled: boolean;
}

export interface TaxonomyDoc {
  version: number;
  custom: boolean;
  aspects: AspectDefinition[];
}

export const ASPECT_KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
export const TAXONOMY_LIMITS = { aspects: 60, keywords: 200, keywordLength: 60 } as const;

export type ProviderSettings =
  | { kind: "builtin" }
  | { kind: "http"; url: string; hasApiKey: boolean; timeoutMs: number };

/** `apiKey` is write-only: omitted keeps the stored one, null removes it. */
export type ProviderInput =
  | { kind: "builtin" }
  | { kind: "http"; url: string; apiKey?: string | null; timeoutMs: number };

export interface TextSettings {
  provider: ProviderSettings;
  taxonomyCustom: boolean;
  version: number;
}

export const PROVIDER_TIMEOUT = { min: 500, max: 30_000, default: 5000 } as const;

export const BACKFILL_STATUSES = ["running", "done", "failed", "cancelled"] as const;
export type BackfillStatus = (typeof BACKFILL_STATUSES)[number];

export interface TextBackfill {
  id: string;
  status: BackfillStatus;
  total: number;
  processed: number;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  error: string | null;
}

export const TREND_INTERVALS = ["day", "week", "month"] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

export interface SentimentCounts {
  /** `""` = all texts (overall sentiment). */
  aspect: string;
  mentions: number;
  negative: number;
  neutral: number;
  positive: number;
  meanScore: number | null;
}

export interface TrendResult {
  interval: TrendInterval;
  /** `period` is the ISO date of the bucket's start (UTC). */
  items: (SentimentCounts & { period: string })[];
  totals: SentimentCounts[];
}

export interface TrendQuery {
  from?: string;
  to?: string;
  interval: TrendInterval;
  aspect?: string;
}

export interface KeywordCount {
  keyword: string;
  count: number;
  negative: number;
  positive: number;
}

export interface KeywordsQuery {
  from?: string;
  to?: string;
  sentiment?: Polarity;
  aspect?: string;
  limit?: number;
}

export interface DiscoveredTopic {
  id: string;
  label: string;
  keywords: string[];
  size: number;
  sampleFeedbackIds: string[];
}

export interface TopicsRun {
  runId: string | null;
  createdAt: string | null;
  items: DiscoveredTopic[];
}

/**
 * An alert. `details` depends on the kind (emerging topics: aspect or topicId, label { de, en },
 * week, count, projectedCount, partialWeek, baselineMean, z, sentimentNegativeShare), so the UI
 * reads it defensively.
 */
export interface Alert {
  id: string;
  kind: string;
  severity: "info" | "warning" | "critical";
  /** English; the UI words its own text from `details`. */
  title: string;
  details: Record<string, unknown>;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}
