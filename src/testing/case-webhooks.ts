import { uuidv7 } from "../core/ids.js";
import type { Stores } from "../core/stores.js";

/** A webhook endpoint subscribed to every case event, so case tests can read the queued events. */
export async function subscribeCaseEvents(stores: Stores, workspaceId: string): Promise<void> {
  await stores.sor.db
    .insertInto("webhook_endpoints")
    .values({
      id: uuidv7(),
      workspace_id: workspaceId,
      url: "https://hooks.example.com/cases",
      event_types: JSON.stringify(["case.created", "case.assigned", "case.sla_breached", "case.resolved"]),
      secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    })
    .execute();
}
