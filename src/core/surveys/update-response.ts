import { isDeepStrictEqual } from "node:util";
import { sha256 } from "../auth/secrets.js";
import type { Db } from "../db/connect.js";
import { AppError, notFound } from "../errors.js";
import { enqueueFeedbackRelay } from "../feedback/relay.js";
import { isUuid } from "../ids.js";
import { emitFeedbackEvents } from "../webhooks/feedback-events.js";
import { type Answers, cleanAnswers, validateAnswers } from "./answers.js";
import { closed } from "./public-survey.js";
import { derivedColumns } from "./response-columns.js";
import type { TUpdatedResponse, TUpdateResponse } from "./responses.schema.js";
import type { TSurveyDefinition } from "./surveys.schema.js";

const finishedAlready = () =>
  new AppError("conflict", "This response is finished and cannot change any more", {
    errors: [{ pointer: "/body", code: "response_finished", message: "the response is finished" }],
  });

/**
 * Changes a response through its edit token. The row is locked for the change, so concurrent
 * finishes produce one finished response; a request that would change nothing on a finished
 * response (the same finish again) answers like the first, anything else is a 409.
 */
export async function updateResponse(
  db: Db,
  responseId: string,
  editToken: string | undefined,
  input: TUpdateResponse,
): Promise<TUpdatedResponse> {
  // A wrong or missing token looks exactly like a missing response.
  if (!editToken || !isUuid(responseId)) throw notFound("Response");
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom("feedback")
      .select(["id", "workspace_id", "survey_id", "answers", "finished"])
      .where("id", "=", responseId)
      .where("kind", "=", "survey_response")
      .where("edit_token_hash", "=", sha256(editToken))
      .forUpdate()
      .executeTakeFirst();
    if (!row?.survey_id) throw notFound("Response");
    const survey = await tx
      .selectFrom("surveys")
      .select(["status", "definition"])
      .where("workspace_id", "=", row.workspace_id)
      .where("id", "=", row.survey_id)
      .executeTakeFirstOrThrow();
    const merged: Answers = cleanAnswers({ ...row.answers, ...input.answers });
    const unchanged = isDeepStrictEqual(merged, row.answers);
    if (row.finished) {
      if (unchanged && input.finished !== false) return { id: row.id, finished: true };
      throw finishedAlready();
    }
    if (survey.status === "closed") throw closed();
    const finishing = input.finished === true;
    if (unchanged && !finishing) return { id: row.id, finished: false };
    const definition = survey.definition as TSurveyDefinition;
    const errors = validateAnswers(definition, merged, { finishing });
    if (errors.length > 0)
      throw new AppError("validation_failed", errors.map((e) => `${e.pointer}: ${e.message}`).join("; "), {
        errors,
      });
    const now = new Date();
    await tx
      .updateTable("feedback")
      .set((eb) => ({
        ...derivedColumns(definition, merged),
        finished: finishing,
        finished_at: finishing ? now : null,
        updated_at: now,
        version: eb("version", "+", 1),
      }))
      .where("id", "=", row.id)
      .where("finished", "=", false)
      .execute();
    await enqueueFeedbackRelay(tx, row.workspace_id, [row.id]);
    if (finishing) await emitFeedbackEvents(tx, row.workspace_id, "response.finished", [row.id]);
    return { id: row.id, finished: finishing };
  });
}
