import type { Updateable } from "kysely";
import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import type { SurveysTable } from "../db/schema.js";
import { AppError } from "../errors.js";
import { prepareDefinition } from "./definition.js";
import { checkReferences } from "./survey-references.js";
import { findSurveyRow, toSurvey } from "./survey-row.js";
import type { TSurvey, TSurveyDefinition, TUpdateSurvey } from "./surveys.schema.js";

const conflict = (current: number) =>
  new AppError("conflict", `The survey changed meanwhile; it is at version ${current}`, {
    errors: [{ pointer: "/body/version", code: "stale", message: `the current version is ${current}` }],
    extra: { currentVersion: current },
  });

/**
 * PATCH semantics: only the fields present change, and every change bumps the version. With
 * `version` the update applies only to that version, so two editors cannot overwrite each other.
 */
export async function updateSurvey(
  ctx: WorkspaceContext,
  id: string,
  input: TUpdateSurvey,
): Promise<TSurvey> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  const row = await findSurveyRow(db, workspaceId, id);
  if (input.version !== undefined && input.version !== row.version) throw conflict(row.version);
  const language = input.defaultLanguage ?? row.default_language;
  const set: Updateable<SurveysTable> = { updated_at: new Date() };
  if (input.name !== undefined) set.name = input.name;
  if (input.status !== undefined) set.status = input.status;
  if (input.defaultLanguage !== undefined) set.default_language = input.defaultLanguage;
  if (input.settings !== undefined) set.settings = JSON.stringify(input.settings);
  // A new default language must find its texts in the stored definition too.
  if (input.definition !== undefined || input.defaultLanguage !== undefined)
    set.definition = JSON.stringify(
      prepareDefinition(input.definition ?? (row.definition as TSurveyDefinition), language),
    );
  const refs = {
    touchpointId:
      input.touchpointId === undefined ? row.touchpoint_id : (input.touchpointId?.toLowerCase() ?? null),
    journeyId: input.journeyId === undefined ? row.journey_id : (input.journeyId?.toLowerCase() ?? null),
    stepId: input.stepId === undefined ? row.step_id : (input.stepId?.toLowerCase() ?? null),
  };
  if (input.touchpointId !== undefined || input.journeyId !== undefined || input.stepId !== undefined) {
    await checkReferences(db, workspaceId, refs);
    set.touchpoint_id = refs.touchpointId;
    set.journey_id = refs.journeyId;
    set.step_id = refs.stepId;
  }
  const fields = Object.keys(input).filter(
    (k) => k !== "version" && input[k as keyof TUpdateSurvey] !== undefined,
  );
  await db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable("surveys")
      .set((eb) => ({ ...set, version: eb("version", "+", 1) }))
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", id)
      .where("version", "=", row.version)
      .returning("version")
      .executeTakeFirst();
    if (!updated) throw conflict((await findSurveyRow(tx, workspaceId, id)).version);
    await recordAudit(tx, {
      workspaceId,
      actor: access.actor,
      action: "survey.update",
      targetType: "survey",
      targetId: id,
      outcome: "success",
      details: { fields, ...(input.status !== undefined && { status: input.status }) },
      requestId: ctx.requestId,
    });
  });
  return toSurvey(await findSurveyRow(db, workspaceId, id));
}
