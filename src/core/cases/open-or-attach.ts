import { sql } from "kysely";
import type { Db } from "../db/connect.js";
import { uuidv7 } from "../ids.js";
import { notifyCase } from "../notifications/notify-events.js";
import { emitCaseEvent } from "./case-events.js";
import { CASE_OPEN_STATUSES, OPEN_CASE_PREDICATE, type TCasePriority } from "./cases.schema.js";
import { routeCase } from "./route-case.js";
import { scheduleSlaCheck, slaDueAt } from "./sla.js";
import { addTimeline } from "./timeline.js";
import { stepOfTouchpoint, watchJourneyOwner } from "./watchers.js";

export type CaseSignalKind = "feedback" | "event" | "repeat_contacts" | "stuck" | "manual" | "funnel_drop";

/** What a rule (or a person) reports: one signal about one customer's problem. */
export interface CaseSignalInput {
  workspaceId: string;
  /** The customer the problem belongs to; null never deduplicates (every signal opens a case). */
  customerId: string | null;
  /** The journey (map) the signal belongs to, if known. */
  journeyId?: string | null;
  /** The journey instance's identity if known (dedup key together with customer and journey). */
  instanceKey?: string | null;
  /** Where the signal arose: routing goes to this touchpoint's owner. */
  touchpointId?: string | null;
  /** The journey step, if known; derived from the journey document by touchpoint when omitted. */
  stepId?: string | null;
  channel?: string | null;
  aspect?: string | null;
  segment?: string | null;
  signal: {
    kind: CaseSignalKind;
    ref: string;
    summary: string;
    occurredAt: Date;
    ruleId?: string | null;
  };
  priority?: TCasePriority;
  title?: string;
  actorUserId?: string | null;
}

export interface OpenOrAttachResult {
  caseId: string;
  created: boolean;
}

/**
 * Opens a case for the signal, or attaches the signal to the customer's open case of the same
 * journey instance. Idempotent per signal (kind + ref) and race-safe: the unique signal index and
 * the partial unique "one open case" index decide concurrent calls; a loser re-reads the winner.
 * Pass the transaction of the business write: the advisory lock and the outbox messages (webhook
 * events, the first SLA check) belong to it, so they exist exactly when the case does.
 */
export async function openOrAttachCase(
  trx: Db,
  input: CaseSignalInput,
  now: Date = new Date(),
): Promise<OpenOrAttachResult> {
  const ws = input.workspaceId;
  // Serialises concurrent calls for the same signal (inside the caller's transaction).
  await sql`select pg_advisory_xact_lock(hashtext(${`${ws}:${input.signal.kind}:${input.signal.ref}`}))`.execute(
    trx,
  );
  const prior = await signalCase(trx, ws, input.signal.kind, input.signal.ref);
  if (prior) return { caseId: prior, created: false };

  const journeyId = input.journeyId ?? null;
  const instanceKey = input.instanceKey ?? "";
  const open = input.customerId === null ? undefined : await findOpenCase(trx, input);
  if (open) {
    const attached = await attachSignal(trx, open, input, now);
    return { caseId: attached, created: false };
  }

  const caseId = uuidv7(now.getTime());
  const priority = input.priority ?? "normal";
  const stepId =
    input.stepId ??
    (journeyId && input.touchpointId ? await stepOfTouchpoint(trx, ws, journeyId, input.touchpointId) : null);
  const dueAt = await slaDueAt(trx, ws, priority, now);
  // The partial unique index (one open case per customer, journey and instance) settles a race:
  // the loser's insert does nothing and it attaches to the winner's case instead.
  const inserted = await trx
    .insertInto("cases")
    .values({
      id: caseId,
      workspace_id: ws,
      title: (input.title ?? input.signal.summary).slice(0, 300) || "Case",
      customer_id: input.customerId,
      journey_id: journeyId,
      instance_key: instanceKey,
      touchpoint_id: input.touchpointId ?? null,
      step_id: stepId,
      channel: input.channel ?? null,
      aspect: input.aspect ?? null,
      segment: input.segment ?? null,
      status: "new",
      priority,
      opened_at: now,
      due_at: dueAt,
      last_activity_at: now,
      created_by: input.actorUserId ?? null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .expression(sql`workspace_id, customer_id, coalesce(journey_id::text, ''), instance_key`)
        .where(sql.raw<boolean>(OPEN_CASE_PREDICATE))
        .doNothing(),
    )
    .returning("id")
    .executeTakeFirst();
  if (!inserted) {
    const winner = await findOpenCase(trx, input);
    if (!winner) throw new Error("open case vanished during openOrAttachCase");
    return { caseId: await attachSignal(trx, winner, input, now), created: false };
  }

  const actor = actorOf(input);
  await addTimeline(trx, {
    workspaceId: ws,
    caseId,
    at: now,
    ...actor,
    kind: "created",
    data: { priority, title: input.title ?? input.signal.summary },
  });
  await insertSignal(trx, caseId, input, now);
  const routed = await routeCase(trx, {
    workspaceId: ws,
    touchpointId: input.touchpointId ?? null,
    channel: input.channel ?? null,
    aspect: input.aspect ?? null,
    segment: input.segment ?? null,
  });
  await trx
    .updateTable("cases")
    .set({ assignee_user_id: routed.userId, team_id: routed.teamId })
    .where("id", "=", caseId)
    .execute();
  await addTimeline(trx, {
    workspaceId: ws,
    caseId,
    at: now,
    actorType: "system",
    actorId: null,
    kind: "assigned",
    data: { userId: routed.userId, teamId: routed.teamId, reason: routed.reason },
  });
  if (journeyId) await watchJourneyOwner(trx, ws, caseId, journeyId, now);
  await emitCaseEvent(trx, ws, "case.created", caseId, now);
  if (routed.userId || routed.teamId) {
    await emitCaseEvent(trx, ws, "case.assigned", caseId, now);
    await notifyCase(trx, ws, caseId, "case_assigned", routed, input.actorUserId ?? null);
  }
  await scheduleSlaCheck(trx, ws, caseId, dueAt);
  return { caseId, created: true };
}

const actorOf = (input: CaseSignalInput) =>
  input.actorUserId
    ? { actorType: "user" as const, actorId: input.actorUserId }
    : { actorType: "system" as const, actorId: input.signal.ruleId ?? null };

async function signalCase(trx: Db, ws: string, kind: string, ref: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom("case_signals")
    .select("case_id")
    .where("workspace_id", "=", ws)
    .where("kind", "=", kind)
    .where("ref", "=", ref)
    .executeTakeFirst();
  return row?.case_id;
}

async function findOpenCase(trx: Db, input: CaseSignalInput): Promise<string | undefined> {
  if (input.customerId === null) return undefined;
  const row = await trx
    .selectFrom("cases")
    .select("id")
    .where("workspace_id", "=", input.workspaceId)
    .where("customer_id", "=", input.customerId)
    .where(sql<string>`coalesce(journey_id::text, '')`, "=", input.journeyId ?? "")
    .where("instance_key", "=", input.instanceKey ?? "")
    .where("status", "in", CASE_OPEN_STATUSES)
    .executeTakeFirst();
  return row?.id;
}

/** Records the signal once; a concurrent duplicate of the same signal finds the first one's case. */
async function insertSignal(trx: Db, caseId: string, input: CaseSignalInput, now: Date): Promise<boolean> {
  const s = input.signal;
  const row = await trx
    .insertInto("case_signals")
    .values({
      id: uuidv7(now.getTime()),
      workspace_id: input.workspaceId,
      case_id: caseId,
      kind: s.kind,
      ref: s.ref,
      summary: s.summary.slice(0, 2000),
      rule_id: s.ruleId ?? null,
      occurred_at: s.occurredAt,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(["workspace_id", "kind", "ref"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!row) return false;
  await addTimeline(trx, {
    workspaceId: input.workspaceId,
    caseId,
    at: now,
    ...actorOf(input),
    kind: "signal",
    data: {
      signalKind: s.kind,
      ref: s.ref,
      summary: s.summary.slice(0, 2000),
      ruleId: s.ruleId ?? null,
      occurredAt: s.occurredAt.toISOString(),
    },
  });
  return true;
}

async function attachSignal(trx: Db, caseId: string, input: CaseSignalInput, now: Date): Promise<string> {
  if (!(await insertSignal(trx, caseId, input, now))) {
    return (await signalCase(trx, input.workspaceId, input.signal.kind, input.signal.ref)) ?? caseId;
  }
  await trx
    .updateTable("cases")
    .set({ last_activity_at: now, updated_at: now })
    .where("id", "=", caseId)
    .execute();
  return caseId;
}
