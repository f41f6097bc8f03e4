import type { Survey, SurveyTrigger } from "../../api/listen";

/** `POST …/analytics/funnel/dropped/survey`: what happened to each dropped unit. */
export interface SurveyFromFunnelResult {
  units: number;
  invited: number;
  alreadyInvited: number;
  skipped: {
    noCustomer: number;
    suppressed: number;
    noAddress: number;
    contactLimit: number;
    sampledOut: number;
  };
  invitationIds: string[];
}

export type SkipReason = keyof SurveyFromFunnelResult["skipped"];

/** The reasons in the order the answer lists them. */
export const SKIP_REASONS: readonly SkipReason[] = [
  "noCustomer",
  "suppressed",
  "noAddress",
  "contactLimit",
  "sampledOut",
];

export interface TriggerChoice {
  id: string;
  surveyName: string;
  triggerName: string;
  channel: SurveyTrigger["channel"];
}

/**
 * The triggers the API accepts for a funnel survey: enabled ones of active surveys, by survey name
 * then trigger name (a survey whose triggers are still loading is left out until they are there).
 */
export function triggerChoices(
  surveys: readonly Pick<Survey, "id" | "name" | "status">[],
  triggersOf: (surveyId: string) => readonly SurveyTrigger[] | undefined,
): TriggerChoice[] {
  const choices: TriggerChoice[] = [];
  for (const survey of surveys) {
    if (survey.status !== "active") continue;
    for (const trigger of triggersOf(survey.id) ?? [])
      if (trigger.enabled)
        choices.push({
          id: trigger.id,
          surveyName: survey.name,
          triggerName: trigger.name,
          channel: trigger.channel,
        });
  }
  return choices.sort(
    (a, b) => a.surveyName.localeCompare(b.surveyName) || a.triggerName.localeCompare(b.triggerName),
  );
}

/** The skip reasons that occurred, with their counts, in answer order. */
export function skippedCounts(result: SurveyFromFunnelResult): { reason: SkipReason; n: number }[] {
  return SKIP_REASONS.map((reason) => ({ reason, n: result.skipped[reason] })).filter((s) => s.n > 0);
}
