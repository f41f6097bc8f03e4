import type { WorkspaceContext } from "../context.js";
import { createSurvey } from "./create-survey.js";
import type { TSurvey, TSurveyExport } from "./surveys.schema.js";

/**
 * Creates a new draft from an exported survey. The touchpoint is looked up by key; when this
 * workspace has none with that key the survey is created without one, and the audit entry says so.
 */
export async function importSurvey(ctx: WorkspaceContext, doc: TSurveyExport): Promise<TSurvey> {
  const { touchpointKey } = doc.survey;
  const touchpoint = touchpointKey
    ? await ctx.db
        .selectFrom("touchpoints")
        .select("id")
        .where("workspace_id", "=", ctx.access.workspaceId)
        .where("key", "=", touchpointKey)
        .executeTakeFirst()
    : undefined;
  return createSurvey(
    ctx,
    {
      name: doc.survey.name,
      defaultLanguage: doc.survey.defaultLanguage,
      definition: doc.survey.definition,
      settings: doc.survey.settings,
      touchpointId: touchpoint?.id ?? null,
      status: "draft",
    },
    {
      action: "survey.import",
      details: { touchpointKey, touchpointFound: Boolean(touchpoint) },
      definitionPointer: "/body/survey/definition",
    },
  );
}
