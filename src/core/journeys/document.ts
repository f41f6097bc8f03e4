import type { z } from "zod";
import { AppError, type FieldError } from "../errors.js";
import { uuidv7 } from "../ids.js";
import {
  type TJourneyDocument,
  type TJourneyDocumentInput,
  ZJourneyDocumentInput,
} from "./document.schema.js";

/** Zod issues as field errors under a base pointer (`/body/document`). */
export function issuesToErrors(base: string, issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({
    pointer: [base, ...issue.path.map((p) => String(p).replaceAll("~", "~0").replaceAll("/", "~1"))].join(
      "/",
    ),
    code: issue.code,
    message: issue.message,
  }));
}

/**
 * Parses a client document outside a route (import, demo seed): the same schema the routes use,
 * with errors pointing into the request at `base`.
 */
export function parseJourneyDocument(raw: unknown, base = "/body/document"): TJourneyDocumentInput {
  const result = ZJourneyDocumentInput.safeParse(raw);
  if (result.success) return result.data;
  const errors = issuesToErrors(base, result.error.issues);
  throw new AppError("validation_failed", errors.map((e) => `${e.pointer}: ${e.message}`).join("; "), {
    errors,
  });
}

/**
 * The stored form of a client document: missing stage and step ids are generated, and ids are
 * lower-cased so comparisons with database UUIDs (always lower case) hold.
 */
export function toStoredDocument(input: TJourneyDocumentInput): TJourneyDocument {
  const id = (value: string | undefined) => value?.toLowerCase() ?? uuidv7();
  const ref = (value: string | null) => value?.toLowerCase() ?? null;
  return {
    ...input,
    personaId: ref(input.personaId),
    ownerId: ref(input.ownerId),
    kpis: { performance: [...input.kpis.performance], brand: [...input.kpis.brand] },
    stages: input.stages.map((stage) => ({
      id: id(stage.id),
      name: stage.name,
      description: stage.description,
      steps: stage.steps.map((step) => ({ ...step, id: id(step.id), touchpointId: ref(step.touchpointId) })),
    })),
  };
}

export const stepCount = (doc: TJourneyDocument): number =>
  doc.stages.reduce((n, stage) => n + stage.steps.length, 0);

export const signatureCount = (doc: TJourneyDocument): number =>
  doc.stages.reduce((n, stage) => n + stage.steps.filter((s) => s.signature).length, 0);
