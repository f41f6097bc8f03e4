import { type AppConfig, defaultAppConfig } from "../core/config.js";
import type { Stores } from "../core/stores.js";
import { outboxHandlers } from "../worker/handlers.js";
import { createOutboxWorker, type RunCounts } from "../worker/outbox-worker.js";

const silent = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * Loads what the ingestion log holds, then runs the real outbox handlers until nothing is due, as
 * the server's worker would; fails when a message is retried or parked, so a test never reads facts
 * that silently failed to arrive.
 */
export async function drainOutbox(
  stores: Stores,
  config: AppConfig = defaultAppConfig(),
): Promise<RunCounts> {
  const worker = createOutboxWorker({
    db: stores.sor.db,
    handlers: outboxHandlers(stores, config),
    logger: silent,
    batchSize: 50,
  });
  // Events still in the embedded ingestion log enqueue their identity work once loaded.
  await stores.facts.eventLog?.barrier();
  const total: RunCounts = { claimed: 0, done: 0, retried: 0, parked: 0, lost: 0 };
  for (let i = 0; i < 200; i++) {
    const counts = await worker.runOnce();
    for (const k of Object.keys(total) as (keyof RunCounts)[]) total[k] += counts[k];
    if (counts.retried + counts.parked + counts.lost > 0)
      throw new Error(`outbox message failed: ${JSON.stringify(counts)}`);
    if (counts.claimed === 0) return total;
  }
  throw new Error("the outbox did not drain");
}
