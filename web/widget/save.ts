import { ApiFailure, type RespondentApi } from "./api.js";
import type { WidgetConfig } from "./config.js";
import { answerChanges, pruneHidden } from "./logic.js";
import { newProgress, type SavedProgress, saveProgress } from "./session.js";
import type { Language, SurveyDefinition } from "./types.js";

export interface SaveContext {
  api: RespondentApi;
  config: WidgetConfig;
  definition: SurveyDefinition;
  progress: SavedProgress;
  language: Language;
  /** The honeypot input's value; people never see the field, bots fill it. */
  honeypot(): string;
}

async function create(ctx: SaveContext, finishing: boolean): Promise<void> {
  const { progress, config } = ctx;
  const created = await ctx.api.createResponse(config.surveyId, {
    submissionId: progress.submissionId,
    answers: progress.answers,
    finished: finishing,
    language: ctx.language,
    ...(config.token ? { token: config.token } : {}),
    ...(Object.keys(config.hidden).length > 0 ? { hidden: config.hidden } : {}),
    website: ctx.honeypot(),
    ...(config.pageUrl ? { pageUrl: config.pageUrl } : {}),
  });
  progress.responseId = created.id;
  progress.editToken = created.editToken;
}

/** Forgets a response this tab can no longer edit, keeping the answers, so the next save creates anew. */
function restart(progress: SavedProgress): void {
  const fresh = newProgress(progress.token);
  progress.submissionId = fresh.submissionId;
  progress.responseId = null;
  progress.editToken = null;
  progress.saved = {};
}

/**
 * Brings the server's response up to this tab's answers: created on the first answer, patched with
 * the changes afterwards, finished at the end. "finished_elsewhere" when another tab finished it.
 */
export async function saveAnswers(
  ctx: SaveContext,
  finishing: boolean,
  retried = false,
): Promise<"saved" | "finished_elsewhere"> {
  const { progress } = ctx;
  progress.answers = pruneHidden(ctx.definition, progress.answers);
  const changes = answerChanges(progress.saved, progress.answers);
  const hasChanges = Object.keys(changes).length > 0;
  try {
    if (!progress.responseId || !progress.editToken) {
      if (!finishing && Object.keys(progress.answers).length === 0) return "saved";
      await create(ctx, finishing);
    } else if (hasChanges || finishing) {
      await ctx.api.updateResponse(progress.responseId, progress.editToken, {
        ...(hasChanges ? { answers: changes } : {}),
        ...(finishing ? { finished: true } : {}),
      });
    }
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    if (error.kind === "response_finished") return "finished_elsewhere";
    // A stored edit token the server no longer accepts, or a create whose answer was lost in transit:
    // start one new response rather than leaving the respondent stuck.
    const stale = progress.responseId !== null && error.kind === "not_found";
    if (!retried && (stale || error.kind === "duplicate_submission")) {
      restart(progress);
      return saveAnswers(ctx, finishing, true);
    }
    throw error;
  }
  progress.saved = { ...progress.answers };
  saveProgress(ctx.config.surveyId, progress);
  return "saved";
}
