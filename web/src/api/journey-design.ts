/** Types of the journey design API (docs/api/journey-design.md): touchpoints, personas, journeys. */

export const TOUCHPOINT_KINDS = ["direct", "indirect", "hidden"] as const;
export type TouchpointKind = (typeof TOUCHPOINT_KINDS)[number];

export const STANDARD_CHANNELS = [
  "web",
  "app",
  "email",
  "phone",
  "chat",
  "store",
  "field_service",
  "letter",
  "social",
  "billing",
  "delivery",
  "other",
] as const;

export const CHANNEL_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export type TouchpointOwner = { type: "user"; userId: string; name: string } | { type: "team"; name: string };

export interface EventMatcher {
  event: string;
  where?: string;
}

export interface Touchpoint {
  id: string;
  key: string;
  name: string;
  description: string;
  channel: string;
  kind: TouchpointKind;
  department: string | null;
  owner: TouchpointOwner | null;
  tags: string[];
  signature: boolean;
  internalRating: {
    value: number;
    assessedBy: { userId: string; name: string } | null;
    assessedAt: string;
  } | null;
  eventMatchers: EventMatcher[];
  usedBy: number;
  createdAt: string;
  updatedAt: string;
}

/** The writable fields; `owner` is written as `{ type: "user", userId }` or `{ type: "team", name }`. */
export interface TouchpointInput {
  key?: string;
  name: string;
  description: string;
  channel: string;
  kind: TouchpointKind;
  department: string | null;
  owner: { type: "user"; userId: string } | { type: "team"; name: string } | null;
  tags: string[];
  signature: boolean;
  internalRating: number | null;
  eventMatchers: EventMatcher[];
}

export interface BulkTouchpointChange {
  channel?: string;
  kind?: TouchpointKind;
  department?: string | null;
  owner?: TouchpointInput["owner"];
  signature?: boolean;
  addTags?: string[];
  removeTags?: string[];
}

export const FILE_FORMATS = ["csv", "xlsx", "json"] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

export interface Persona {
  id: string;
  key: string;
  name: string;
  quote: string;
  description: string;
  avatarColor: string;
  initials: string;
  goals: string[];
  needs: string[];
  frustrations: string[];
  channels: string[];
  segmentRule: string | null;
  createdAt: string;
  updatedAt: string;
}

export type PersonaInput = Omit<Persona, "id" | "key" | "initials" | "createdAt" | "updatedAt"> & {
  key?: string;
};

export const JOURNEY_STATUSES = ["draft", "as_is", "to_be", "archived"] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

export const SCENARIO_SUGGESTIONS = [
  "new_purchase",
  "repeat_purchase",
  "service_case",
  "moving_house",
  "complaint",
  "onboarding",
  "cancellation",
] as const;

export const EMOTIONS = [-3, -2, -1, 0, 1, 2, 3] as const;
export type Emotion = (typeof EMOTIONS)[number];

/** KPIs computed from a journey's instances (docs/api/journey-analytics.md §6.3). */
export const JOURNEY_KPI_MEASURES = [
  "conversion",
  "time_to_complete",
  "contacts_per_instance",
  "first_contact_resolution",
  "repeat_contact_rate",
  "drop_off_rate",
] as const;
export type JourneyKpiMeasure = (typeof JOURNEY_KPI_MEASURES)[number];

export interface Kpi {
  name: string;
  target: number | null;
  unit: string;
  /** The measured KPI this one's target applies to; absent or null: measured elsewhere. */
  measure?: JourneyKpiMeasure | null;
}

export interface Step {
  id: string;
  title: string;
  touchpointId: string | null;
  customerAction: string;
  expectation: string;
  thoughts: string;
  emotion: number | null;
  customerRating: number | null;
  painPoints: string[];
  insights: string[];
  ideas: string[];
  momentOfTruth: boolean;
  signature: boolean;
}

export interface Stage {
  id: string;
  name: string;
  description: string;
  steps: Step[];
}

export interface JourneyDocument {
  schemaVersion: 1;
  title: string;
  scenario: string;
  personaId: string | null;
  ownerId: string | null;
  status: JourneyStatus;
  description: string;
  goals: string[];
  kpis: { performance: Kpi[]; brand: Kpi[] };
  stages: Stage[];
}

export interface Actor {
  type: string;
  id: string | null;
  name: string | null;
}

export interface Journey {
  id: string;
  version: number;
  document: JourneyDocument;
  createdAt: string;
  updatedAt: string;
  updatedBy: Actor | null;
}

export interface JourneySummary {
  id: string;
  title: string;
  scenario: string;
  status: JourneyStatus;
  personaId: string | null;
  ownerId: string | null;
  version: number;
  stageCount: number;
  stepCount: number;
  signatureCount: number;
  updatedAt: string;
}

export interface RevisionSummary {
  version: number;
  author: Actor | null;
  createdAt: string;
  summary: {
    stagesAdded: number;
    stagesRemoved: number;
    stepsAdded: number;
    stepsRemoved: number;
    stepsChanged: number;
    stepsMoved: number;
  };
}

export interface Revision {
  version: number;
  document: JourneyDocument;
  author: Actor | null;
  createdAt: string;
}

export type StageChange = "added" | "removed" | "renamed" | "moved";
export type StepChange = "added" | "removed" | "modified" | "moved";

export interface Comparison {
  from: number;
  to: number;
  stages: { id: string; name: string; change: StageChange }[];
  steps: { id: string; title: string; stageId: string; change: StepChange; fields: string[] }[];
  header: string[];
}

export const COVERAGE_CODES = [
  "touchpoint_unused",
  "step_without_touchpoint",
  "touchpoint_without_owner",
  "stage_without_steps",
  "journey_without_owner",
  "hidden_without_matcher",
] as const;

export interface CoverageFinding {
  code: string;
  severity: "warning" | "info";
  message: string;
  journeyId?: string;
  stageId?: string;
  stepId?: string;
  touchpointId?: string;
}

/** The window of journey instances a measure reads: started in `[from, to)`, default the last 90 days. */
export interface JourneyMeasuresRequest {
  journeyId: string;
  from?: string;
  to?: string;
  inactivityDays?: number;
}

export interface JourneyKpisRequest extends JourneyMeasuresRequest {
  repeatWithinDays?: number;
}

/** One step's measured values (§6.2); ratios are null, never 0, when there is nothing to divide. */
export interface StepMeasures {
  stepId: string;
  title: string;
  stageId: string;
  /** False for steps whose touchpoint has no event matchers: only feedback is measured there. */
  mapped: boolean;
  customers: number;
  instances: number;
  conversion: number | null;
  waitMedianSeconds: number | null;
  waitP90Seconds: number | null;
  waits: number;
  contacts: number;
  contactRate: number | null;
  /** Linked feedback on the workshop scale 1–5. */
  rating: { n: number; mean: number | null };
  sentiment: { n: number; meanScore: number | null; positive: number; negative: number };
}

export interface JourneyMeasures {
  journeyId: string;
  instances: { total: number; completed: number; inProgress: number; dropped: number; customers: number };
  /** When the instances were last brought up to date; null: never. */
  refreshedAt: string | null;
  steps: StepMeasures[];
}

export type KpiUnit = "percent" | "days" | "count";

export interface JourneyKpi {
  key: JourneyKpiMeasure;
  unit: KpiUnit;
  value: number | null;
  n: number;
  higherIsBetter: boolean;
  target: { name: string; value: number } | null;
  met: boolean | null;
}

export interface JourneyKpis {
  journeyId: string;
  instances: number;
  items: JourneyKpi[];
}

export interface InstancesRebuild {
  journeys: number;
  rebuilt: number;
  units: number;
  instances: number;
  tookMs: number;
}
