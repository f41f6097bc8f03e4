import { type Kysely, sql } from "kysely";

// Statements run one by one: PGlite's extended protocol takes a single statement per query.
const statements = [
  `create table touchpoints (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  key text not null,
  name text not null,
  description text not null default '',
  channel text not null,
  kind text not null check (kind in ('direct','indirect','hidden')),
  department text,
  owner_user_id uuid references users(id) on delete set null,
  owner_team text,
  tags jsonb not null default '[]',
  signature boolean not null default false,
  internal_rating numeric(2,1) check (internal_rating between 1 and 5),
  internal_rating_by uuid references users(id) on delete set null,
  internal_rating_at timestamptz,
  event_matchers jsonb not null default '[]',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, key)
)`,
  `create index touchpoints_workspace on touchpoints(workspace_id, id)`,
  `create table personas (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  key text not null,
  name text not null,
  quote text not null default '',
  description text not null default '',
  avatar_color text not null default '#4f46e5',
  goals jsonb not null default '[]',
  needs jsonb not null default '[]',
  frustrations jsonb not null default '[]',
  channels jsonb not null default '[]',
  segment_rule text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, key)
)`,
  `create index personas_workspace on personas(workspace_id, id)`,
  `create table journeys (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  title text not null,
  scenario text not null default '',
  persona_id uuid references personas(id) on delete set null,
  owner_user_id uuid references users(id) on delete set null,
  status text not null check (status in ('draft','as_is','to_be','archived')),
  version integer not null,
  document jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid references users(id) on delete set null
)`,
  `create index journeys_workspace on journeys(workspace_id, id)`,
  `create table journey_revisions (
  journey_id uuid not null references journeys(id) on delete cascade,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  version integer not null,
  document jsonb not null,
  author_type text not null,
  author_id text,
  summary jsonb not null default '{}',
  created_at timestamptz not null default now(),
  primary key (journey_id, version)
)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
