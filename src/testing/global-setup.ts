import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { connectPostgres, openPGlite } from "../core/db/connect.js";
import { migrateToLatest } from "../core/db/migrate.js";
import { withDatabase } from "./pg-url.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}

/**
 * Migrates one PGlite data directory (initdb costs seconds) and, when TEST_DATABASE_URL is set,
 * one PostgreSQL template database; every test file then clones them cheaply.
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), "jl-test-"));
  const sor = await openPGlite(undefined);
  await migrateToLatest(sor.db);
  const dump = await (
    sor as unknown as { pglite: { dumpDataDir(c: "none"): Promise<Blob> } }
  ).pglite.dumpDataDir("none");
  const templatePath = join(dir, "pglite-template.tar");
  await writeFile(templatePath, Buffer.from(await dump.arrayBuffer()));
  await sor.close();
  project.provide("pgliteTemplate", templatePath);

  const url = process.env.TEST_DATABASE_URL;
  let templateDb: string | null = null;
  if (url) {
    templateDb = `jl_tmpl_${process.pid}_${Date.now()}`;
    const admin = connectPostgres(url, 1);
    const { sql } = await import("kysely");
    await sql.raw(`create database ${templateDb}`).execute(admin.db);
    const tmpl = connectPostgres(withDatabase(url, templateDb), 1);
    await migrateToLatest(tmpl.db);
    await tmpl.close();
    await admin.close();
    console.log(
      `[journeylens tests] running every store test against PostgreSQL server too (${redact(url)})`,
    );
  }
  project.provide("postgresTemplate", templateDb);

  return async () => {
    await rm(dir, { recursive: true, force: true });
    if (url && templateDb) {
      const admin = connectPostgres(url, 1);
      const { sql } = await import("kysely");
      await sql.raw(`drop database if exists ${templateDb} with (force)`).execute(admin.db);
      await admin.close();
    }
  };
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@");
