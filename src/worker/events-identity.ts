import { maybeEnqueueInstanceRefresh } from "../core/analytics/instances/schedule.js";
import { maybeEnqueueEventRules } from "../core/case-rules/schedule.js";
import { applyIdentity } from "../core/customers/apply-identity.js";
import { type TIdentityPayload, ZIdentityPayload } from "../core/customers/identity-payload.js";
import type { OutboxRow } from "../core/db/schema.js";
import type { Stores } from "../core/stores.js";
import type { OutboxHandler } from "./outbox-worker.js";

function payloadOf(row: OutboxRow): TIdentityPayload {
  const parsed = ZIdentityPayload.safeParse(row.payload);
  if (!parsed.success) throw new Error(`events.identity payload is invalid: ${parsed.error.message}`);
  return parsed.data;
}

/** A message of a log segment whose pairs were all sent before: it only schedules the refreshes. */
const isEmpty = (p: TIdentityPayload) => p.ids.length + p.identifies.length + p.aliases.length === 0;

/**
 * `events.identity` (docs/api/observe.md §1–2): stitches the customers of one flushed event batch
 * and mirrors their identities to the facts store. Idempotent, so at-least-once delivery is safe.
 * Several claimed messages of a workspace are applied as one (steps still run in time order), so a
 * busy ingestion pays one identity transaction per poll rather than one per flush. Every batch means
 * new events, so it also schedules the workspace's journey-instance refresh (at most one pending).
 */
export function eventsIdentityHandler(stores: Stores): OutboxHandler {
  const one: OutboxHandler = async (row) => {
    const payload = payloadOf(row);
    if (!isEmpty(payload)) await applyIdentity(stores, row.workspace_id, payload);
    await maybeEnqueueInstanceRefresh(stores.sor.db, row.workspace_id);
    await maybeEnqueueEventRules(stores.sor.db, row.workspace_id);
  };
  one.many = async (rows) => {
    const byWorkspace = new Map<string, TIdentityPayload>();
    for (const row of rows) {
      const p = payloadOf(row);
      const merged = byWorkspace.get(row.workspace_id);
      if (!merged) byWorkspace.set(row.workspace_id, p);
      else {
        merged.ids.push(...p.ids);
        merged.identifies.push(...p.identifies);
        merged.aliases.push(...p.aliases);
      }
    }
    for (const [workspaceId, payload] of byWorkspace) {
      if (!isEmpty(payload)) await applyIdentity(stores, workspaceId, payload);
      await maybeEnqueueInstanceRefresh(stores.sor.db, workspaceId);
      await maybeEnqueueEventRules(stores.sor.db, workspaceId);
    }
  };
  return one;
}
