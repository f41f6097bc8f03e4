import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { PGliteDialect } from "./pglite-dialect.js";
import type { Database } from "./schema.js";

export type Db = Kysely<Database>;

export interface SystemOfRecord {
  db: Db;
  kind: "pglite" | "postgres";
  /** True when `SELECT 1` succeeds. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** PostgreSQL server by URL. */
export function connectPostgres(url: string, poolSize = 10): SystemOfRecord {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server must not crash the process; queries report the failure.
  pool.on("error", () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: "postgres", ping: () => ping(db), close: () => db.destroy() };
}

/** PGlite in `dir` (created when missing), or in memory when `dir` is undefined. */
export async function openPGlite(dir: string | undefined, loadDataDir?: Blob): Promise<SystemOfRecord> {
  if (dir) await mkdir(dir, { recursive: true });
  const pgl = await PGlite.create(dir, loadDataDir ? { loadDataDir } : {});
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pgl) });
  return {
    db,
    kind: "pglite",
    ping: () => ping(db),
    close: async () => {
      await db.destroy();
      await pgl.close();
    },
    ...{ pglite: pgl },
  };
}

async function ping(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
