import type { FactsStore } from "./client.js";
import { factsMigrations } from "./migrations.js";

/** Applies pending facts migrations in order and records each in `{db}.schema_migrations`. */
export async function migrateFacts(facts: FactsStore): Promise<string[]> {
  const db = facts.database;
  await facts.command(
    `CREATE TABLE IF NOT EXISTS ${db}.schema_migrations (name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
     ENGINE = ReplacingMergeTree ORDER BY name`,
  );
  const done = new Set(
    (await facts.query<{ name: string }>(`SELECT name FROM ${db}.schema_migrations FINAL`)).map(
      (r) => r.name,
    ),
  );
  const applied: string[] = [];
  for (const migration of factsMigrations) {
    if (done.has(migration.name)) continue;
    for (const statement of migration.statements) await facts.command(statement.replaceAll("{db}", db));
    await facts.insert("schema_migrations", [{ name: migration.name }]);
    applied.push(migration.name);
  }
  return applied;
}
