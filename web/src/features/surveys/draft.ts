import type { Survey } from "../../api/listen";
import { cleanDefinition } from "./definition";

/** The editable part of a survey; the editor holds it until the user saves. */
export type SurveyDraft = Pick<
  Survey,
  "name" | "status" | "defaultLanguage" | "definition" | "touchpointId" | "journeyId" | "stepId" | "settings"
>;

export function draftOf(survey: Survey): SurveyDraft {
  return {
    name: survey.name,
    status: survey.status,
    defaultLanguage: survey.defaultLanguage,
    definition: survey.definition,
    touchpointId: survey.touchpointId,
    journeyId: survey.journeyId,
    stepId: survey.stepId,
    settings: survey.settings,
  };
}

/** Equal as saved: empty translations do not count as a change. */
export function sameDraft(a: SurveyDraft, b: SurveyDraft): boolean {
  const norm = (d: SurveyDraft) => JSON.stringify({ ...d, definition: cleanDefinition(d.definition) });
  return norm(a) === norm(b);
}
