import { z } from "zod";

/** The schema version this server writes. Older stored versions are migrated on read. */
export const CURRENT_SCHEMA_VERSION = 1;

export const JOURNEY_LIMITS = {
  title: 200,
  text: 4000,
  stages: 30,
  stepsPerStage: 60,
  listItems: 50,
} as const;

export const JOURNEY_STATUSES = ["draft", "as_is", "to_be", "archived"] as const;
/** Suggestions only: `scenario` is free text so teams can name their own. */
export const SCENARIO_SUGGESTIONS = [
  "new_purchase",
  "repeat_purchase",
  "service_case",
  "moving_house",
  "complaint",
  "onboarding",
  "cancellation",
] as const;

const ZId = z.uuid();
const ZName = z.string().trim().max(JOURNEY_LIMITS.title);
const ZText = z.string().max(JOURNEY_LIMITS.text);
const ZList = z.array(z.string().max(JOURNEY_LIMITS.text)).max(JOURNEY_LIMITS.listItems);
export const ZJourneyStatus = z.enum(JOURNEY_STATUSES);

/**
 * KPIs Journeylens computes from a journey's instances (docs/api/journey-analytics.md §6.3); a KPI of
 * the map naming one has its target compared with the measured value.
 */
export const JOURNEY_KPI_MEASURES = [
  "conversion",
  "time_to_complete",
  "contacts_per_instance",
  "first_contact_resolution",
  "repeat_contact_rate",
  "drop_off_rate",
] as const;

export const ZKpi = z.strictObject({
  name: z.string().trim().min(1).max(JOURNEY_LIMITS.title),
  target: z.number().finite().nullable(),
  unit: z.string().max(50),
  /** The measured KPI this one's target applies to; absent or null: a KPI measured elsewhere. */
  measure: z.enum(JOURNEY_KPI_MEASURES).nullable().optional(),
});
const ZKpiList = z.array(ZKpi).max(JOURNEY_LIMITS.listItems);

const ZEmotion = z.number().int().min(-3).max(3).nullable();
const ZRating = z.number().int().min(1).max(5).nullable();

/** The stored shape: every field present, every id set. */
export const ZJourneyStep = z.strictObject({
  id: ZId,
  title: ZName,
  touchpointId: ZId.nullable(),
  customerAction: ZText,
  expectation: ZText,
  thoughts: ZText,
  emotion: ZEmotion,
  customerRating: ZRating,
  painPoints: ZList,
  insights: ZList,
  ideas: ZList,
  momentOfTruth: z.boolean(),
  signature: z.boolean(),
});

export const ZJourneyStage = z.strictObject({
  id: ZId,
  name: ZName,
  description: ZText,
  steps: z.array(ZJourneyStep).max(JOURNEY_LIMITS.stepsPerStage),
});

export const ZJourneyDocument = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  title: ZName.min(1),
  scenario: ZName,
  personaId: ZId.nullable(),
  ownerId: ZId.nullable(),
  status: ZJourneyStatus,
  description: ZText,
  goals: ZList,
  kpis: z.strictObject({ performance: ZKpiList, brand: ZKpiList }),
  stages: z.array(ZJourneyStage).max(JOURNEY_LIMITS.stages),
});

/** What clients send: ids are generated when missing and omitted fields take their defaults. */
export const ZJourneyStepInput = z.strictObject({
  id: ZId.optional(),
  title: ZName,
  touchpointId: ZId.nullable().default(null),
  customerAction: ZText.default(""),
  expectation: ZText.default(""),
  thoughts: ZText.default(""),
  emotion: ZEmotion.default(null),
  customerRating: ZRating.default(null),
  painPoints: ZList.default([]),
  insights: ZList.default([]),
  ideas: ZList.default([]),
  momentOfTruth: z.boolean().default(false),
  signature: z.boolean().default(false),
});

export const ZJourneyStageInput = z.strictObject({
  id: ZId.optional(),
  name: ZName,
  description: ZText.default(""),
  steps: z.array(ZJourneyStepInput).max(JOURNEY_LIMITS.stepsPerStage).default([]),
});

export const ZJourneyDocumentInput = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION).default(CURRENT_SCHEMA_VERSION),
  title: ZName.min(1),
  scenario: ZName.default(""),
  personaId: ZId.nullable().default(null),
  ownerId: ZId.nullable().default(null),
  status: ZJourneyStatus.default("draft"),
  description: ZText.default(""),
  goals: ZList.default([]),
  kpis: z
    .strictObject({ performance: ZKpiList.default([]), brand: ZKpiList.default([]) })
    .default({ performance: [], brand: [] }),
  stages: z.array(ZJourneyStageInput).max(JOURNEY_LIMITS.stages).default([]),
});

export type TJourneyStep = z.infer<typeof ZJourneyStep>;
export type TJourneyStage = z.infer<typeof ZJourneyStage>;
export type TJourneyDocument = z.infer<typeof ZJourneyDocument>;
export type TKpi = z.infer<typeof ZKpi>;
/** A parsed client document (defaults applied, ids possibly missing). */
export type TJourneyDocumentInput = z.output<typeof ZJourneyDocumentInput>;
/** What a caller may pass before parsing (e.g. the demo seed): fields with defaults are optional. */
export type TJourneyDocumentDraft = z.input<typeof ZJourneyDocumentInput>;
