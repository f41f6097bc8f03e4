import type { Db } from "../db/connect.js";
import type { SegmentHandler } from "../facts/event-log.js";
import { enqueueIdentityWork, type IdentityRow, IdentityWorkSet, SentRanges } from "./identity-work.js";

/**
 * The identity work of the embedded store's ingestion log (ADR 0010): the event writer notes each
 * flush's identity work on its append, and once a segment is loaded this handler enqueues the
 * segment's work (`events.identity`), one transaction per segment instead of one per flush. A segment
 * a dead process left carries no notes: its work is read back from its file. Every workspace with
 * rows in the segment gets a message, an empty one if all its pairs were sent already, so the
 * handler still schedules its journey-instance refresh and event rules.
 */
export function identityOnLoad(db: Db, options: { sentRanges?: number } = {}): SegmentHandler {
  const sent = new SentRanges(options.sentRanges ?? 200_000);
  return async ({ source, notes, query }) => {
    const work = new IdentityWorkSet();
    if (notes) {
      for (const note of notes) if (note instanceof IdentityWorkSet) work.merge(note);
    } else {
      work.addRows(
        await query<IdentityRow>(
          `SELECT workspace_id, message_id, type, user_id, anonymous_id, previous_id,
                  toString(timestamp) AS timestamp, if(type = 'identify', traits, '{}') AS traits, consent
           FROM ${source}`,
        ),
      );
    }
    await enqueueIdentityWork(db, work, sent, { everyWorkspace: true });
  };
}
