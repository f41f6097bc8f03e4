import type { Db } from "../../db/connect.js";
import { uuidv7 } from "../../ids.js";
import type { TIngestCode } from "../event.schema.js";
import { boundedJson } from "../safe-json.js";

/** Raw payloads are kept up to this size; beyond it the row is marked truncated. */
export const MAX_FAILED_PAYLOAD_BYTES = 64 * 1024;

export interface FailedItem {
  code: TIngestCode;
  message: string;
  messageId: string | null;
  /** The item as parsed (any depth); serialised here, bounded. */
  payload: unknown;
  /** The payload already serialised by `failedPayloadJson` (an ingestion worker sends text, not a deep object). */
  payloadJson?: { text: string; truncated: boolean };
}

/** The bounded JSON text failed_events keeps of a payload. */
export const failedPayloadJson = (payload: unknown) => boundedJson(payload, MAX_FAILED_PAYLOAD_BYTES);

/** Keeps rejected items so nothing is dropped silently; one insert per request. */
export async function recordFailedEvents(
  db: Db,
  workspaceId: string,
  source: "http" | "import" | "replay",
  items: readonly FailedItem[],
  receivedAt: Date,
): Promise<void> {
  if (items.length === 0) return;
  await db
    .insertInto("failed_events")
    .values(
      items.map((item) => {
        const { text, truncated } = item.payloadJson ?? failedPayloadJson(item.payload);
        return {
          id: uuidv7(),
          workspace_id: workspaceId,
          source,
          code: item.code,
          message: item.message,
          message_id: item.messageId?.replaceAll("\u0000", "") ?? null,
          payload: text,
          truncated,
          received_at: receivedAt,
        };
      }),
    )
    .execute();
}
