import type { WorkspaceContext } from "../context.js";
import type { Db } from "../db/connect.js";
import type { TSurveyPreferences } from "./surveys.schema.js";

/** The column default, for workspaces that never saved their settings. */
export const DEFAULT_FATIGUE_DAYS = 30;

export async function fatigueDays(db: Db, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom("survey_settings")
    .select("fatigue_days")
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  return row?.fatigue_days ?? DEFAULT_FATIGUE_DAYS;
}

export async function getSurveySettings(ctx: WorkspaceContext): Promise<TSurveyPreferences> {
  return { fatigueDays: await fatigueDays(ctx.db, ctx.access.workspaceId) };
}
