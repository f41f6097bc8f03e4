import { sql } from "kysely";
import type { Db } from "../../db/connect.js";
import { enqueue } from "../../outbox/enqueue.js";

export const JOURNEY_INSTANCES_TOPIC = "journeys.instances";
/** New events wait this long before their instances are recomputed, so a busy stream pays one refresh per interval. */
export const INSTANCE_REFRESH_DELAY_MS = 10_000;

/**
 * Enqueues the workspace's journey-instance refresh (`journeys.instances`) unless one is pending: the
 * claim on `journey_instance_state.enqueued_at` is one guarded upsert, so concurrent callers enqueue
 * one message. The handler clears the claim before it starts, so events arriving during a refresh get
 * the next one.
 */
export async function maybeEnqueueInstanceRefresh(
  db: Db,
  workspaceId: string,
  now = new Date(),
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const claimed = await tx
      .insertInto("journey_instance_state")
      .values({ workspace_id: workspaceId, enqueued_at: now })
      .onConflict((oc) =>
        oc
          .column("workspace_id")
          .doUpdateSet({ enqueued_at: now })
          .where("journey_instance_state.enqueued_at", "is", null),
      )
      .returning(sql<number>`1`.as("claimed"))
      .executeTakeFirst();
    if (!claimed) return false;
    await enqueue(tx, {
      workspaceId,
      topic: JOURNEY_INSTANCES_TOPIC,
      payload: {},
      availableAt: new Date(now.getTime() + INSTANCE_REFRESH_DELAY_MS),
    });
    return true;
  });
}

/** Releases the claim, so the next identity batch enqueues the next refresh. */
export async function releaseInstanceRefresh(db: Db, workspaceId: string): Promise<void> {
  await db
    .updateTable("journey_instance_state")
    .set({ enqueued_at: null })
    .where("workspace_id", "=", workspaceId)
    .execute();
}
