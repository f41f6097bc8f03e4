import { recordAudit } from "../audit/record-audit.js";
import type { WorkspaceContext } from "../context.js";
import { uuidv7 } from "../ids.js";
import { actorId } from "../permissions/index.js";
import { prepareDefinition } from "./definition.js";
import { checkReferences } from "./survey-references.js";
import { findSurveyRow, toSurvey } from "./survey-row.js";
import type { TCreateSurvey, TSurvey } from "./surveys.schema.js";

const lower = (id: string | null | undefined) => id?.toLowerCase() ?? null;

/** Creates a survey (a draft unless another status is given). */
export async function createSurvey(
  ctx: WorkspaceContext,
  input: TCreateSurvey,
  options: { action: string; details?: Record<string, unknown>; definitionPointer?: string } = {
    action: "survey.create",
  },
): Promise<TSurvey> {
  const { db, access } = ctx;
  const workspaceId = access.workspaceId;
  const definition = prepareDefinition(input.definition, input.defaultLanguage, options.definitionPointer);
  const refs = {
    touchpointId: lower(input.touchpointId),
    journeyId: lower(input.journeyId),
    stepId: lower(input.stepId),
  };
  await checkReferences(db, workspaceId, refs);
  const id = uuidv7();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto("surveys")
      .values({
        id,
        workspace_id: workspaceId,
        name: input.name,
        status: input.status,
        default_language: input.defaultLanguage,
        definition: JSON.stringify(definition),
        touchpoint_id: refs.touchpointId,
        journey_id: refs.journeyId,
        step_id: refs.stepId,
        settings: JSON.stringify(input.settings),
        created_by: access.actor.kind === "user" ? actorId(access.actor) : null,
      })
      .execute();
    await recordAudit(tx, {
      workspaceId,
      actor: access.actor,
      action: options.action,
      targetType: "survey",
      targetId: id,
      outcome: "success",
      details: { name: input.name, status: input.status, ...options.details },
      requestId: ctx.requestId,
    });
  });
  return toSurvey(await findSurveyRow(db, workspaceId, id));
}
