import { type Kysely, sql } from "kysely";

// Statements run one by one: PGlite's extended protocol takes a single statement per query.
const statements = [
  // Events the ingestion API or an import rejected, with their raw payload (bounded), so nothing is
  // silently dropped: admins list them and replay them once the cause is fixed.
  `create table failed_events (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  source text not null check (source in ('http','import','replay')),
  code text not null,
  message text not null,
  message_id text,
  payload text not null,
  truncated boolean not null default false,
  status text not null default 'failed' check (status in ('failed','replayed')),
  received_at timestamptz not null default now(),
  replayed_at timestamptz
)`,
  `create index failed_events_workspace on failed_events(workspace_id, received_at)`,
  // One row per person, stitched from their ids; a merged customer points at the survivor.
  `create table customers (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  traits jsonb not null default '{}',
  consent jsonb,
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  merged_into uuid references customers(id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
)`,
  `create index customers_workspace on customers(workspace_id, last_seen)`,
  // Distinct ids (user:…, anon:…, email:<sha256>, phone:<sha256>, crm:…) → customer.
  `create table customer_identities (
  workspace_id uuid not null references workspaces(id) on delete cascade,
  distinct_id text not null,
  customer_id uuid not null references customers(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (workspace_id, distinct_id)
)`,
  `create index customer_identities_customer on customer_identities(customer_id)`,
  `create table customer_merges (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  from_customer uuid not null,
  into_customer uuid not null,
  reason text not null,
  message_id text,
  merged_at timestamptz not null default now()
)`,
  `create index customer_merges_workspace on customer_merges(workspace_id, merged_at)`,
  `create table customer_trait_changes (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  customer_id uuid not null references customers(id) on delete cascade,
  trait text not null,
  value jsonb,
  changed_at timestamptz not null,
  message_id text
)`,
  `create index customer_trait_changes_customer on customer_trait_changes(customer_id, changed_at)`,
  // Resumable event-log imports: how far a file got, committed after each durable chunk.
  `create table event_imports (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  file_fingerprint text not null,
  format text not null,
  mapping jsonb not null,
  status text not null check (status in ('running','done','failed')),
  rows_read integer not null default 0,
  accepted integer not null default 0,
  duplicates integer not null default 0,
  rejected integer not null default 0,
  error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, file_fingerprint)
)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
