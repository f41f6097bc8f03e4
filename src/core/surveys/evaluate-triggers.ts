import { createHash } from "node:crypto";
import type { Db } from "../db/connect.js";
import type { InvitationStatus } from "../db/schema.js";
import { matchesEvent, type TEventMatcher } from "../expressions/validate.js";
import { uuidv7 } from "../ids.js";
import { enqueue } from "../outbox/enqueue.js";
import { insertLink } from "./create-link.js";
import { fatigueDays } from "./get-survey-settings.js";
import { HIDDEN_KEY, MAX_HIDDEN_FIELDS, MAX_HIDDEN_VALUE } from "./links.schema.js";
import type { TriggerRecord } from "./trigger-row.js";
import type { TFiredInvitation, TFireEvent } from "./triggers.schema.js";

export const INVITATION_TOPIC = "survey.invitation";

/** What the delivery handler needs; the token exists nowhere else in readable form. */
export interface InvitationPayload {
  invitationId: string;
  token: string;
  /** The e-mail recipient, for e-mail triggers. */
  email?: string;
}

/**
 * Deterministic sampling: the same (trigger, customer, event) always gets the same answer, so a
 * replay decides as the first delivery did, and rates hold across processes.
 */
export function sampled(triggerId: string, customerId: string, eventId: string, rate: number): boolean {
  if (rate >= 1) return true;
  const digest = createHash("sha256").update(`${triggerId}\n${customerId}\n${eventId}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32 < rate;
}

/** The event's scalar properties (order id …) as hidden fields of the link, within link limits. */
function hiddenFields(properties: Record<string, unknown>): Record<string, string> {
  const hidden: Record<string, string> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (Object.keys(hidden).length >= MAX_HIDDEN_FIELDS) break;
    if (!HIDDEN_KEY.test(key) || key === "email") continue;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
      hidden[key] = String(value).slice(0, MAX_HIDDEN_VALUE);
  }
  return hidden;
}

function recipient(event: TFireEvent): string | undefined {
  for (const candidate of [event.properties?.email, event.traits?.email])
    if (typeof candidate === "string" && /^[^@\s]+@[^@\s]+$/.test(candidate)) return candidate;
  return undefined;
}

/**
 * At most one invitation per customer per `days` across all surveys: the upsert only moves
 * `last_invited_at` when it lies far enough back, atomically, so concurrent triggers cannot both win.
 */
async function claimContact(db: Db, workspaceId: string, customerId: string, days: number, now: Date) {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const claimed = await db
    .insertInto("survey_contacts")
    .values({ workspace_id: workspaceId, customer_id: customerId, last_invited_at: now })
    .onConflict((oc) => {
      const update = oc
        .columns(["workspace_id", "customer_id"])
        .doUpdateSet((eb) => ({ last_invited_at: eb.ref("excluded.last_invited_at") }));
      return days === 0 ? update : update.where("survey_contacts.last_invited_at", "<=", cutoff);
    })
    .returning("customer_id")
    .executeTakeFirst();
  return claimed !== undefined;
}

/**
 * One trigger firing for one event and customer: sampling, the e-mail address, the contact limit,
 * then a single-use link and the outbox message. `replayed`: an earlier firing of the same trigger and
 * event decided already (its decision is answered, nothing changes). Also used by surveys sent to a
 * funnel's dropped customers (survey-from-funnel.ts).
 */
export async function invite(
  db: Db,
  trigger: TriggerRecord,
  event: TFireEvent,
  customerId: string,
  days: number,
  now: Date,
): Promise<{ fired: TFiredInvitation; replayed: boolean }> {
  return db.transaction().execute(async (tx) => {
    const id = uuidv7();
    const base = { triggerId: trigger.id, eventId: event.messageId, customerId };
    // The unique (trigger, event) index makes a replayed event find the first decision.
    const inserted = await tx
      .insertInto("survey_invitations")
      .values({
        id,
        workspace_id: trigger.workspace_id,
        survey_id: trigger.survey_id,
        trigger_id: trigger.id,
        customer_id: customerId,
        event_id: event.messageId,
        event_name: event.event,
        status: "scheduled",
        link_id: null,
        scheduled_for: null,
      })
      .onConflict((oc) => oc.columns(["workspace_id", "trigger_id", "event_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) {
      const prior = await tx
        .selectFrom("survey_invitations")
        .select(["id", "status", "customer_id"])
        .where("workspace_id", "=", trigger.workspace_id)
        .where("trigger_id", "=", trigger.id)
        .where("event_id", "=", event.messageId)
        .executeTakeFirstOrThrow();
      const fired = { ...base, customerId: prior.customer_id, status: prior.status, invitationId: prior.id };
      return { fired, replayed: true };
    }
    const email = recipient(event);
    let status: InvitationStatus = "scheduled";
    let error: string | null = null;
    let linkId: string | null = null;
    let scheduledFor: Date | null = null;
    if (!sampled(trigger.id, customerId, event.messageId, Number(trigger.sample_rate)))
      status = "suppressed_sampling";
    else if (trigger.channel === "email" && !email) {
      status = "failed";
      error = "the event carries no e-mail address (properties.email or traits.email)";
    } else if (!(await claimContact(tx, trigger.workspace_id, customerId, days, now)))
      status = "suppressed_fatigue";
    else {
      const link = await insertLink(tx, {
        workspaceId: trigger.workspace_id,
        surveyId: trigger.survey_id,
        customerId,
        hidden: hiddenFields(event.properties ?? {}),
        language: null,
        singleUse: true,
        expiresAt: null,
        invitationId: id,
      });
      linkId = link.row.id;
      scheduledFor = new Date(now.getTime() + trigger.delay_seconds * 1000);
      const payload: InvitationPayload = {
        invitationId: id,
        token: link.token,
        ...(trigger.channel === "email" && email && { email }),
      };
      await enqueue(tx, {
        workspaceId: trigger.workspace_id,
        topic: INVITATION_TOPIC,
        payload,
        availableAt: scheduledFor,
      });
    }
    await tx
      .updateTable("survey_invitations")
      .set({ status, error, link_id: linkId, scheduled_for: scheduledFor })
      .where("id", "=", id)
      .execute();
    return { fired: { ...base, status, invitationId: id }, replayed: false };
  });
}

/**
 * Evaluates the workspace's enabled triggers of active surveys against events, in event order and
 * trigger creation order. Shared by `POST /survey-triggers/fire` and, later, event ingestion.
 */
export async function evaluateTriggers(
  db: Db,
  workspaceId: string,
  events: readonly TFireEvent[],
  now: Date = new Date(),
): Promise<TFiredInvitation[]> {
  const triggers = await db
    .selectFrom("survey_triggers as t")
    .innerJoin("surveys as s", (j) =>
      j.onRef("s.id", "=", "t.survey_id").onRef("s.workspace_id", "=", "t.workspace_id"),
    )
    .selectAll("t")
    .where("t.workspace_id", "=", workspaceId)
    .where("t.enabled", "=", true)
    .where("s.status", "=", "active")
    .orderBy("t.id")
    .execute();
  if (triggers.length === 0) return [];
  const days = await fatigueDays(db, workspaceId);
  const results: TFiredInvitation[] = [];
  for (const event of events) {
    const customerId = event.userId ?? event.anonymousId;
    if (customerId === undefined) continue;
    const record = {
      event: event.event,
      userId: event.userId,
      anonymousId: event.anonymousId,
      properties: event.properties ?? {},
      traits: event.traits ?? {},
    };
    for (const trigger of triggers) {
      if (!matchesEvent(trigger.matcher as TEventMatcher, event.event, record)) continue;
      results.push((await invite(db, trigger, event, customerId, days, now)).fired);
    }
  }
  return results;
}
