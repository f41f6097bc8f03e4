import { z } from "@hono/zod-openapi";

/** Inside-out vs outside-in (docs/api/measure-the-gap.md §2, DESIGN §3 "Experience gap"). */

export const ROUND_STATUSES = ["open", "closed"] as const;
export const PREDICTED_METRICS = ["csat", "nps"] as const;
/** The default blindspot threshold on the 1–5 scale. */
export const DEFAULT_GAP_THRESHOLD = 0.5;
/** An internal rating counts as "good" from this value on (the top-2 box of the 1–5 scale). */
export const INTERNAL_GOOD_FROM = 4;

const ZRelay = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  /** Signing secret for the relay (Standard Webhooks); never returned. */
  secret: z.string().min(16).max(200),
});

export const ZCreateRound = z.strictObject({
  title: z.string().trim().min(1).max(200),
  /** A journey: its steps' touchpoints are in scope. null/absent: the whole touchpoint register. */
  journeyId: z.string().max(64).nullable().default(null),
  dueAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /** A mail relay taking `{ to, subject, text, html }` for reminders; without one, reminders are in-app alerts. */
  reminderRelay: ZRelay.nullable().default(null),
});
export type TCreateRound = z.infer<typeof ZCreateRound>;

export const ZRoundProgress = z.object({
  assessments: z.number().int(),
  answered: z.number().int(),
  /** answered / assessments, 0–1; null without assessments. */
  share: z.number().nullable(),
  owners: z.number().int(),
  ownersWithOpen: z.number().int(),
});

export const ZRound = z.object({
  id: z.string(),
  title: z.string(),
  scope: z.enum(["journey", "register"]),
  journeyId: z.string().nullable(),
  status: z.enum(ROUND_STATUSES),
  createdBy: z.string().nullable(),
  dueAt: z.string().nullable(),
  reminderChannel: z.enum(["email", "alert"]),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  /** Mean of the answered ratings (two decimals); null before the first answer. */
  meanRating: z.number().nullable(),
  progress: ZRoundProgress,
});
export type TRound = z.infer<typeof ZRound>;

export const ZAssessment = z.object({
  id: z.string(),
  roundId: z.string(),
  roundTitle: z.string(),
  roundStatus: z.enum(ROUND_STATUSES),
  dueAt: z.string().nullable(),
  touchpoint: z.object({ id: z.string(), key: z.string(), name: z.string(), channel: z.string() }),
  owner: z.object({ userId: z.string(), name: z.string(), email: z.string() }).nullable(),
  /** 1–5 on the customer's scale; null while open. */
  rating: z.number().int().nullable(),
  predicted: z.object({ metric: z.enum(PREDICTED_METRICS), value: z.number() }).nullable(),
  comment: z.string(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
});
export type TAssessment = z.infer<typeof ZAssessment>;

export const ZRoundDetail = ZRound.extend({ assessments: z.array(ZAssessment) });
export type TRoundDetail = z.infer<typeof ZRoundDetail>;

export const ZSubmitAssessment = z.strictObject({
  rating: z.number().int().min(1).max(5),
  predicted: z
    .strictObject({ metric: z.enum(PREDICTED_METRICS), value: z.number() })
    .nullable()
    .default(null),
  comment: z.string().max(4000).default(""),
});
export type TSubmitAssessment = z.infer<typeof ZSubmitAssessment>;

export const ZRemindResult = z.object({
  /** One reminder per owner with open assessments. */
  reminders: z.array(z.object({ id: z.string(), userId: z.string().nullable(), open: z.number().int() })),
  channel: z.enum(["email", "alert"]),
});
export type TRemindResult = z.infer<typeof ZRemindResult>;

// ---------------------------------------------------------------------------------------------
// The gap report

export const IMPORTANCE_SOURCES = ["drivers", "volume"] as const;

export const ZGapRequest = z.strictObject({
  /** Received-at range of the customer feedback; default the last 90 days. */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** The round giving the internal ratings; default the latest closed round, else the open one. */
  roundId: z.string().max(64).optional(),
  /** Aggregate per step, stage and journey for this journey; default the round's journey. */
  journeyId: z.string().max(64).optional(),
  threshold: z.number().gt(0).max(4).default(DEFAULT_GAP_THRESHOLD),
  /**
   * `volume` (default): share of linked feedback records; `drivers`: share of R² in the key-driver
   * analysis, which weighs only touchpoints with enough rated respondents (falls back to volume when
   * no model can be fitted).
   */
  importance: z.enum(IMPORTANCE_SOURCES).default("volume"),
  /** Count the sentiment of linked feedback without a rating as a rating: 3 + 2 · score. */
  includeSentiment: z.boolean().default(false),
});
export type TGapRequest = z.infer<typeof ZGapRequest>;

const ZInterval = z.object({ low: z.number(), high: z.number(), level: z.literal(0.95), method: z.string() });

/** A mean on the 1–5 scale. */
export const ZMeanOnScale = z.object({
  n: z.number().int(),
  value: z.number().nullable(),
  interval: ZInterval.nullable(),
  warning: z.enum(["small_sample"]).nullable(),
});

const ZShare = ZMeanOnScale.extend({ components: z.record(z.string(), z.number()).optional() });

export const ZGapFigures = z.object({
  internal: ZMeanOnScale,
  measured: ZMeanOnScale,
  /** Feedback records behind `measured` (a record with several ratings adds each rating). */
  feedback: z.number().int(),
  /** internal − measured; null when one side is missing. Interval: Welch normal approximation. */
  gap: z.object({ value: z.number().nullable(), interval: ZInterval.nullable() }),
  /** % of internal ratings ≥ 4 (Wilson interval). */
  internalGood: ZShare,
  /** % of customer ratings "good": top-2 box of their scale (NPS: promoters; CES: 5–7). */
  customerGood: ZShare,
});
export type TGapFigures = z.infer<typeof ZGapFigures>;

export const GAP_CLASSES = ["blindspot", "over_rated", "aligned", "under_rated", "unknown"] as const;
export type TGapClass = (typeof GAP_CLASSES)[number];

export const ZTouchpointGap = ZGapFigures.extend({
  touchpointId: z.string(),
  key: z.string(),
  name: z.string(),
  owner: z.object({
    userId: z.string().nullable(),
    name: z.string().nullable(),
    team: z.string().nullable(),
  }),
  importance: z.number().nullable(),
  /** importance > the median importance of the touchpoints with a known gap. */
  important: z.boolean(),
  class: z.enum(GAP_CLASSES),
  comments: z.array(z.string()),
  predicted: z.object({ csat: ZMeanOnScale, nps: ZMeanOnScale }),
});
export type TTouchpointGap = z.infer<typeof ZTouchpointGap>;

export const ZGroupGap = ZGapFigures.extend({
  id: z.string(),
  title: z.string(),
  touchpointIds: z.array(z.string()),
});

export const ZGapReport = z.object({
  round: z
    .object({
      id: z.string(),
      title: z.string(),
      status: z.enum(ROUND_STATUSES),
      closedAt: z.string().nullable(),
    })
    .nullable(),
  range: z.object({ from: z.string(), to: z.string() }),
  threshold: z.number(),
  importance: z.object({
    source: z.enum(IMPORTANCE_SOURCES),
    /** What was used: `drivers` falls back to `volume` when the data allow no driver model. */
    used: z.enum(IMPORTANCE_SOURCES),
    median: z.number().nullable(),
  }),
  /** Blindspots first (largest gap first), then over-rated, aligned, under-rated, unknown. */
  touchpoints: z.array(ZTouchpointGap),
  steps: z.array(ZGroupGap.extend({ stageId: z.string() })),
  stages: z.array(ZGroupGap),
  journey: ZGroupGap.nullable(),
  /** "Executives X % vs customers Y %" over every touchpoint in the report. */
  statement: z.object({
    internalGoodPercent: z.number().nullable(),
    customerGoodPercent: z.number().nullable(),
    raters: z.number().int(),
    internalRatings: z.number().int(),
    customerRatings: z.number().int(),
    internalGood: ZShare,
    customerGood: ZShare,
  }),
});
export type TGapReport = z.infer<typeof ZGapReport>;

export const ZUpdateRound = z.strictObject({
  title: ZCreateRound.shape.title.optional(),
  dueAt: z.iso.datetime({ offset: true }).nullable().optional(),
  reminderRelay: ZRelay.nullable().optional(),
});
export type TUpdateRound = z.infer<typeof ZUpdateRound>;
