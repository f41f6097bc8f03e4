import { type Kysely, sql } from "kysely";

// Statements run one by one: PGlite's extended protocol takes a single statement per query.
const statements = [
  // The SLA clock stops while a case waits for the customer (docs/api/act.md §3): when it started
  // waiting, and how long it has waited before, so a later priority change keeps the pauses.
  `alter table cases add column sla_paused_at timestamptz`,
  `alter table cases add column sla_paused_ms bigint not null default 0`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
