import { sql } from "kysely";
import type { Db } from "../../db/connect.js";
import { enqueue } from "../../outbox/enqueue.js";

export const TEXT_EMERGING_TOPIC = "text.emerging";
/** The check is cheap but reads weeks of facts; once an hour per workspace is enough for weekly counts. */
export const EMERGING_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Enqueues the workspace's emerging-topic check (`text.emerging`) unless one was enqueued within
 * the last hour (docs/api/understand.md §5). The claim on `text_settings.emerging_checked_at` is one
 * guarded upsert, so concurrent enrich handlers enqueue one message, not one each.
 */
export async function maybeEnqueueEmergingCheck(db: Db, workspaceId: string, now: Date): Promise<boolean> {
  const cutoff = new Date(now.getTime() - EMERGING_CHECK_INTERVAL_MS);
  return db.transaction().execute(async (tx) => {
    const claimed = await tx
      .insertInto("text_settings")
      .values({ workspace_id: workspaceId, emerging_checked_at: now, updated_at: now })
      .onConflict((oc) =>
        oc
          .column("workspace_id")
          .doUpdateSet({ emerging_checked_at: now })
          .where((eb) =>
            eb.or([
              eb("text_settings.emerging_checked_at", "is", null),
              eb("text_settings.emerging_checked_at", "<=", cutoff),
            ]),
          ),
      )
      .returning(sql<number>`1`.as("claimed"))
      .executeTakeFirst();
    if (!claimed) return false;
    await enqueue(tx, { workspaceId, topic: TEXT_EMERGING_TOPIC, payload: {} });
    return true;
  });
}
