import { type Kysely, sql } from "kysely";

// Statements run one by one: PGlite's extended protocol takes a single statement per query.
const statements = [
  // Rules that open cases from signals (docs/api/act.md, "Case rules"): `kind` says which signals a
  // rule reads, `condition` holds its kind's zod-validated condition; `priority` is the priority of the
  // cases it opens; touchpoint and journey route and scope them.
  `create table case_rules (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  name text not null,
  kind text not null check (kind in ('feedback', 'event', 'repeat_contacts', 'stuck')),
  condition jsonb not null,
  enabled boolean not null default true,
  priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
  touchpoint_id uuid,
  journey_id uuid,
  created_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
)`,
  `create index case_rules_workspace on case_rules (workspace_id, kind) where enabled`,
  // Where the incremental evaluation of event-based rules stands per workspace: events inserted into
  // the facts store after `event_watermark` are still to be read; `enqueued_at` and
  // `pending_message_id` claim the one pending `cases.rules.events` message.
  `create table case_rule_state (
  workspace_id uuid primary key references workspaces(id) on delete cascade,
  event_watermark timestamptz,
  enqueued_at timestamptz,
  pending_message_id uuid,
  evaluated_at timestamptz,
  last_result jsonb
)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
