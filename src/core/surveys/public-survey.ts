import type { Selectable } from "kysely";
import { sha256 } from "../auth/secrets.js";
import type { Db } from "../db/connect.js";
import type { SurveyLinksTable, SurveysTable } from "../db/schema.js";
import { AppError, notFound } from "../errors.js";
import { isUuid } from "../ids.js";

export type SurveyRecord = Selectable<SurveysTable>;
export type LinkRecord = Selectable<SurveyLinksTable>;

/**
 * A survey as respondents may reach it: only active ones. A draft is not public yet, so it looks
 * like a missing survey; a closed one answers 410 so the page can say it has ended.
 */
export async function loadRespondentSurvey(db: Db, surveyId: string): Promise<SurveyRecord> {
  if (!isUuid(surveyId)) throw notFound("Survey");
  const survey = await db.selectFrom("surveys").selectAll().where("id", "=", surveyId).executeTakeFirst();
  if (!survey || survey.status === "draft") throw notFound("Survey");
  if (survey.status === "closed") throw closed();
  return survey;
}

export const closed = () =>
  new AppError("gone", "This survey has ended", {
    errors: [{ pointer: "/path/surveyId", code: "survey_closed", message: "the survey is closed" }],
  });

export const linkUsed = (pointer: string) =>
  new AppError("conflict", "This personal link was already used", {
    errors: [{ pointer, code: "link_used", message: "a single-use link answers one submission" }],
  });

/** The link behind a token, if it belongs to the survey and may still be answered. */
export async function resolveLink(
  db: Db,
  survey: SurveyRecord,
  token: string,
  pointer: string,
): Promise<LinkRecord> {
  const link = await db
    .selectFrom("survey_links")
    .selectAll()
    .where("token_hash", "=", sha256(token))
    .where("survey_id", "=", survey.id)
    .where("workspace_id", "=", survey.workspace_id)
    .executeTakeFirst();
  if (!link)
    throw new AppError("not_found", "Link not found", {
      errors: [{ pointer, code: "unknown_link", message: "no link of this survey has this token" }],
    });
  if (link.expires_at && new Date(link.expires_at).getTime() <= Date.now())
    throw new AppError("gone", "This personal link has expired", {
      errors: [{ pointer, code: "link_expired", message: "the link has expired" }],
    });
  if (link.single_use && link.used_at) throw linkUsed(pointer);
  return link;
}
