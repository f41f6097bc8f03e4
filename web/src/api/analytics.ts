/**
 * Types of the journey analytics API (docs/api/journey-analytics.md): the shared scope, steps, the
 * funnel with its dropped customers, waiting times and paths.
 */

/** §2: an event name or glob (`Order *`) with an optional condition in the expression language. */
export interface AnalyticsStep {
  event: string;
  where?: string;
  label?: string;
}

export const ORDER_MODES = ["ordered", "strict", "any"] as const;
export type OrderMode = (typeof ORDER_MODES)[number];

export const WINDOW_UNITS = ["minutes", "hours", "days"] as const;
export type WindowUnit = (typeof WINDOW_UNITS)[number];

export interface ConversionWindow {
  value: number;
  unit: WindowUnit;
}

/** §1: every report's scope; `to` is exclusive, both default to the last 90 days. */
export interface AnalyticsScope {
  from?: string;
  to?: string;
  timezone?: string;
  includeWithoutConsent?: boolean;
}

export interface FunnelRequest extends AnalyticsScope {
  steps: AnalyticsStep[];
  window?: ConversionWindow;
  order?: OrderMode;
}

export interface FunnelStep {
  index: number;
  label: string;
  reached: number;
  /** Null when nobody entered. */
  conversion: number | null;
  /** Null when nobody reached the previous step. */
  stepConversion: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
  dropped: number;
}

export interface FunnelResult {
  entered: number;
  steps: FunnelStep[];
  overallConversion: number | null;
  breakdown?: { group: string; entered: number; steps: FunnelStep[] }[];
}

export interface DroppedRequest extends FunnelRequest {
  /** The step the units did not reach (≥ 1); they reached `step − 1`. */
  step: number;
  limit?: number;
}

export interface DroppedUnit {
  unit: string;
  customerId: string | null;
  reachedAt: string;
}

export interface DroppedResult {
  items: DroppedUnit[];
  total: number;
}

export interface WaitingTimesRequest extends AnalyticsScope {
  fromStep: AnalyticsStep;
  toStep: AnalyticsStep;
  window?: ConversionWindow;
  targetSeconds?: number;
}

export interface HistogramBucket {
  fromSeconds: number;
  /** Null for the open last bucket. */
  toSeconds: number | null;
  count: number;
}

export interface WaitingWeek {
  week: string;
  n: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface SlowestHandoversRequest {
  journeyId: string;
  targetSeconds?: number;
}

export interface SlowestHandovers {
  items: {
    from: { stepId: string; title: string };
    to: { stepId: string; title: string };
    n: number;
    medianSeconds: number | null;
    p90Seconds: number | null;
    targetSeconds: number | null;
    overTarget: { count: number; share: number | null } | null;
  }[];
  skipped: { stepId: string; reason: string }[];
}

export interface WaitingTimesResult {
  n: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  meanSeconds: number | null;
  /** Waits strictly longer than the target; null without a target. */
  overTarget: { count: number; share: number | null } | null;
  histogram: HistogramBucket[];
  weekly: WaitingWeek[];
}

export const PATH_DIRECTIONS = ["after", "before"] as const;
export type PathDirection = (typeof PATH_DIRECTIONS)[number];

export interface PathsRequest extends AnalyticsScope {
  anchor: AnalyticsStep;
  direction?: PathDirection;
  /** Only units that did not reach this step after their anchor (direction after). */
  unless?: AnalyticsStep;
  depth?: number;
  limit?: number;
  window?: ConversionWindow;
}

/** The name the API gives a path's missing steps when a unit has fewer events than the depth. */
export const PATH_END = "(end)";

export interface PathsResult {
  units: number;
  /** `steps[i]` is the event at distance i + 1 from the anchor (for `before`: nearest first). */
  paths: { steps: string[]; units: number; share: number }[];
  /**
   * Depth d joins distance d − 1 and d (depth 1 starts at the anchor), in time order: for `after` the
   * source is the nearer node, for `before` the earlier (farther) one.
   */
  links: { depth: number; source: string; target: string; units: number }[];
}

/** §7: repeat contacts. `contacts` default to the contact events of a contact centre. */
export interface RepeatContactsRequest extends AnalyticsScope {
  contacts?: AnalyticsStep[];
  /** N, 2–20: contacts that make a repeat. */
  minContacts?: number;
  /** D, 1–365: the days the N contacts lie within. */
  withinDays?: number;
  journeyId?: string;
  topicBy?: { by: "property"; path: string };
}

export interface RepeatContactsResult {
  units: number;
  contacts: number;
  repeatUnits: number;
  /** Null when no customer had a contact. */
  repeatRate: number | null;
  contactsPerUnit: number | null;
  /** Customers by contacts 1 … 9; `contacts` 10 means 10 or more. */
  distribution: { contacts: number; units: number }[];
  channelSwitches: {
    units: number;
    share: number | null;
    pairs: { from: string; to: string; count: number }[];
  };
  topics: { topic: string; units: number; repeatUnits: number; repeatRate: number | null }[] | null;
  precedingSteps: { stepId: string; title: string; count: number; share: number }[] | null;
  weekly: { week: string; units: number; repeatUnits: number }[];
}

/** §8: X+O, satisfaction from the feedback linked to journey instances. */
export const XO_METRICS = ["nps", "csat", "sentiment"] as const;
export type XoMetric = (typeof XO_METRICS)[number];
export const XO_GROUPINGS = ["status", "contacts", "waiting", "path"] as const;
export type XoBy = (typeof XO_GROUPINGS)[number];
export const XO_FEEDBACK = ["all", "overall", "steps"] as const;
export type XoFeedback = (typeof XO_FEEDBACK)[number];

export interface XoRequest extends AnalyticsScope {
  journeyId: string;
  metric?: XoMetric;
  by?: XoBy;
  pathLevel?: "stage" | "step";
  feedback?: XoFeedback;
  inactivityDays?: number;
  waitingBuckets?: number[];
}

export interface XoGroup {
  /** status: completed | dropped | in_progress; contacts: 0 | 1 | 2 | 3+; path: titles joined by " > ". */
  group: string;
  /** waiting only; `toSeconds` null: the open last bucket. */
  fromSeconds?: number;
  toSeconds?: number | null;
  instances: number;
  withFeedback: number;
  n: number;
  /** Null when n = 0. */
  score: number | null;
  interval: { low: number; high: number } | null;
}

export interface XoExample {
  unit: string;
  seq: number;
  customerId: string | null;
  /** 0–1. */
  stepMean: number;
  /** 0–1. */
  overall: number;
}

export interface XoResult {
  journeyId: string;
  metric: XoMetric;
  by: XoBy;
  definition: string;
  total: { instances: number; withFeedback: number; n: number; score: number | null };
  groups: XoGroup[];
  ratedWellJourneyBad: { instances: number; count: number; share: number | null; examples: XoExample[] };
}
