/** Types of the listen API (docs/api/listen.md): surveys, the feedback inbox and metrics. */
import type { FeedbackEnrichment } from "./text";
import type { Locale } from "./types";

export type LocalizedText = Partial<Record<Locale, string>>;

export const QUESTION_TYPES = [
  "nps",
  "csat",
  "ces",
  "rating",
  "single_choice",
  "multiple_choice",
  "text",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const RATING_TYPES = ["nps", "csat", "ces", "rating"] as const satisfies readonly QuestionType[];
export const CHOICE_TYPES = ["single_choice", "multiple_choice"] as const satisfies readonly QuestionType[];

export const SHOW_IF_OPS = ["lt", "lte", "eq", "neq", "gte", "gt", "includes"] as const;
export type ShowIfOp = (typeof SHOW_IF_OPS)[number];

export const ID_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export interface Scale {
  min: number;
  max: number;
  minLabel?: LocalizedText;
  maxLabel?: LocalizedText;
}

export interface ChoiceOption {
  id: string;
  label: LocalizedText;
}

export interface ShowIf {
  questionId: string;
  op: ShowIfOp;
  value: number | string;
}

export interface Question {
  id: string;
  type: QuestionType;
  text: LocalizedText;
  required: boolean;
  scale?: Scale;
  options?: ChoiceOption[];
  showIf?: ShowIf;
}

export interface SurveyDefinition {
  schemaVersion: 1;
  title: LocalizedText;
  intro?: LocalizedText;
  thankYou: LocalizedText;
  questions: Question[];
}

export const SURVEY_STATUSES = ["draft", "active", "closed"] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const WIDGET_POSITIONS = ["bottom-right", "bottom-left", "center"] as const;
export type WidgetPosition = (typeof WIDGET_POSITIONS)[number];

export interface SurveySettings {
  widget?: { position: WidgetPosition; delaySeconds: number };
}

export interface Survey {
  id: string;
  name: string;
  status: SurveyStatus;
  defaultLanguage: Locale;
  definition: SurveyDefinition;
  touchpointId: string | null;
  journeyId: string | null;
  stepId: string | null;
  settings: SurveySettings;
  version: number;
  createdAt: string;
  updatedAt: string;
  responseCount: number;
}

export interface SurveyInput {
  name: string;
  defaultLanguage?: Locale;
  definition: SurveyDefinition;
  touchpointId?: string | null;
  journeyId?: string | null;
  stepId?: string | null;
  status?: SurveyStatus;
  settings?: SurveySettings;
}

export type SurveyPatch = Partial<SurveyInput> & { version?: number };

export interface SurveyExport {
  format: "journeylens.survey";
  formatVersion: 1;
  survey: {
    name: string;
    defaultLanguage: Locale;
    definition: SurveyDefinition;
    settings: SurveySettings;
    touchpointKey: string | null;
  };
}

export interface SurveyLinkInput {
  customerId?: string;
  hidden?: Record<string, string>;
  language?: Locale;
  singleUse?: boolean;
  expiresAt?: string;
}

export interface SurveyLink {
  id: string;
  surveyId: string;
  customerId: string | null;
  hidden: Record<string, string>;
  language: Locale | null;
  singleUse: boolean;
  expiresAt: string | null;
  usedAt: string | null;
  invitationId: string | null;
  createdAt: string;
}

/** The answer to creating a link: the token and the URL carrying it appear only here. */
export interface CreatedSurveyLink extends SurveyLink {
  url: string;
  token: string;
}

export const TRIGGER_CHANNELS = ["webhook", "email"] as const;
export type TriggerChannel = (typeof TRIGGER_CHANNELS)[number];

export interface TriggerTarget {
  /** Absent for an e-mail trigger that sends through the workspace's SMTP server. */
  url?: string;
  /** E-mail triggers: the subject per language (a default naming the survey otherwise). */
  subject?: LocalizedText;
}

export interface SurveyTrigger {
  id: string;
  surveyId: string;
  name: string;
  matcher: { event: string; where?: string };
  delaySeconds: number;
  channel: TriggerChannel;
  /** `secret` is the full `whsec_…` on create only, masked afterwards. */
  target: TriggerTarget & { secret: string };
  sampleRate: number;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export type SurveyTriggerInput = Pick<
  SurveyTrigger,
  "name" | "matcher" | "delaySeconds" | "channel" | "sampleRate" | "enabled"
> & { target: TriggerTarget };

export const INVITATION_STATUSES = [
  "scheduled",
  "sent",
  "failed",
  "suppressed_fatigue",
  "suppressed_sampling",
] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export interface SurveyInvitation {
  id: string;
  surveyId: string;
  triggerId: string | null;
  customerId: string;
  eventId: string;
  eventName: string;
  status: InvitationStatus;
  linkId: string | null;
  scheduledFor: string | null;
  sentAt: string | null;
  error: string | null;
  createdAt: string;
}

export interface SurveySettingsDoc {
  fatigueDays: number;
}

export const METRIC_IDS = ["nps", "csat", "satisfaction_mean", "ces_mean", "ces_easy"] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export interface MetricInterval {
  low: number;
  high: number;
  level: number;
  method: "nps_se" | "wilson" | "normal_mean";
}

export interface MetricValue {
  n: number;
  value: number | null;
  interval: MetricInterval | null;
  warning: "small_sample" | null;
  components?: Record<string, number>;
}

/** Survey results add two figures for plain rating questions. */
export type QuestionMetricId = MetricId | "rating_mean" | "rating_top2";

export interface QuestionMetric extends MetricValue {
  metric: QuestionMetricId;
  definition: string;
}

interface QuestionResultBase {
  questionId: string;
  type: QuestionType;
  text: LocalizedText;
  /** Counted answers (finished, unflagged responses). */
  answered: number;
}

export type QuestionResult =
  | (QuestionResultBase & {
      kind: "rating";
      scale: { min: number; max: number };
      /** Every scale point in order, zeros included. */
      distribution: { value: number; count: number }[];
      metrics: QuestionMetric[];
    })
  | (QuestionResultBase & {
      kind: "choice";
      /** Defined options in order; ids no longer defined follow with a null label. */
      options: { optionId: string; label: LocalizedText | null; count: number }[];
    })
  | (QuestionResultBase & {
      kind: "text";
      /** The 20 newest non-empty answers. */
      comments: { feedbackId: string; text: string; receivedAt: string; language: string | null }[];
    });

export interface SurveyResults {
  surveyId: string;
  /** total = finished + partial + flagged; only finished, unflagged responses count in the figures. */
  responses: { total: number; finished: number; partial: number; flagged: number };
  questions: QuestionResult[];
  /** The first rating question's first figure per week (the Monday, in `tz`); null without one. */
  trend: {
    questionId: string;
    metric: QuestionMetricId;
    definition: string;
    points: (MetricValue & { week: string })[];
  } | null;
}

export const FEEDBACK_CHANNELS = [
  "complaint_form",
  "email",
  "chat",
  "app_review",
  "web_review",
  "social",
  "call_note",
  "phone",
  "letter",
  "other",
] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];
/** Channels of survey responses: the hosted page, the widget and personal links. */
export const SURVEY_CHANNELS = ["survey", "widget", "survey_link"] as const;
export const ALL_CHANNELS = [...SURVEY_CHANNELS, ...FEEDBACK_CHANNELS] as const;

export const SCORE_BANDS = ["negative", "neutral", "positive"] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

export const RATING_METRICS = ["nps", "csat", "ces", "rating"] as const;
export type RatingMetric = (typeof RATING_METRICS)[number];

export interface FeedbackRating {
  metric: RatingMetric;
  value: number;
  min: number;
  max: number;
  questionId?: string;
}

export type AnswerValue = number | string | string[];

export interface Feedback {
  id: string;
  kind: "survey_response" | "unsolicited";
  channel: string;
  surveyId: string | null;
  receivedAt: string;
  customerId: string | null;
  customer: {
    userId?: string;
    email?: string;
    anonymousId?: string;
    phone?: string;
    traits?: Record<string, string | number | boolean | null>;
  };
  touchpointId: string | null;
  journeyId: string | null;
  stepId: string | null;
  ratings: FeedbackRating[];
  scoreBand: ScoreBand | null;
  answers: Record<string, AnswerValue>;
  title: string | null;
  text: string;
  language: string | null;
  metadata: Record<string, unknown>;
  finished: boolean;
  flagged: boolean;
  flagReason: string | null;
  createdAt: string;
  updatedAt: string;
  /** The text analysis (docs/api/understand.md §4); null until the record has been analysed. */
  enrichment: FeedbackEnrichment | null;
}

export interface FeedbackDetail extends Feedback {
  customerFeedback: Feedback[];
}

export interface FeedbackPatch {
  flagged?: boolean;
  flagReason?: string | null;
  touchpointId?: string | null;
  journeyId?: string | null;
  stepId?: string | null;
}

export interface FeedbackImportMapping {
  text?: string;
  title?: string;
  receivedAt?: string;
  externalId?: string;
  customerId?: string;
  email?: string;
  language?: string;
  ratings?: { column: string; metric: RatingMetric; scale?: { min: number; max: number } }[];
  metadata?: string[];
  channel?: string;
  touchpointKey?: string;
}

export interface FeedbackImportPreview {
  columns: string[];
  sampleRows: Record<string, string>[];
  rowCount: number;
}

export interface FeedbackImportResult {
  accepted: number;
  duplicates: number;
  rows: number;
}

export const GROUP_BYS = [
  "none",
  "day",
  "week",
  "month",
  "touchpoint",
  "journey",
  "stage",
  "persona",
  "channel",
  "survey",
  "language",
  "trait",
] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export const TIME_GROUPS: readonly GroupBy[] = ["day", "week", "month"];

export interface MetricGroup extends MetricValue {
  /** `""` for records without a value for the grouping, listed last. */
  key: string;
  /** The resolved name, the key itself, or null for the "(none)" group. */
  label: string | null;
}

export interface MetricsResult {
  metric: MetricId;
  definition: string;
  groupBy: GroupBy;
  overall: MetricValue;
  groups: MetricGroup[];
}

export interface MetricsQuery {
  metric: MetricId;
  groupBy: GroupBy;
  trait?: string;
  from?: string;
  to?: string;
  tz?: string;
  surveyId?: string;
  touchpointId?: string;
  journeyId?: string;
  channel?: string;
}
