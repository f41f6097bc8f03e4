import { type Kysely, sql } from "kysely";

// Statements run one by one: PGlite's extended protocol takes a single statement per query.
const statements = [
  `create table workspaces (
  id uuid primary key,
  name text not null,
  slug text not null unique,
  created_at timestamptz not null default now()
)`,
  `create table users (
  id uuid primary key,
  email text not null unique,
  name text not null,
  password_hash text not null,
  locale text not null default 'de',
  created_at timestamptz not null default now()
)`,
  `create table memberships (
  workspace_id uuid not null references workspaces(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  role text not null check (role in ('owner','admin','analyst','agent','viewer')),
  created_at timestamptz not null default now(),
  primary key (workspace_id, user_id)
)`,
  `create index memberships_user on memberships(user_id)`,
  `create table sessions (
  token_hash text primary key,
  user_id uuid not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
)`,
  `create index sessions_user on sessions(user_id)`,
  `create table api_keys (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  name text not null,
  prefix text not null unique,
  secret_hash text not null,
  scopes jsonb not null,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
)`,
  `create index api_keys_workspace on api_keys(workspace_id, id)`,
  `create table audit_log (
  id uuid primary key,
  workspace_id uuid references workspaces(id) on delete cascade,
  actor_type text not null,
  actor_id text,
  action text not null,
  target_type text not null,
  target_id text,
  outcome text not null check (outcome in ('success','denied','failed')),
  details jsonb not null default '{}',
  request_id text,
  created_at timestamptz not null default now()
)`,
  `create index audit_log_workspace on audit_log(workspace_id, id)`,
  `create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$`,
  `create trigger audit_log_no_update before update on audit_log
  for each row execute function audit_log_append_only()`,
  `create trigger audit_log_no_delete before delete on audit_log
  for each row when (pg_trigger_depth() = 0)
  execute function audit_log_append_only()`,
  `create table outbox (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  topic text not null,
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending','processing','done','parked')),
  attempts integer not null default 0,
  available_at timestamptz not null default now(),
  locked_until timestamptz,
  locked_by text,
  last_error text,
  created_at timestamptz not null default now(),
  completed_at timestamptz
)`,
  `create index outbox_claim on outbox(status, available_at)`,
  `create table idempotency_keys (
  principal text not null,
  key text not null,
  request_hash text not null,
  status_code integer,
  response_body text,
  created_at timestamptz not null default now(),
  primary key (principal, key)
)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
