import { z } from "@hono/zod-openapi";
import { ZJourneyDocument, ZJourneyDocumentInput } from "../../core/journeys/document.schema.js";
import {
  ZComparison,
  ZCoverage,
  ZCreateJourney,
  ZJourney,
  ZJourneySummary,
  ZRestoreRevision,
  ZRevision,
  ZRevisionEntry,
  ZSaveJourney,
} from "../../core/journeys/journeys.schema.js";
import { named } from "../openapi.js";
import { ZProblem } from "../problem.js";
import { WorkspaceParams } from "./shared.js";

/**
 * Names a core schema as an OpenAPI component. `.extend({})` makes a fresh instance: core schemas
 * built before `@hono/zod-openapi` patched zod (the demo seed loads them first) lack `.openapi`.
 */

export const ZJourneyDocumentSchema = named(ZJourneyDocument, "JourneyDocument");
const ZJourneyDocumentInputSchema = named(ZJourneyDocumentInput, "JourneyDocumentInput");
export const ZJourneySchema = ZJourney.extend({ document: ZJourneyDocumentSchema }).openapi("Journey");
export const ZJourneySummarySchema = named(ZJourneySummary, "JourneySummary");
export const ZCreateJourneySchema = ZCreateJourney.extend({ document: ZJourneyDocumentInputSchema }).openapi(
  "CreateJourney",
);
export const ZSaveJourneySchema = ZSaveJourney.extend({ document: ZJourneyDocumentInputSchema }).openapi(
  "SaveJourney",
);
export const ZRestoreRevisionSchema = named(ZRestoreRevision, "RestoreJourneyRevision");
export const ZRevisionEntrySchema = named(ZRevisionEntry, "JourneyRevisionEntry");
export const ZRevisionSchema = ZRevision.extend({ document: ZJourneyDocumentSchema }).openapi(
  "JourneyRevision",
);
export const ZComparisonSchema = named(ZComparison, "JourneyComparison");
export const ZCoverageSchema = named(ZCoverage, "Coverage");
/** An exported journey or a bare document; the use case tells them apart and validates. */
export const ZImportJourneySchema = z.record(z.string(), z.unknown()).openapi("ImportJourney");

export const ZJourneyConflict = ZProblem.extend({
  currentVersion: z.number().int(),
  journey: ZJourneySchema,
}).openapi("JourneyConflict");

export const JourneyParams = WorkspaceParams.extend({
  journeyId: z
    .string()
    .openapi({ param: { name: "journeyId", in: "path" }, example: "0193a1c2-7d4e-7f00-8a00-0000000000a1" }),
});
export const RevisionParams = JourneyParams.extend({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: "version", in: "path" }, example: 3 }),
});

const ids = {
  stage1: "0193a1c2-7d4e-7f00-8a00-0000000000b1",
  stage2: "0193a1c2-7d4e-7f00-8a00-0000000000b2",
  step1: "0193a1c2-7d4e-7f00-8a00-0000000000c1",
  step2: "0193a1c2-7d4e-7f00-8a00-0000000000c2",
};

/** A small German journey: reporting a move to the local utility. */
export const EXAMPLE_DOCUMENT = {
  schemaVersion: 1 as const,
  title: "Umzug melden",
  scenario: "moving_house",
  status: "as_is" as const,
  description: "Privatkundin meldet ihren Umzug und den Zählerstand bei den Stadtwerken.",
  goals: ["Umzug in einem Kontakt erledigen"],
  kpis: {
    performance: [{ name: "Erstlösungsquote", target: 85, unit: "%" }],
    brand: [{ name: "NPS", target: 40, unit: "Punkte" }],
  },
  stages: [
    {
      id: ids.stage1,
      name: "Information",
      description: "Wie melde ich den Umzug?",
      steps: [
        {
          id: ids.step1,
          title: "Umzugsformular suchen",
          customerAction: "Sucht auf der Website nach „Umzug“",
          expectation: "Das Formular ist sofort zu finden",
          emotion: 0,
          painPoints: ["Formular nur über die Suche erreichbar"],
        },
      ],
    },
    {
      id: ids.stage2,
      name: "Meldung",
      description: "",
      steps: [
        {
          id: ids.step2,
          title: "Zählerstand übermitteln",
          expectation: "Eine Bestätigung per E-Mail",
          emotion: 2,
          customerRating: 4,
          momentOfTruth: true,
          signature: true,
        },
      ],
    },
  ],
};
