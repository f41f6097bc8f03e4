import { sql } from "kysely";
import type { Db } from "../db/connect.js";
import type { InvitationStatus } from "../db/schema.js";
import { uuidv7 } from "../ids.js";
import { enqueue } from "../outbox/enqueue.js";
import { insertLink } from "../surveys/create-link.js";
import { INVITATION_TOPIC, type InvitationPayload } from "../surveys/evaluate-triggers.js";
import type { CaseRow } from "./case-row.js";

const EMAIL = /^[^@\s]+@[^@\s]+$/;

/** The `email` trait (or the `email` of a feedback's customer object) when it is an address. */
export function emailTrait(traits: unknown): string | undefined {
  const email = (traits as Record<string, unknown> | null | undefined)?.email;
  return typeof email === "string" && EMAIL.test(email) ? email : undefined;
}

/**
 * The customer's e-mail: an `email:` identity, else the `email` trait of the stitched customer, else
 * what the case's own feedback said (a respondent known only by the e-mail of a personal survey link
 * has a hashed customer key, but the response carries the address).
 */
async function customerEmail(db: Db, c: CaseRow, customerId: string): Promise<string | undefined> {
  const workspaceId = c.workspace_id;
  if (customerId.startsWith("email:") && EMAIL.test(customerId.slice(6))) return customerId.slice(6);
  const fromFeedback = await db
    .selectFrom("case_signals as s")
    .innerJoin("feedback as f", (j) =>
      j.on(sql`f.id::text`, "=", sql.ref("s.ref")).onRef("f.workspace_id", "=", "s.workspace_id"),
    )
    .select(["f.customer_id", "f.customer"])
    .where("s.workspace_id", "=", workspaceId)
    .where("s.case_id", "=", c.id)
    .where("s.kind", "=", "feedback")
    .orderBy("s.occurred_at", "desc")
    .execute();
  for (const f of fromFeedback) {
    const id = f.customer_id ?? "";
    if (id.startsWith("email:") && EMAIL.test(id.slice(6))) return id.slice(6);
    const email = emailTrait(f.customer);
    if (email) return email;
  }
  const row = await db
    .selectFrom("customer_identities as i")
    .innerJoin("customers as c", "c.id", "i.customer_id")
    .select("c.traits")
    .where("i.workspace_id", "=", workspaceId)
    .where("i.distinct_id", "in", [customerId, `user:${customerId}`])
    .executeTakeFirst();
  return emailTrait(row?.traits);
}

/**
 * The follow-up CSAT survey after resolution, through the survey engine: an invitation of the
 * workspace's follow-up trigger (its survey, channel, target and delay) with a single-use link that
 * carries the case id as a hidden field; the `survey.invitation` worker delivers it. Keyed by case
 * and resolution, so resolving again after a reopen invites again, a retry does not.
 */
export async function scheduleFollowUp(
  db: Db,
  c: CaseRow,
  triggerId: string,
  resolution: number,
  now: Date,
): Promise<{ invitationId: string; status: InvitationStatus } | null> {
  if (!c.customer_id) return null;
  const trigger = await db
    .selectFrom("survey_triggers")
    .selectAll()
    .where("workspace_id", "=", c.workspace_id)
    .where("id", "=", triggerId)
    .executeTakeFirst();
  if (!trigger) return null;
  const id = uuidv7(now.getTime());
  const eventId = `case:${c.id}:resolved:${resolution}`;
  const inserted = await db
    .insertInto("survey_invitations")
    .values({
      id,
      workspace_id: c.workspace_id,
      survey_id: trigger.survey_id,
      trigger_id: trigger.id,
      customer_id: c.customer_id,
      event_id: eventId,
      event_name: "Case Resolved",
      status: "scheduled",
      link_id: null,
      scheduled_for: null,
    })
    .onConflict((oc) => oc.columns(["workspace_id", "trigger_id", "event_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return null;
  const email = trigger.channel === "email" ? await customerEmail(db, c, c.customer_id) : undefined;
  if (trigger.channel === "email" && !email) {
    const error = "the customer has no e-mail address (an email: identity or an email trait)";
    await db
      .updateTable("survey_invitations")
      .set({ status: "failed", error })
      .where("id", "=", id)
      .execute();
    return { invitationId: id, status: "failed" };
  }
  const link = await insertLink(db, {
    workspaceId: c.workspace_id,
    surveyId: trigger.survey_id,
    customerId: c.customer_id,
    hidden: { caseId: c.id },
    language: null,
    singleUse: true,
    expiresAt: null,
    invitationId: id,
  });
  const scheduledFor = new Date(now.getTime() + trigger.delay_seconds * 1000);
  const payload: InvitationPayload = { invitationId: id, token: link.token, ...(email && { email }) };
  await enqueue(db, {
    workspaceId: c.workspace_id,
    topic: INVITATION_TOPIC,
    payload,
    availableAt: scheduledFor,
  });
  await db
    .updateTable("survey_invitations")
    .set({ link_id: link.row.id, scheduled_for: scheduledFor })
    .where("id", "=", id)
    .execute();
  return { invitationId: id, status: "scheduled" };
}
