import { z } from "zod";
import { ZPageQuery } from "../pagination.js";
import { ZJourneyDocument, ZJourneyDocumentInput, ZJourneyStatus } from "./document.schema.js";

/** Who wrote a version: a member, an API key, or the installation's operator (CLI). */
export const ZAuthor = z.object({
  type: z.enum(["user", "api_key", "system"]),
  id: z.string().nullable(),
  name: z.string(),
});
export type TAuthor = z.infer<typeof ZAuthor>;

export const ZJourney = z.object({
  id: z.string(),
  version: z.number().int(),
  document: ZJourneyDocument,
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: ZAuthor,
});
export type TJourney = z.infer<typeof ZJourney>;

export const ZJourneySummary = z.object({
  id: z.string(),
  title: z.string(),
  scenario: z.string(),
  status: ZJourneyStatus,
  personaId: z.string().nullable(),
  ownerId: z.string().nullable(),
  version: z.number().int(),
  stageCount: z.number().int(),
  stepCount: z.number().int(),
  signatureCount: z.number().int(),
  updatedAt: z.string(),
});
export type TJourneySummary = z.infer<typeof ZJourneySummary>;

export const ZListJourneysQuery = ZPageQuery.extend({
  status: ZJourneyStatus.optional(),
  personaId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  q: z.string().trim().max(200).optional(),
});
export type TListJourneysQuery = z.infer<typeof ZListJourneysQuery>;

export const ZCreateJourney = z.object({ document: ZJourneyDocumentInput });
export const ZSaveJourney = z.object({
  baseVersion: z.number().int().min(1),
  document: ZJourneyDocumentInput,
});
export const ZRestoreRevision = z.object({ baseVersion: z.number().int().min(1) });

export const ZRevisionSummary = z.object({
  stagesAdded: z.number().int(),
  stagesRemoved: z.number().int(),
  stepsAdded: z.number().int(),
  stepsRemoved: z.number().int(),
  stepsChanged: z.number().int(),
  stepsMoved: z.number().int(),
});

export const ZRevisionEntry = z.object({
  version: z.number().int(),
  author: ZAuthor,
  createdAt: z.string(),
  summary: ZRevisionSummary,
});
export type TRevisionEntry = z.infer<typeof ZRevisionEntry>;

export const ZRevision = z.object({
  version: z.number().int(),
  document: ZJourneyDocument,
  author: ZAuthor,
  createdAt: z.string(),
});
export type TRevision = z.infer<typeof ZRevision>;

/** `to` defaults to the current version and `from` to the one before it. */
export const ZCompareQuery = z.object({
  from: z.coerce.number().int().min(1).optional(),
  to: z.coerce.number().int().min(1).optional(),
});

export const ZComparison = z.object({
  from: z.number().int(),
  to: z.number().int(),
  stages: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      change: z.enum(["added", "removed", "renamed", "modified", "moved"]),
      fields: z.array(z.string()),
    }),
  ),
  steps: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      stageId: z.string(),
      change: z.enum(["added", "removed", "modified", "moved"]),
      fields: z.array(z.string()),
    }),
  ),
  header: z.array(z.string()),
});
export type TComparison = z.infer<typeof ZComparison>;

export const FINDING_CODES = [
  "touchpoint_unused",
  "step_without_touchpoint",
  "touchpoint_without_owner",
  "stage_without_steps",
  "journey_without_owner",
  "hidden_without_matcher",
] as const;

export const ZFinding = z.object({
  code: z.enum(FINDING_CODES),
  severity: z.enum(["warning", "info"]),
  message: z.string(),
  journeyId: z.string().optional(),
  stageId: z.string().optional(),
  stepId: z.string().optional(),
  touchpointId: z.string().optional(),
});
export type TFinding = z.infer<typeof ZFinding>;
export const ZCoverage = z.object({ findings: z.array(ZFinding) });
export type TCoverage = z.infer<typeof ZCoverage>;
