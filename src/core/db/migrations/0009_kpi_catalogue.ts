import { type Kysely, sql } from "kysely";

// Statements run one by one: PGlite's extended protocol takes a single statement per query.
const statements = [
  // The workspace's KPI catalogue (docs/api/measure-the-gap.md §3): performance KPIs measured from
  // journey instances and brand KPIs measured from feedback. `measure` is the computed measure as JSON
  // (validated by src/core/kpis/kpis.schema.ts); `journey_id` scopes it to one journey.
  `create table kpis (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  key text not null,
  kind text not null check (kind in ('performance','brand')),
  name text not null,
  definition text not null default '',
  measure jsonb not null,
  journey_id uuid references journeys(id) on delete set null,
  unit text not null default '',
  direction text not null check (direction in ('higher','lower')),
  target double precision,
  owner_user_id uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, key)
)`,
  `create index kpis_workspace on kpis(workspace_id, kind, key)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
