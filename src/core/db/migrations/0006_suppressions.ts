import { type Kysely, sql } from "kysely";

// Statements run one by one: PGlite's extended protocol takes a single statement per query.
const statements = [
  // Distinct ids whose events are refused (code `suppressed`) after their customer was erased, so a
  // tracking SDK still sending them cannot bring the person back (docs/api/observe.md §2).
  `create table suppressions (
  workspace_id uuid not null references workspaces(id) on delete cascade,
  distinct_id text not null,
  reason text not null default 'erasure',
  created_by text,
  created_at timestamptz not null default now(),
  primary key (workspace_id, distinct_id)
)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
