import type { WorkspaceContext } from "../context.js";
import { requireSurvey } from "./survey-row.js";
import {
  SURVEY_EXPORT_FORMAT,
  type TSurveyDefinition,
  type TSurveyExport,
  type TSurveySettings,
} from "./surveys.schema.js";

/** A survey as a portable document: the touchpoint by its key, which stays stable across workspaces. */
export async function exportSurvey(ctx: WorkspaceContext, id: string): Promise<TSurveyExport> {
  const { db, access } = ctx;
  const row = await requireSurvey(db, access.workspaceId, id);
  const touchpoint = row.touchpoint_id
    ? await db
        .selectFrom("touchpoints")
        .select("key")
        .where("workspace_id", "=", access.workspaceId)
        .where("id", "=", row.touchpoint_id)
        .executeTakeFirst()
    : undefined;
  return {
    format: SURVEY_EXPORT_FORMAT,
    formatVersion: 1,
    survey: {
      name: row.name,
      defaultLanguage: row.default_language,
      definition: row.definition as TSurveyDefinition,
      settings: row.settings as TSurveySettings,
      touchpointKey: touchpoint?.key ?? null,
    },
  };
}
