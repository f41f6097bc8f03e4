import { refreshJourneyInstances } from "../core/analytics/instances/refresh.js";
import { releaseInstanceRefresh } from "../core/analytics/instances/schedule.js";
import { maybeEnqueueEventRules } from "../core/case-rules/schedule.js";
import type { Stores } from "../core/stores.js";
import type { OutboxHandler } from "./outbox-worker.js";

/**
 * `journeys.instances` (docs/api/journey-analytics.md §6): brings the workspace's journey instances up
 * to date with the events stored since the last refresh. The pending claim is released first, so events
 * stored while this runs enqueue the next refresh; a failure retries this message.
 */
export function journeysInstancesHandler(stores: Stores): OutboxHandler {
  return async (row) => {
    await releaseInstanceRefresh(stores.sor.db, row.workspace_id);
    await refreshJourneyInstances(stores, row.workspace_id);
    // Stuck rules and journey-linked event rules read the instances: evaluate them now.
    await maybeEnqueueEventRules(stores.sor.db, row.workspace_id, new Date(), 0);
  };
}
