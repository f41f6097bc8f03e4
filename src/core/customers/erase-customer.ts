import { sql } from "kysely";
import { recordAudit } from "../audit/record-audit.js";
import { eraseCaseCustomer } from "../cases/erase-case-customer.js";
import { AppError } from "../errors.js";
import type { ReportContext } from "../metrics/report-context.js";
import { enqueue } from "../outbox/enqueue.js";
import { hasScope } from "../permissions/index.js";
import { findCustomer } from "./customer-row.js";
import { eraseCustomerFeedback } from "./erase-feedback.js";
import { eventsOf } from "./get-customer.js";
import { forgetSuppressions } from "./suppressions.js";

/** Outbox topic that deletes an erased customer's events and identity mirror from the facts store. */
export const ERASE_FACTS_TOPIC = "customers.erase-facts";

const ERASE_AGAIN_MS = 60_000;

export interface ErasedCustomer {
  customerId: string;
  /** Customers merged into it, erased with it. */
  merged: number;
  /** Distinct ids now suppressed. */
  suppressedIds: number;
  /** Feedback records (survey responses, unsolicited feedback) of those ids, deleted. */
  feedback: number;
}

/**
 * Erases a customer (DSGVO Art. 17; docs/api/observe.md §2): its profile, traits and their history,
 * ids, merge records and the customers merged into it go in one transaction under the workspace's
 * identity lock; its distinct ids become suppressions, so events still sent for them are refused
 * (`suppressed`) instead of recreating the person; the facts (events, identity mirror) are deleted by
 * the `customers.erase-facts` outbox message, at least once. Its cases stay, without the customer
 * link and the quoted signal texts (`eraseCaseCustomer`). Its feedback records go too (SoR now, facts
 * with the events).
 */
export async function eraseCustomer(ctx: ReportContext, id: string): Promise<ErasedCustomer> {
  const ws = ctx.access.workspaceId;
  if (!hasScope(ctx.access, "admin"))
    throw new AppError("forbidden", "Erasing a customer needs the admin role");
  const result = await ctx.db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`identity:${ws}`}, 0))`.execute(tx);
    const survivor = await findCustomer(tx, ws, id);
    const members = await tx
      .selectFrom("customers")
      .select("id")
      .where("workspace_id", "=", ws)
      .where((eb) => eb.or([eb("id", "=", survivor.id), eb("merged_into", "=", survivor.id)]))
      .execute();
    const customerIds = members.map((m) => m.id);
    const ids = (
      await tx
        .selectFrom("customer_identities")
        .select("distinct_id")
        .where("workspace_id", "=", ws)
        .where("customer_id", "in", customerIds)
        .execute()
    ).map((r) => r.distinct_id);
    if (ids.length > 0)
      await tx
        .insertInto("suppressions")
        .values(
          ids.map((distinct_id) => ({
            workspace_id: ws,
            distinct_id,
            reason: "erasure",
            created_by: ctx.access.actor.kind === "user" ? ctx.access.actor.userId : null,
          })),
        )
        .onConflict((oc) => oc.columns(["workspace_id", "distinct_id"]).doNothing())
        .execute();
    await tx
      .deleteFrom("customer_merges")
      .where("workspace_id", "=", ws)
      .where((eb) => eb.or([eb("from_customer", "in", customerIds), eb("into_customer", "in", customerIds)]))
      .execute();
    // Trait history and ids go with the rows (on delete cascade); merged ones first (they point at it).
    await tx.deleteFrom("customers").where("merged_into", "=", survivor.id).execute();
    await tx.deleteFrom("customers").where("id", "=", survivor.id).execute();
    await eraseCaseCustomer(tx, ws, customerIds);
    const feedbackIds = await eraseCustomerFeedback(tx, ws, ids);
    // Twice: now, and a minute later for events that passed the suppression check just before this
    // commit and were still on their way into the facts store.
    for (const delay of [0, ERASE_AGAIN_MS])
      await enqueue(tx, {
        workspaceId: ws,
        topic: ERASE_FACTS_TOPIC,
        payload: { distinctIds: ids, feedbackIds },
        ...(delay > 0 && { availableAt: new Date(Date.now() + delay) }),
      });
    await recordAudit(tx, {
      workspaceId: ws,
      actor: ctx.access.actor,
      action: "customer.erase",
      targetType: "customer",
      targetId: survivor.id,
      outcome: "success",
      // Counts only: the audit log must not keep what was erased.
      details: { customers: customerIds.length, ids: ids.length, feedback: feedbackIds.length },
      requestId: ctx.requestId,
    });
    return {
      customerId: survivor.id,
      merged: customerIds.length - 1,
      suppressedIds: ids.length,
      feedback: feedbackIds.length,
    };
  });
  forgetSuppressions();
  return result;
}

/** Deletes the facts of erased ids: their events, feedback rows and the identity mirror. Idempotent. */
export async function eraseFacts(
  facts: ReportContext["facts"],
  workspaceId: string,
  distinctIds: readonly string[],
  feedbackIds: readonly string[] = [],
): Promise<void> {
  const db = facts.database;
  // Mutations that wait until done, so the message completes only once the rows are gone.
  const settings = "SETTINGS mutations_sync = 2";
  for (const table of ["feedback", "feedback_text"]) {
    if (feedbackIds.length === 0) break;
    await facts.command(
      `ALTER TABLE ${db}.${table} DELETE WHERE workspace_id = {ws:UUID} AND feedback_id IN {ids:Array(UUID)} ${settings}`,
      { ws: workspaceId, ids: feedbackIds },
    );
  }
  if (distinctIds.length === 0) return;
  const events = eventsOf(distinctIds);
  await facts.command(`ALTER TABLE ${db}.events DELETE WHERE ${events.where} ${settings}`, {
    ws: workspaceId,
    ...events.params,
  });
  // Journey instances are keyed by unit: the customer (read from the mirror before it goes) or a raw id.
  const customers = await facts.query<{ id: string }>(
    `SELECT DISTINCT toString(customer_id) AS id FROM ${db}.customer_identities
      WHERE workspace_id = {ws:UUID} AND distinct_id IN {ids:Array(String)}`,
    { ws: workspaceId, ids: distinctIds },
  );
  await facts.command(
    `ALTER TABLE ${db}.journey_instances DELETE WHERE workspace_id = {ws:UUID} AND unit IN {units:Array(String)}
      ${settings}`,
    { ws: workspaceId, units: [...distinctIds, ...customers.map((c) => c.id)] },
  );
  await facts.command(
    `ALTER TABLE ${db}.customer_identities DELETE WHERE workspace_id = {ws:UUID}
       AND distinct_id IN {ids:Array(String)} ${settings}`,
    { ws: workspaceId, ids: distinctIds },
  );
}
