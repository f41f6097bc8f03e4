import { type Kysely, sql } from "kysely";

// Statements run one by one: PGlite's extended protocol takes a single statement per query.
const statements = [
  // Where the incremental journey-instance refresh of a workspace stands (docs/api/journey-analytics.md
  // §6): events and identity changes inserted into the facts store after `watermark` are still to be
  // processed; `definitions` holds a hash per journey of what its instances were computed from, so a
  // changed map or matcher rebuilds that journey; `enqueued_at` claims the one pending refresh message.
  `create table journey_instance_state (
  workspace_id uuid primary key references workspaces(id) on delete cascade,
  watermark timestamptz,
  definitions jsonb not null default '{}',
  enqueued_at timestamptz,
  refreshed_at timestamptz,
  last_result jsonb
)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
