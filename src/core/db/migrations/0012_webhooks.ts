import { type Kysely, sql } from "kysely";

// Statements run one by one: PGlite's extended protocol takes a single statement per query.
const statements = [
  // Per workspace: whether webhook endpoints may target private/loopback addresses (docs/api/webhooks.md §5).
  // Off unless an owner turns it on; an endpoint must also opt in with its own allow_private flag.
  `create table webhook_settings (
  workspace_id uuid primary key references workspaces(id) on delete cascade,
  allow_private_targets boolean not null default false,
  updated_at timestamptz not null default now()
)`,
  // Outbound webhook endpoints (Standard Webhooks v1). `secret` signs; after a rotation the previous
  // secret keeps signing alongside it until `previous_secret_expires_at` (grace period).
  `create table webhook_endpoints (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  url text not null,
  description text not null default '',
  event_types jsonb not null,
  enabled boolean not null default true,
  disabled_reason text,
  allow_private boolean not null default false,
  secret text not null,
  previous_secret text,
  previous_secret_expires_at timestamptz,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
)`,
  `create index webhook_endpoints_workspace on webhook_endpoints(workspace_id, created_at, id)`,
  // One delivery per (event, endpoint); its id is the `webhook-id`, stable across retries and replays.
  // `body` is the exact JSON sent, so every attempt signs the same bytes.
  `create table webhook_deliveries (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  endpoint_id uuid not null references webhook_endpoints(id) on delete cascade,
  event_id uuid,
  event_type text not null,
  body text not null,
  status text not null check (status in ('pending','succeeded','failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz,
  last_status_code integer,
  last_error text,
  test boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (event_id, endpoint_id)
)`,
  `create index webhook_deliveries_endpoint on webhook_deliveries(workspace_id, endpoint_id, id desc)`,
  `create table webhook_attempts (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  delivery_id uuid not null references webhook_deliveries(id) on delete cascade,
  attempt integer not null,
  trigger text not null check (trigger in ('auto','replay','test')),
  status_code integer,
  error text,
  duration_ms integer not null,
  succeeded boolean not null,
  created_at timestamptz not null default now(),
  unique (delivery_id, attempt)
)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
