import type { Db } from "../db/connect.js";
import { definitionLanguages } from "./definition.js";
import { loadRespondentSurvey, resolveLink } from "./public-survey.js";
import type { TPublicSurvey } from "./responses.schema.js";
import type { TLanguage, TSurveyDefinition, TSurveySettings } from "./surveys.schema.js";

/** `de-AT` → `de`; anything not offered falls back to the link's, then the survey's language. */
function pickLanguage(wanted: string | undefined, offered: TLanguage[], fallback: TLanguage): TLanguage {
  const base = wanted?.toLowerCase().slice(0, 2);
  return offered.find((l) => l === base) ?? fallback;
}

/** What the hosted page and the widget need to render an active survey (no auth). */
export async function getPublicSurvey(
  db: Db,
  surveyId: string,
  query: { t?: string | undefined; lang?: string | undefined },
): Promise<TPublicSurvey> {
  const survey = await loadRespondentSurvey(db, surveyId);
  const link = query.t ? await resolveLink(db, survey, query.t, "/query/t") : undefined;
  const definition = survey.definition as TSurveyDefinition;
  const languages = definitionLanguages(definition, survey.default_language);
  const fallback =
    link?.language && languages.includes(link.language) ? link.language : survey.default_language;
  return {
    id: survey.id,
    language: pickLanguage(query.lang, languages, fallback),
    languages,
    definition,
    settings: survey.settings as TSurveySettings,
    ...(link && { link: link.customer_id ? { customerId: link.customer_id } : {} }),
  };
}
