import { sql } from "kysely";
import type { Db } from "../db/connect.js";
import type { OutboxRow } from "../db/schema.js";
import { type Backoff, defaultBackoff } from "./backoff.js";
import { millis } from "./claim.js";

export const DEFAULT_MAX_ATTEMPTS = 8;

export interface RetryPolicy {
  /** Attempts (claims) before a failing message is parked; 8 when omitted. */
  maxAttempts?: number | undefined;
  /** Delay in ms before the next attempt, given the attempt that just failed. */
  backoff?: Backoff | undefined;
}

/** "lost": the lease was no longer ours (another worker took over), so nothing changed. */
export type FailOutcome = "retry" | "parked" | "lost";

const MAX_ERROR_CHARS = 4_000;

/** Error text for `last_error`: the stack when there is one, bounded, without NUL (invalid in `text`). */
export function describeError(error: unknown): string {
  let text: string;
  if (error instanceof Error) text = error.stack ?? `${error.name}: ${error.message}`;
  else if (typeof error === "string") text = error;
  else {
    try {
      text = JSON.stringify(error) ?? String(error);
    } catch {
      text = String(error);
    }
  }
  text = text.replaceAll("\u0000", "");
  return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS)}… (truncated)` : text;
}

/**
 * Records a failed attempt of a claimed message: back to pending after a backoff (database time),
 * or parked with the error once `attempts` reaches `maxAttempts`, where it waits for an admin.
 */
export async function fail(
  db: Db,
  row: Pick<OutboxRow, "id" | "attempts">,
  workerId: string,
  error: unknown,
  policy: RetryPolicy = {},
): Promise<FailOutcome> {
  const maxAttempts = policy.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const park = row.attempts >= maxAttempts;
  const delayMs = park ? 0 : Math.max(0, (policy.backoff ?? defaultBackoff)(row.attempts));
  const result = await db
    .updateTable("outbox")
    .set({
      status: park ? "parked" : "pending",
      ...(!park && { available_at: sql<Date>`now() + ${millis(delayMs)}` }),
      locked_until: null,
      last_error: describeError(error),
    })
    .where("id", "=", row.id)
    .where("status", "=", "processing")
    .where("locked_by", "=", workerId)
    .where("attempts", "=", row.attempts)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) return "lost";
  return park ? "parked" : "retry";
}
