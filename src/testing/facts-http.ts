import { type FactsStore, openFacts } from "../core/facts/client.js";
import { migrateFacts } from "../core/facts/migrate.js";
import { combineStores } from "../core/stores.js";
import { startClickHouseHttp } from "./clickhouse-http.js";
import { type StoreVariant, storeVariants } from "./stores.js";

const suffix = () => `${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

/**
 * Migrated facts in a database of their own over the HTTP transport: to `url` (a real ClickHouse
 * server) or, without one, to a ClickHouse HTTP interface served by this process's chDB engine.
 */
export async function openHttpFacts(url?: string): Promise<FactsStore> {
  const shim = url ? undefined : await startClickHouseHttp();
  try {
    const facts = await openFacts({ url: url ?? shim?.url, database: `t_http_${suffix()}` });
    await migrateFacts(facts);
    return {
      ...facts,
      async close() {
        try {
          await facts.command(`DROP DATABASE IF EXISTS ${facts.database}`);
          await facts.close();
        } finally {
          await shim?.close();
        }
      },
    };
  } catch (e) {
    await shim?.close();
    throw e;
  }
}

/**
 * The first store variant's system of record with facts over HTTP: the in-process ClickHouse HTTP
 * interface always, and a real ClickHouse server when TEST_CLICKHOUSE_URL is set
 * (e.g. `TEST_CLICKHOUSE_URL=http://localhost:8123`; each test file uses its own database there).
 */
export function httpFactsVariants(): StoreVariant[] {
  const [base] = storeVariants();
  if (!base) return [];
  const variant = (name: string, url?: string): StoreVariant => ({
    name,
    async open() {
      // HTTP facts first: the shim then holds the engine's data directory while the base stores'
      // chDB facts open and close, so the engine never has to rebind to a new directory.
      const facts = await openHttpFacts(url);
      try {
        const stores = await base.open();
        await stores.facts.close();
        return combineStores(stores.sor, facts);
      } catch (e) {
        await facts.close();
        throw e;
      }
    },
  });
  const variants = [variant(`${base.name.split("+")[0]}+clickhouse-http(chdb)`)];
  const serverUrl = process.env.TEST_CLICKHOUSE_URL;
  if (serverUrl) variants.push(variant(`${base.name.split("+")[0]}+clickhouse-server`, serverUrl));
  return variants;
}
