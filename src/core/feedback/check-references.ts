import type { Db } from "../db/connect.js";
import type { FieldError } from "../errors.js";
import { readStoredDocument } from "../journeys/document-migrations.js";

export interface References {
  touchpointId?: string | null | undefined;
  journeyId?: string | null | undefined;
  stepId?: string | null | undefined;
}

/** Step id → stage id of a journey's current document. */
export function stagesOfSteps(document: unknown, journeyId: string): Map<string, string> {
  const doc = readStoredDocument(document, journeyId);
  return new Map(doc.stages.flatMap((stage) => stage.steps.map((step) => [step.id, stage.id] as const)));
}

const unknownRef = (pointer: string, message: string): FieldError => ({
  pointer,
  code: "unknown_reference",
  message,
});

/**
 * Errors for links that do not exist in the workspace: a touchpoint or journey of another
 * workspace is as unknown as a made-up one, and a step must be in the journey's current document.
 * One query per kind for the whole batch.
 */
export async function referenceErrors(
  db: Db,
  workspaceId: string,
  items: readonly { pointer: string; refs: References }[],
): Promise<FieldError[]> {
  const ids = (pick: (r: References) => string | null | undefined) => [
    ...new Set(items.map((i) => pick(i.refs)?.toLowerCase()).filter((v): v is string => Boolean(v))),
  ];
  const touchpointIds = ids((r) => r.touchpointId);
  const journeyIds = ids((r) => r.journeyId);
  const touchpoints = new Set(
    touchpointIds.length === 0
      ? []
      : (
          await db
            .selectFrom("touchpoints")
            .select("id")
            .where("workspace_id", "=", workspaceId)
            .where("id", "in", touchpointIds)
            .execute()
        ).map((t) => t.id),
  );
  const journeys = new Map(
    journeyIds.length === 0
      ? []
      : (
          await db
            .selectFrom("journeys")
            .select(["id", "document"])
            .where("workspace_id", "=", workspaceId)
            .where("id", "in", journeyIds)
            .execute()
        ).map((j) => [j.id, j.document] as const),
  );
  const steps = new Map<string, Map<string, string>>();
  const errors: FieldError[] = [];
  for (const { pointer, refs } of items) {
    const touchpointId = refs.touchpointId?.toLowerCase();
    const journeyId = refs.journeyId?.toLowerCase();
    const stepId = refs.stepId?.toLowerCase();
    if (touchpointId && !touchpoints.has(touchpointId))
      errors.push(unknownRef(`${pointer}/touchpointId`, "no touchpoint with this id in the workspace"));
    if (journeyId && !journeys.has(journeyId)) {
      errors.push(unknownRef(`${pointer}/journeyId`, "no journey with this id in the workspace"));
      continue;
    }
    if (!stepId || !journeyId) continue;
    let stages = steps.get(journeyId);
    if (!stages) {
      stages = stagesOfSteps(journeys.get(journeyId), journeyId);
      steps.set(journeyId, stages);
    }
    if (!stages.has(stepId))
      errors.push(unknownRef(`${pointer}/stepId`, "not a step of the journey's current version"));
  }
  return errors;
}
