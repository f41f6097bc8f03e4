import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as m0001 from "./migrations/0001_foundation.js";
import * as m0002 from "./migrations/0002_journey_design.js";
import * as m0003 from "./migrations/0003_listen.js";
import * as m0004 from "./migrations/0004_understand.js";
import * as m0005 from "./migrations/0005_observe.js";
import * as m0006 from "./migrations/0006_suppressions.js";
import * as m0007 from "./migrations/0007_journey_instances.js";
import * as m0008 from "./migrations/0008_assessment_rounds.js";
import * as m0009 from "./migrations/0009_kpi_catalogue.js";
import * as m0010 from "./migrations/0010_cases.js";
import * as m0011 from "./migrations/0011_case_rules.js";
import * as m0012 from "./migrations/0012_webhooks.js";
import * as m0013 from "./migrations/0013_notifications.js";
import * as m0014 from "./migrations/0014_alert_rules.js";
import * as m0015 from "./migrations/0015_case_sla_pause.js";
import type { Database } from "./schema.js";

/** Ordered migrations of the system of record. Append only; never edit a released one. */
const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_journey_design": m0002,
  "0003_listen": m0003,
  "0004_understand": m0004,
  "0005_observe": m0005,
  "0006_suppressions": m0006,
  "0007_journey_instances": m0007,
  "0008_assessment_rounds": m0008,
  "0009_kpi_catalogue": m0009,
  "0010_cases": m0010,
  "0011_case_rules": m0011,
  "0012_webhooks": m0012,
  "0013_notifications": m0013,
  "0014_alert_rules": m0014,
  "0015_case_sla_pause": m0015,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new Error(`System-of-record migration failed: ${String(error)}`, { cause: error });
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
