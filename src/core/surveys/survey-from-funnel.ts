import { z } from "@hono/zod-openapi";
import { ZFunnelDroppedRequest } from "../analytics/funnel.schema.js";
import { funnelDropped } from "../analytics/reports/funnel.js";
import { funnelKey } from "../cases/cases-from-funnel.js";
import { emailTrait } from "../cases/follow-up.js";
import { emailId } from "../customers/distinct-ids.js";
import { suppressedIds } from "../customers/suppressions.js";
import type { InvitationStatus } from "../db/schema.js";
import { AppError } from "../errors.js";
import { isUuid } from "../ids.js";
import type { ReportContext } from "../metrics/report-context.js";
import { hasScope } from "../permissions/index.js";
import { invite } from "./evaluate-triggers.js";
import { fatigueDays } from "./get-survey-settings.js";
import type { TriggerRecord } from "./trigger-row.js";
import type { TFireEvent } from "./triggers.schema.js";

/** The invitations' event name (the invitation list shows it; not an event any trigger matches). */
export const FUNNEL_DROPPED_EVENT = "Funnel Dropped";

export const ZSurveyFromFunnel = ZFunnelDroppedRequest.extend({
  triggerId: z.uuid().openapi({
    description:
      "An enabled trigger of an active survey of this workspace: its survey, channel, target, delay and " +
      "sample rate are used; its event matcher is not",
  }),
});
export type TSurveyFromFunnel = z.infer<typeof ZSurveyFromFunnel>;

const count = z.number().int();
export const ZSurveyFromFunnelResult = z.object({
  /** Dropped units considered (at most `limit`); each is counted in exactly one other figure. */
  units: count,
  /** Invitations scheduled by this request. */
  invited: count,
  /** Invited by an earlier run of the same funnel, step and trigger: not again. */
  alreadyInvited: count,
  skipped: z.object({
    /** Not stitched to a customer (`user:…`, `anon:…`), or the customer no longer exists. */
    noCustomer: count,
    /** One of the customer's ids (or its e-mail address) is suppressed after an erasure. */
    suppressed: count,
    /** An e-mail trigger, but the customer has no `email` trait that is an address. */
    noAddress: count,
    /** Invited (by any survey) within the workspace's contact limit (`fatigueDays`). */
    contactLimit: count,
    /** Left out by the trigger's sample rate. */
    sampledOut: count,
  }),
  /** The invitations of `invited` and `alreadyInvited`, in unit order. */
  invitationIds: z.array(z.string()),
});
export type TSurveyFromFunnelResult = z.infer<typeof ZSurveyFromFunnelResult>;

type Skip = keyof TSurveyFromFunnelResult["skipped"];
type Outcome = "invited" | "alreadyInvited" | Skip;

/** What an engine decision means for a unit; `fresh`: decided by this request. */
function outcomeOf(status: InvitationStatus, fresh: boolean): Outcome {
  if (status === "suppressed_fatigue") return "contactLimit";
  if (status === "suppressed_sampling") return "sampledOut";
  // scheduled, sent, or failed in delivery: the unit was invited.
  return fresh ? "invited" : "alreadyInvited";
}

const field = "/body/triggerId";

/** The trigger, if it may invite: this workspace's (else 404), enabled, of an active survey (else 400). */
async function usableTrigger(ctx: ReportContext, triggerId: string): Promise<TriggerRecord> {
  const row = await ctx.db
    .selectFrom("survey_triggers as t")
    .innerJoin("surveys as s", (j) =>
      j.onRef("s.id", "=", "t.survey_id").onRef("s.workspace_id", "=", "t.workspace_id"),
    )
    .selectAll("t")
    .select("s.status as survey_status")
    .where("t.workspace_id", "=", ctx.access.workspaceId)
    .where("t.id", "=", triggerId)
    .executeTakeFirst();
  if (!row) {
    const message = "no such survey trigger in this workspace";
    throw new AppError("not_found", `${field}: ${message}`, {
      errors: [{ pointer: field, code: "not_found", message }],
    });
  }
  const { survey_status, ...trigger } = row;
  const wrong = (code: string, message: string) =>
    new AppError("validation_failed", `${field}: ${message}`, {
      errors: [{ pointer: field, code, message }],
    });
  if (!trigger.enabled)
    throw wrong("trigger_disabled", "expected an enabled survey trigger; this one is switched off");
  if (survey_status !== "active")
    throw wrong(
      "survey_not_active",
      `expected a trigger of an active survey; its survey is ${survey_status} and would send nothing`,
    );
  return trigger;
}

interface Person {
  /** The invitation's and link's customer id, as a trigger firing would have it: the user id first. */
  key: string;
  email: string | undefined;
  suppressed: boolean;
}

/** The customers behind the units: how the survey engine names them, their address, suppressions. */
async function people(ctx: ReportContext, customerIds: readonly string[]): Promise<Map<string, Person>> {
  const ws = ctx.access.workspaceId;
  const out = new Map<string, Person>();
  const ids = [...new Set(customerIds.filter(isUuid))];
  const suppressed = await suppressedIds(ctx.db, ws);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const [customers, identities] = await Promise.all([
      ctx.db
        .selectFrom("customers")
        .select(["id", "traits"])
        .where("workspace_id", "=", ws)
        .where("id", "in", chunk)
        .execute(),
      ctx.db
        .selectFrom("customer_identities")
        .select(["customer_id", "distinct_id"])
        .where("workspace_id", "=", ws)
        .where("customer_id", "in", chunk)
        .orderBy("distinct_id")
        .execute(),
    ]);
    const idsOf = new Map<string, string[]>();
    for (const r of identities)
      idsOf.set(r.customer_id, [...(idsOf.get(r.customer_id) ?? []), r.distinct_id]);
    for (const c of customers) {
      const distinct = idsOf.get(c.id) ?? [];
      const email = emailTrait(c.traits);
      const userId = distinct.find((d) => d.startsWith("user:"))?.slice(5);
      out.set(c.id, {
        // Trigger firings and survey responses know a person by the user id; a link to an address
        // answers as `email:<address>` (as case follow-ups do); the customer id is the last resort.
        key: userId ?? (email ? `email:${email}` : c.id),
        email,
        suppressed:
          distinct.some((d) => suppressed.has(d)) || (email !== undefined && suppressed.has(emailId(email))),
      });
    }
  }
  return out;
}

function labelOf(q: TSurveyFromFunnel, index: number): string {
  const step = q.steps[index] as { event?: string; label?: string } | undefined;
  return step?.label ?? step?.event ?? String(index + 1);
}

/**
 * Sends a survey to the customers who dropped out of a funnel before `step`
 * (docs/api/journey-analytics.md §3): each known customer is invited through the survey engine as if
 * the trigger had fired for them (sample rate, e-mail address, the workspace's contact limit, a
 * single-use link whose hidden fields name the funnel, the outbox delivers). The invitation's event id
 * is keyed by funnel, step and unit, so running it again invites nobody twice; every unit lands in
 * exactly one figure of the answer.
 */
export async function surveyFromFunnel(
  ctx: ReportContext,
  input: TSurveyFromFunnel,
  now = new Date(),
): Promise<TSurveyFromFunnelResult> {
  if (!hasScope(ctx.access, "write")) throw new AppError("forbidden", "Sending surveys needs write access");
  const ws = ctx.access.workspaceId;
  const { triggerId, ...request } = input;
  const trigger = await usableTrigger(ctx, triggerId);
  const dropped = await funnelDropped(ctx, request);
  const key = funnelKey(request);
  const eventId = (unit: string) => `funnel:${key}:${request.step}:${unit}`;
  const out: TSurveyFromFunnelResult = {
    units: dropped.items.length,
    invited: 0,
    alreadyInvited: 0,
    skipped: { noCustomer: 0, suppressed: 0, noAddress: 0, contactLimit: 0, sampledOut: 0 },
    invitationIds: [],
  };
  const tally = (outcome: Outcome, invitationId: string | null) => {
    if (outcome === "invited" || outcome === "alreadyInvited") {
      out[outcome]++;
      if (invitationId) out.invitationIds.push(invitationId);
    } else out.skipped[outcome]++;
  };
  if (dropped.items.length === 0) return out;

  const prior = new Map<string, { id: string; status: InvitationStatus }>();
  const eventIds = dropped.items.map((i) => eventId(i.unit));
  for (let i = 0; i < eventIds.length; i += 500) {
    const rows = await ctx.db
      .selectFrom("survey_invitations")
      .select(["id", "status", "event_id"])
      .where("workspace_id", "=", ws)
      .where("trigger_id", "=", trigger.id)
      .where("event_id", "in", eventIds.slice(i, i + 500))
      .execute();
    for (const r of rows) prior.set(r.event_id, r);
  }
  const persons = await people(
    ctx,
    dropped.items.flatMap((i) => (i.customerId ? [i.customerId] : [])),
  );
  const days = await fatigueDays(ctx.db, ws);
  const properties = {
    source: "funnel",
    funnel: key,
    funnelStep: request.step,
    droppedBefore: labelOf(input, request.step),
  };

  for (const item of dropped.items) {
    const known = prior.get(eventId(item.unit));
    if (known) {
      tally(outcomeOf(known.status, false), known.id);
      continue;
    }
    const person = item.customerId ? persons.get(item.customerId) : undefined;
    if (!person) tally("noCustomer", null);
    else if (person.suppressed) tally("suppressed", null);
    // Checked before the engine, which would record a failed invitation: a later run with an
    // address then still invites.
    else if (trigger.channel === "email" && !person.email) tally("noAddress", null);
    else {
      const event: TFireEvent = {
        messageId: eventId(item.unit),
        event: FUNNEL_DROPPED_EVENT,
        userId: person.key,
        // Scalar properties become the link's hidden fields, so responses name the funnel.
        properties: { ...properties, reachedAt: item.reachedAt },
        traits: person.email ? { email: person.email } : {},
      };
      const { fired, replayed } = await invite(ctx.db, trigger, event, person.key, days, now);
      tally(outcomeOf(fired.status, !replayed), fired.invitationId);
    }
  }
  return out;
}
