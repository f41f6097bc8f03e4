import { scoreBand } from "../feedback/score-band.js";
import { type Answers, deriveRatings, responseText } from "./answers.js";
import type { TSurveyDefinition } from "./surveys.schema.js";

/** The feedback columns that follow from a response's answers; written together on every change. */
export function derivedColumns(definition: TSurveyDefinition, answers: Answers) {
  const ratings = deriveRatings(definition, answers);
  return {
    answers: JSON.stringify(answers),
    ratings: JSON.stringify(ratings),
    score_band: scoreBand(ratings),
    text: responseText(definition, answers),
  };
}
