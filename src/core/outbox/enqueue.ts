import type { Db } from "../db/connect.js";
import { uuidv7 } from "../ids.js";

export interface EnqueueInput {
  workspaceId: string;
  topic: string;
  /** Any JSON-serialisable value; handlers receive it parsed. */
  payload: unknown;
  /** Not before this moment; due at once (database time) when omitted. */
  availableAt?: Date | undefined;
}

/**
 * Adds a message to the outbox and returns its id. Pass the transaction of the business write
 * (a Kysely transaction is a `Db`), so the message exists exactly when the write commits. Workers
 * only see it after the commit; call the worker's `wake()` then to skip the poll interval.
 */
export async function enqueue(db: Db, input: EnqueueInput): Promise<string> {
  if (input.topic.length === 0) throw new TypeError("outbox topic must not be empty");
  const payload = JSON.stringify(input.payload);
  if (payload === undefined)
    throw new TypeError(`outbox payload for "${input.topic}" is not JSON-serialisable`);
  const id = uuidv7();
  await db
    .insertInto("outbox")
    .values({
      id,
      workspace_id: input.workspaceId,
      topic: input.topic,
      payload,
      ...(input.availableAt && { available_at: input.availableAt }),
    })
    .execute();
  return id;
}
