import { sql } from "kysely";
import type { Db } from "../db/connect.js";
import { AppError, type FieldError } from "../errors.js";

export interface SurveyReferences {
  touchpointId: string | null;
  journeyId: string | null;
  stepId: string | null;
}

const unknown = (field: string, message: string): FieldError => ({
  pointer: `/body/${field}`,
  code: "unknown_reference",
  message,
});

/**
 * Touchpoint and journey must be of this workspace, and a step must be a step of the journey's
 * current document; anything else is a 400 naming the field (a foreign id looks like a missing one).
 */
export async function checkReferences(db: Db, workspaceId: string, refs: SurveyReferences): Promise<void> {
  const errors: FieldError[] = [];
  if (refs.touchpointId) {
    const tp = await db
      .selectFrom("touchpoints")
      .select("id")
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", refs.touchpointId)
      .executeTakeFirst();
    if (!tp) errors.push(unknown("touchpointId", "no touchpoint with this id in the workspace"));
  }
  if (refs.journeyId) {
    const step = refs.stepId ?? "";
    // Containment matches a step id at any position of the stages and steps arrays.
    const journey = await db
      .selectFrom("journeys as j")
      .select("j.id")
      .select(
        sql<boolean>`j.document @> jsonb_build_object('stages', jsonb_build_array(jsonb_build_object('steps',
          jsonb_build_array(jsonb_build_object('id', ${step}::text)))))`.as("has_step"),
      )
      .where("j.workspace_id", "=", workspaceId)
      .where("j.id", "=", refs.journeyId)
      .executeTakeFirst();
    if (!journey) errors.push(unknown("journeyId", "no journey with this id in the workspace"));
    else if (refs.stepId && !journey.has_step)
      errors.push(unknown("stepId", "no step with this id in the journey's current version"));
  } else if (refs.stepId) {
    errors.push(unknown("stepId", "a step needs its journey: set journeyId too"));
  }
  if (errors.length > 0)
    throw new AppError("validation_failed", errors.map((e) => `${e.pointer}: ${e.message}`).join("; "), {
      errors,
    });
}
