import type { Selectable } from "kysely";
import type { WorkspaceContext } from "../context.js";
import type { SurveyInvitationsTable } from "../db/schema.js";
import { decodeCursor, type Page, toPage } from "../pagination.js";
import { requireSurvey } from "./survey-row.js";
import type { TInvitation, TInvitationListQuery } from "./triggers.schema.js";

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toInvitation(r: Selectable<SurveyInvitationsTable>): TInvitation {
  return {
    id: r.id,
    surveyId: r.survey_id,
    triggerId: r.trigger_id,
    customerId: r.customer_id,
    eventId: r.event_id,
    eventName: r.event_name,
    status: r.status,
    linkId: r.link_id,
    scheduledFor: iso(r.scheduled_for),
    sentAt: iso(r.sent_at),
    error: r.error,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** A survey's invitations, newest first, optionally of one status. */
export async function listInvitations(
  ctx: WorkspaceContext,
  surveyId: string,
  query: TInvitationListQuery,
): Promise<Page<TInvitation>> {
  const { db, access } = ctx;
  await requireSurvey(db, access.workspaceId, surveyId);
  const after = decodeCursor(query.cursor);
  let q = db
    .selectFrom("survey_invitations")
    .selectAll()
    .where("workspace_id", "=", access.workspaceId)
    .where("survey_id", "=", surveyId);
  if (query.status) q = q.where("status", "=", query.status);
  if (after) q = q.where("id", "<", after);
  const rows = await q
    .orderBy("id", "desc")
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, (r) => r.id, toInvitation);
}
