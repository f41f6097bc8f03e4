import { ApiFailure, type FailureKind, type RespondentApi } from "./api.js";
import type { WidgetConfig } from "./config.js";
import { loadProgress, newProgress, type SavedProgress, saveProgress } from "./session.js";
import type { Language, PublicSurvey } from "./types.js";

export type Loaded =
  | { kind: "ready"; survey: PublicSurvey; progress: SavedProgress; language: Language }
  | { kind: "finished"; survey: PublicSurvey; progress: SavedProgress; language: Language }
  | { kind: "failed"; failure: FailureKind; language: Language };

function languageFor(survey: PublicSurvey, preferred: Language | null): Language {
  return preferred && survey.languages.includes(preferred) ? preferred : survey.language;
}

/** Fetches the survey, or continues this tab's earlier progress on it. */
export async function loadSurvey(config: WidgetConfig, api: RespondentApi): Promise<Loaded> {
  const stored = loadProgress(config.surveyId, config.token);
  // A finished survey shows its thanks again. A single-use link counts as used once this tab's response
  // exists, and the server would refuse a second GET: continue from the survey as stored.
  if (stored?.survey && (stored.finished || (config.token && stored.editToken))) {
    return {
      kind: stored.finished ? "finished" : "ready",
      survey: stored.survey,
      progress: stored,
      language: languageFor(stored.survey, config.preferredLanguage),
    };
  }
  let survey: PublicSurvey;
  try {
    survey = await api.getSurvey(config.surveyId, {
      ...(config.token ? { token: config.token } : {}),
      ...(config.preferredLanguage ? { language: config.preferredLanguage } : {}),
    });
  } catch (error) {
    const failure = error instanceof ApiFailure ? error.kind : "unknown";
    return { kind: "failed", failure, language: config.preferredLanguage ?? "de" };
  }
  const progress = stored ?? newProgress(config.token);
  progress.survey = survey;
  saveProgress(config.surveyId, progress);
  return { kind: "ready", survey, progress, language: languageFor(survey, config.preferredLanguage) };
}
