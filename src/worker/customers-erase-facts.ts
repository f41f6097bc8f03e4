import { z } from "zod";
import { eraseFacts } from "../core/customers/erase-customer.js";
import type { Stores } from "../core/stores.js";
import type { OutboxHandler } from "./outbox-worker.js";

const ZPayload = z.object({ distinctIds: z.array(z.string().min(1)).max(100_000) });

/** `customers.erase-facts`: deletes an erased customer's events and identity mirror (idempotent). */
export function customersEraseFactsHandler(stores: Stores): OutboxHandler {
  return async (row) => {
    const parsed = ZPayload.safeParse(row.payload);
    if (!parsed.success) throw new Error(`customers.erase-facts payload is invalid: ${parsed.error.message}`);
    await eraseFacts(stores.facts, row.workspace_id, parsed.data.distinctIds);
  };
}
