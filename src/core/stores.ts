import { join } from "node:path";
import type { StoreConfig } from "./config.js";
import { connectPostgres, openPGlite, type SystemOfRecord } from "./db/connect.js";
import { migrateToLatest } from "./db/migrate.js";
import { identityOnLoad } from "./events/segment-identity.js";
import { type FactsStore, openFacts } from "./facts/client.js";
import { migrateFacts } from "./facts/migrate.js";

/** The two stores every use case works with. */
export interface Stores {
  sor: SystemOfRecord;
  facts: FactsStore;
  /** Reachability of each store, for `/health/ready`. */
  health(): Promise<{ systemOfRecord: boolean; facts: boolean }>;
  close(): Promise<void>;
}

export function combineStores(sor: SystemOfRecord, facts: FactsStore): Stores {
  let closed = false;
  // The embedded ingestion log hands each loaded segment's identity work to the system of record.
  facts.eventLog?.onLoaded(identityOnLoad(sor.db));
  return {
    sor,
    facts,
    async health() {
      const [systemOfRecord, f] = await Promise.all([sor.ping(), facts.ping()]);
      return { systemOfRecord, facts: f };
    },
    async close() {
      if (closed) return;
      closed = true;
      // Facts first: closing the log loads what it holds and enqueues its identity work.
      await Promise.allSettled([facts.close()]);
      await Promise.allSettled([sor.close()]);
    },
  };
}

/** Opens (embedded or served) both stores. Does not migrate; see `migrateStores`. */
export async function openStores(config: StoreConfig): Promise<Stores> {
  const sor = config.databaseUrl
    ? connectPostgres(config.databaseUrl)
    : await openPGlite(join(config.dataDir, "pg"));
  try {
    const facts = await openFacts({
      ...(config.clickhouseUrl ? { url: config.clickhouseUrl } : { path: join(config.dataDir, "ch") }),
      database: config.clickhouseDatabase ?? "journeylens",
    });
    return combineStores(sor, facts);
  } catch (e) {
    await sor.close();
    throw e;
  }
}

export async function migrateStores(stores: Stores): Promise<{ systemOfRecord: string[]; facts: string[] }> {
  const systemOfRecord = await migrateToLatest(stores.sor.db);
  const facts = await migrateFacts(stores.facts);
  return { systemOfRecord, facts };
}
