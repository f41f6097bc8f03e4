import { sql } from "kysely";
import type { Db } from "../db/connect.js";
import { notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import type { TSurvey, TSurveyDefinition, TSurveySettings } from "./surveys.schema.js";

/** Surveys of one workspace with their response count. */
export const surveyQuery = (db: Db, workspaceId: string) =>
  db
    .selectFrom("surveys as s")
    .selectAll("s")
    .select(
      sql<string>`(select count(*) from feedback f where f.workspace_id = s.workspace_id and f.survey_id = s.id)`.as(
        "response_count",
      ),
    )
    .where("s.workspace_id", "=", workspaceId);

export type SurveyRow = Awaited<ReturnType<ReturnType<typeof surveyQuery>["executeTakeFirstOrThrow"]>>;

export function toSurvey(r: SurveyRow): TSurvey {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    defaultLanguage: r.default_language,
    definition: r.definition as TSurveyDefinition,
    touchpointId: r.touchpoint_id,
    journeyId: r.journey_id,
    stepId: r.step_id,
    settings: r.settings as TSurveySettings,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    responseCount: Number(r.response_count),
  };
}

export async function findSurveyRow(db: Db, workspaceId: string, id: string): Promise<SurveyRow> {
  if (!isUuid(id)) throw notFound("Survey");
  const row = await surveyQuery(db, workspaceId).where("s.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Survey");
  return row;
}

/** The bare survey row, for use cases that only need to know it exists in the workspace. */
export async function requireSurvey(db: Db, workspaceId: string, id: string) {
  if (!isUuid(id)) throw notFound("Survey");
  const row = await db
    .selectFrom("surveys")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Survey");
  return row;
}
