import type { WorkspaceContext } from "../context.js";
import { findSurveyRow, toSurvey } from "./survey-row.js";
import type { TSurvey } from "./surveys.schema.js";

export async function getSurvey(ctx: WorkspaceContext, id: string): Promise<TSurvey> {
  return toSurvey(await findSurveyRow(ctx.db, ctx.access.workspaceId, id));
}
