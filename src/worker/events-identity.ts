import { applyIdentity } from "../core/customers/apply-identity.js";
import { ZIdentityPayload } from "../core/customers/identity-payload.js";
import type { Stores } from "../core/stores.js";
import type { OutboxHandler } from "./outbox-worker.js";

/**
 * `events.identity` (docs/api/observe.md §1–2): stitches the customers of one flushed event batch
 * and mirrors their identities to the facts store. Idempotent, so at-least-once delivery is safe.
 */
export function eventsIdentityHandler(stores: Stores): OutboxHandler {
  return async (row) => {
    const parsed = ZIdentityPayload.safeParse(row.payload);
    if (!parsed.success) throw new Error(`events.identity payload is invalid: ${parsed.error.message}`);
    await applyIdentity(stores, row.workspace_id, parsed.data);
  };
}
