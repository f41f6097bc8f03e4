import { sql } from "kysely";
import { sha256 } from "../auth/secrets.js";
import type { Db } from "../db/connect.js";
import { AppError } from "../errors.js";
import { enqueueFeedbackRelay } from "../feedback/relay.js";
import { randomToken, uuidv7 } from "../ids.js";
import { isUniqueViolation } from "../keys.js";
import { emitFeedbackEvents } from "../webhooks/feedback-events.js";
import { cleanAnswers, validateAnswers } from "./answers.js";
import { type LinkRecord, linkUsed, loadRespondentSurvey, resolveLink } from "./public-survey.js";
import { derivedColumns } from "./response-columns.js";
import type { TCreatedResponse, TCreateResponse } from "./responses.schema.js";
import type { TSurveyDefinition } from "./surveys.schema.js";

export interface RespondentContext {
  db: Db;
  /** The client's network address (socket, or X-Forwarded-For behind a trusted proxy). */
  clientAddress: string;
  responsesPerIpPerHour: number;
}

/** Salted per survey, so the same address cannot be correlated across surveys or workspaces. */
export const addressHash = (workspaceId: string, surveyId: string, address: string) =>
  sha256(`journeylens:response-ip:${workspaceId}:${surveyId}:${address}`);

const duplicate = (responseId: string) =>
  new AppError("conflict", "This submission was already received", {
    errors: [{ pointer: "/body/submissionId", code: "duplicate_submission", message: "already received" }],
    extra: { responseId },
  });

/** The hosted page is `/s/<surveyId>`; any other page embedding the survey is the widget. */
function channelOf(link: LinkRecord | undefined, pageUrl: string | undefined, surveyId: string): string {
  if (link) return "survey_link";
  if (pageUrl && new URL(pageUrl).pathname.replace(/\/+$/, "") === `/s/${surveyId}`) return "survey";
  return "widget";
}

async function findSubmission(db: Db, surveyId: string, submissionId: string) {
  return db
    .selectFrom("feedback")
    .select("id")
    .where("survey_id", "=", surveyId)
    .where("submission_id", "=", submissionId)
    .executeTakeFirst();
}

/**
 * Stores a respondent's answers as a feedback record in one transaction with its facts relay.
 * Double submits collapse through the unique (survey, submission) index, a single-use link through
 * the unique link index; the per-address limit is counted under an advisory lock, so it is exact.
 */
export async function createResponse(
  ctx: RespondentContext,
  surveyId: string,
  input: TCreateResponse,
): Promise<TCreatedResponse> {
  const { db } = ctx;
  const survey = await loadRespondentSurvey(db, surveyId);
  const prior = await findSubmission(db, survey.id, input.submissionId);
  if (prior) throw duplicate(prior.id);
  const link = input.token ? await resolveLink(db, survey, input.token, "/body/token") : undefined;
  const definition = survey.definition as TSurveyDefinition;
  const answers = cleanAnswers(input.answers);
  const errors = validateAnswers(definition, answers, { finishing: input.finished });
  if (errors.length > 0)
    throw new AppError("validation_failed", errors.map((e) => `${e.pointer}: ${e.message}`).join("; "), {
      errors,
    });

  const ipHash = addressHash(survey.workspace_id, survey.id, ctx.clientAddress);
  const id = uuidv7();
  const editToken = randomToken();
  const now = new Date();
  const honeypot = (input.website ?? "").trim() !== "";
  try {
    await db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(hashtextextended(${ipHash}, 0))`.execute(tx);
      const window = await sql<{ n: string; oldest: Date | string | null }>`
        select count(*) as n, min(created_at) as oldest from feedback
        where workspace_id = ${survey.workspace_id} and survey_id = ${survey.id} and ip_hash = ${ipHash}
          and created_at > now() - interval '1 hour'`.execute(tx);
      const { n, oldest } = window.rows[0] ?? { n: "0", oldest: null };
      if (Number(n) >= ctx.responsesPerIpPerHour) {
        const free = oldest ? new Date(oldest).getTime() + 3_600_000 - Date.now() : 3_600_000;
        throw new AppError("rate_limited", "Too many responses from this address; try again later", {
          retryAfterSeconds: Math.max(1, free / 1000),
        });
      }
      await tx
        .insertInto("feedback")
        .values({
          id,
          workspace_id: survey.workspace_id,
          kind: "survey_response",
          channel: channelOf(link, input.pageUrl, survey.id),
          source_key: null,
          survey_id: survey.id,
          // The unique link index makes a single-use link answer exactly one submission.
          link_id: link?.single_use ? link.id : null,
          submission_id: input.submissionId,
          received_at: now,
          customer_id: link?.customer_id ?? null,
          customer: JSON.stringify(link?.customer_id ? { userId: link.customer_id } : {}),
          touchpoint_id: survey.touchpoint_id,
          journey_id: survey.journey_id,
          step_id: survey.step_id,
          ...derivedColumns(definition, answers),
          title: null,
          language: input.language ?? link?.language ?? survey.default_language,
          metadata: JSON.stringify({
            hidden: link?.hidden ?? {},
            context: input.hidden ?? {},
            pageUrl: input.pageUrl ?? null,
          }),
          finished: input.finished,
          finished_at: input.finished ? now : null,
          flagged: honeypot,
          flag_reason: honeypot ? "honeypot" : null,
          edit_token_hash: sha256(editToken),
          ip_hash: ipHash,
          created_at: now,
          updated_at: now,
        })
        .execute();
      if (link?.single_use)
        await tx.updateTable("survey_links").set({ used_at: now }).where("id", "=", link.id).execute();
      await enqueueFeedbackRelay(tx, survey.workspace_id, [id]);
      if (input.finished) await emitFeedbackEvents(tx, survey.workspace_id, "response.finished", [id]);
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const winner = await findSubmission(db, survey.id, input.submissionId);
    if (winner) throw duplicate(winner.id);
    throw linkUsed("/body/token");
  }
  return { id, editToken, finished: input.finished };
}
