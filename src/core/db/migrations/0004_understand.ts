import { type Kysely, sql } from "kysely";

// Statements run one by one: PGlite's extended protocol takes a single statement per query.
const statements = [
  // Per-workspace text analytics settings: the aspect taxonomy (null = the built-in default) and
  // the engine (built-in rules, or an external classifier over HTTP with the built-in as fallback).
  `create table text_settings (
  workspace_id uuid primary key references workspaces(id) on delete cascade,
  taxonomy jsonb,
  provider jsonb not null default '{"kind":"builtin"}',
  version integer not null default 1,
  emerging_checked_at timestamptz,
  updated_at timestamptz not null default now()
)`,
  // The analysis of one feedback record's text. Derived data: re-runnable at any time (backfill).
  // input_hash = sha256 of the analysed text and the settings that shaped the result, so a replay
  // of an unchanged record skips the work; revision orders the facts rows (ReplacingMergeTree).
  `create table feedback_enrichments (
  feedback_id uuid primary key references feedback(id) on delete cascade,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  input_hash text not null,
  engine text not null,
  language text not null check (language in ('de','en','other')),
  sentiment text not null check (sentiment in ('negative','neutral','positive')),
  sentiment_score real not null check (sentiment_score between -1 and 1),
  aspect_keys text[] not null default '{}',
  analysis jsonb not null,
  topic_id uuid,
  revision integer not null default 1,
  enriched_at timestamptz not null default now()
)`,
  `create index feedback_enrichments_workspace on feedback_enrichments(workspace_id, sentiment)`,
  `create index feedback_enrichments_aspects on feedback_enrichments using gin (aspect_keys)`,
  // Answers of an external provider by input, so re-runs and backfills do not pay twice.
  `create table text_provider_cache (
  workspace_id uuid not null references workspaces(id) on delete cascade,
  key text not null,
  result jsonb not null,
  created_at timestamptz not null default now(),
  primary key (workspace_id, key)
)`,
  // Topics discovered among texts no aspect covers (TF-IDF + k-means); one run replaces the last.
  `create table text_topics (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  run_id uuid not null,
  label text not null,
  keywords text[] not null,
  size integer not null,
  sample_feedback_ids uuid[] not null default '{}',
  created_at timestamptz not null default now()
)`,
  `create index text_topics_workspace on text_topics(workspace_id, run_id)`,
  // Re-runs of the enrichment over a workspace's feedback, in id order from a saved cursor.
  `create table text_backfills (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  status text not null check (status in ('running','done','failed','cancelled')),
  total integer not null,
  processed integer not null default 0,
  cursor uuid,
  error text,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz
)`,
  `create index text_backfills_workspace on text_backfills(workspace_id, created_at)`,
  // Alerts for people (emerging topics now; case and metric alerts later). dedupe_key makes raising
  // the same alert twice (e.g. the same surge checked again) a no-op.
  `create table alerts (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  kind text not null,
  dedupe_key text not null,
  severity text not null default 'warning' check (severity in ('info','warning','critical')),
  title text not null,
  details jsonb not null default '{}',
  created_at timestamptz not null default now(),
  acknowledged_at timestamptz,
  acknowledged_by uuid references users(id) on delete set null,
  unique (workspace_id, dedupe_key)
)`,
  `create index alerts_workspace on alerts(workspace_id, created_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
