import { applyIdentity } from "../core/customers/apply-identity.js";
import { ZIdentityPayload } from "../core/customers/identity-payload.js";
import { chTime, type EventRow, TRACK_ONLY_COLUMNS } from "../core/events/event-row.js";
import type { Stores } from "../core/stores.js";

let seq = 0;

/** A stored track event of `ids` at an ISO time (UTC), with a message id unique in this test file. */
export function trackEvent(
  workspaceId: string,
  at: string,
  ids: { userId?: string; anonymousId?: string },
  name: string,
  properties: Record<string, unknown> = {},
  context: Record<string, unknown> = {},
): EventRow {
  const id = `m-${++seq}`;
  const time = chTime(new Date(at));
  return {
    workspace_id: workspaceId,
    message_id: id,
    type: "track",
    event: name,
    customer_id: "",
    user_id: ids.userId ?? "",
    anonymous_id: ids.anonymousId ?? "",
    timestamp: time,
    received_at: time,
    properties: JSON.stringify(properties),
    context: JSON.stringify(context),
    version: 1,
    payload_hash: id,
    ...TRACK_ONLY_COLUMNS,
    source: "http",
    historical: 0,
  };
}

/** Links anonymous `a-1` and user `K-1` into one customer (an identify carrying both ids). */
export async function mergeVisitor(stores: Stores, workspaceId: string, at: string): Promise<void> {
  await applyIdentity(
    stores,
    workspaceId,
    ZIdentityPayload.parse({
      ids: [
        { anonymousId: "a-1", firstSeen: at, lastSeen: at },
        { userId: "K-1", firstSeen: at, lastSeen: at },
      ],
      identifies: [
        { messageId: `identify-${workspaceId}`, userId: "K-1", anonymousId: "a-1", timestamp: at },
      ],
    }),
  );
}
