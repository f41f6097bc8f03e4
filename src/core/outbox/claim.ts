import { sql } from "kysely";
import type { Db } from "../db/connect.js";
import type { OutboxRow } from "../db/schema.js";

export interface ClaimOptions {
  workerId: string;
  /** Only these topics; every topic when omitted. */
  topics?: readonly string[] | undefined;
  limit: number;
  /** How long the claim holds before another worker may take the row over. */
  leaseMs: number;
}

/** `ms` milliseconds as an SQL interval, for arithmetic on database time. */
export const millis = (ms: number) =>
  sql<string>`(cast(${Math.round(ms)} as double precision) * interval '1 millisecond')`;

/**
 * Atomically claims up to `limit` due messages: pending ones whose `available_at` has come, and
 * processing ones whose lease expired (their worker died). `SKIP LOCKED` lets concurrent workers on a
 * PostgreSQL server pass over each other's rows instead of waiting or double-claiming; on PGlite (one
 * session) the same statement is simply serialised. Leases use database time so worker clocks don't matter.
 */
export async function claimBatch(db: Db, options: ClaimOptions): Promise<OutboxRow[]> {
  if (!Number.isInteger(options.limit) || options.limit < 1)
    throw new RangeError("claim limit must be a positive integer");
  if (!(options.leaseMs > 0)) throw new RangeError("leaseMs must be positive");
  const topics = options.topics;
  if (topics?.length === 0) return [];
  const rows = await db
    .updateTable("outbox")
    .set((eb) => ({
      status: "processing",
      attempts: eb("attempts", "+", 1),
      locked_by: options.workerId,
      locked_until: sql<Date>`now() + ${millis(options.leaseMs)}`,
      // SET expressions see the old row: a takeover says whose attempt was lost.
      last_error: sql<string | null>`case when outbox.status = 'processing'
        then 'lease expired: worker ' || coalesce(outbox.locked_by, '?') || ' did not finish attempt ' || outbox.attempts
        else outbox.last_error end`,
    }))
    .where("id", "in", (eb) => {
      let due = eb
        .selectFrom("outbox as due")
        .select("due.id")
        .where((w) =>
          w.or([
            w.and([w("due.status", "=", "pending"), w("due.available_at", "<=", sql<Date>`now()`)]),
            w.and([w("due.status", "=", "processing"), w("due.locked_until", "<", sql<Date>`now()`)]),
          ]),
        );
      if (topics) due = due.where("due.topic", "in", topics);
      return due.orderBy("due.available_at").orderBy("due.id").limit(options.limit).forUpdate().skipLocked();
    })
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.available_at.getTime() - b.available_at.getTime() || (a.id < b.id ? -1 : 1));
}
