import { checkCaseSla, type SlaPayload } from "../core/cases/sla.js";
import type { Stores } from "../core/stores.js";
import type { OutboxHandler } from "./outbox-worker.js";

/**
 * `cases.sla`: applies a case's SLA (breach, escalation to the team lead then the journey owner,
 * stale reassignment) when its next check falls due, and schedules the one after. `clock` lets
 * tests run it at a fake time.
 */
export function casesSlaHandler(stores: Stores, clock: () => Date = () => new Date()): OutboxHandler {
  return async (message) => {
    await checkCaseSla(stores.sor.db, message.workspace_id, message.payload as SlaPayload, clock());
  };
}
