import { z } from "zod";
import { eraseFacts } from "../core/customers/erase-customer.js";
import type { Stores } from "../core/stores.js";
import type { OutboxHandler } from "./outbox-worker.js";

const ZPayload = z.object({
  distinctIds: z.array(z.string().min(1)).max(100_000),
  /** Absent in messages written before feedback was erased too. */
  feedbackIds: z.array(z.uuid()).max(1_000_000).default([]),
});

/** `customers.erase-facts`: deletes an erased customer's events, feedback facts and identity mirror (idempotent). */
export function customersEraseFactsHandler(stores: Stores): OutboxHandler {
  return async (row) => {
    const parsed = ZPayload.safeParse(row.payload);
    if (!parsed.success) throw new Error(`customers.erase-facts payload is invalid: ${parsed.error.message}`);
    await eraseFacts(stores.facts, row.workspace_id, parsed.data.distinctIds, parsed.data.feedbackIds);
  };
}
