import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { connectPostgres, openPGlite, type SystemOfRecord } from "../core/db/connect.js";
import { openFacts } from "../core/facts/client.js";
import { migrateFacts } from "../core/facts/migrate.js";
import { combineStores, type Stores } from "../core/stores.js";
import { createDatabaseFromTemplate } from "./postgres-db.js";

export interface StoreVariant {
  name: string;
  /** Fresh, migrated stores for one test file (or one test). */
  open(): Promise<Stores>;
}

const suffix = () => `${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

let template: Blob | undefined;
async function pgliteFromTemplate(): Promise<SystemOfRecord> {
  template ??= new Blob([await readFile(inject("pgliteTemplate"))]);
  return openPGlite(undefined, template);
}

async function postgresFromTemplate(url: string, templateDb: string): Promise<SystemOfRecord> {
  const scratch = await createDatabaseFromTemplate(url, templateDb);
  const sor = connectPostgres(scratch.url, 5);
  return {
    ...sor,
    async close() {
      await sor.close();
      await scratch.drop();
    },
  };
}

/** Facts in this process's chDB engine (one per process), in a database of its own. */
async function freshFacts() {
  const facts = await openFacts({ database: `t_${suffix()}` });
  await migrateFacts(facts);
  return {
    ...facts,
    async close() {
      await facts.command(`DROP DATABASE IF EXISTS ${facts.database}`);
      await facts.close();
    },
  };
}

/**
 * Every configured store combination: PGlite + chDB always, PostgreSQL server + chDB when
 * TEST_DATABASE_URL is set. Use with `describe.each(storeVariants())`.
 */
export function storeVariants(): StoreVariant[] {
  const variants: StoreVariant[] = [
    {
      name: "pglite+chdb",
      open: async () => combineStores(await pgliteFromTemplate(), await freshFacts()),
    },
  ];
  const url = process.env.TEST_DATABASE_URL;
  const templateDb = inject("postgresTemplate");
  if (url && templateDb) {
    variants.push({
      name: "postgres+chdb",
      open: async () => combineStores(await postgresFromTemplate(url, templateDb), await freshFacts()),
    });
  }
  return variants;
}
