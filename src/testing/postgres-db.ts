import { sql } from "kysely";
import { connectPostgres } from "../core/db/connect.js";
import { withDatabase } from "./pg-url.js";

export interface ScratchDatabase {
  name: string;
  /** URL of the new database, for another process to connect to. */
  url: string;
  drop(): Promise<void>;
}

/** A fresh database on the TEST_DATABASE_URL server, cloned from the migrated template. */
export async function createDatabaseFromTemplate(
  serverUrl: string,
  templateDb: string,
): Promise<ScratchDatabase> {
  const name = `jl_t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = connectPostgres(serverUrl, 1);
  try {
    await sql.raw(`create database ${name} template ${templateDb}`).execute(admin.db);
  } finally {
    await admin.close();
  }
  return {
    name,
    url: withDatabase(serverUrl, name),
    async drop() {
      const dropper = connectPostgres(serverUrl, 1);
      try {
        await sql.raw(`drop database if exists ${name} with (force)`).execute(dropper.db);
      } finally {
        await dropper.close();
      }
    },
  };
}
