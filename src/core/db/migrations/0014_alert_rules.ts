import { type Kysely, sql } from "kysely";

// Statements run one by one: PGlite's extended protocol takes a single statement per query.
const statements = [
  // Alert rules on KPIs (threshold, change, anomaly) and on emerging topics (docs/api/act.md,
  // "Alert rules"). `parameters` is the kind's shape (src/core/alert-rules/alert-rules.schema.ts);
  // `recipients` ({userIds, teamIds, roles}) is copied into each alert the rule raises.
  // `last_state` is the rule's episode: it fires when going from ok to firing (episode + 1) and again
  // only after it recovered. `schedule_version` and `next_check_at` make stale outbox messages no-ops.
  `create table alert_rules (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  name text not null,
  kind text not null check (kind in ('threshold','change','anomaly','topic')),
  kpi_id uuid references kpis(id) on delete cascade,
  parameters jsonb not null,
  severity text not null default 'warning' check (severity in ('info','warning','critical')),
  recipients jsonb not null default '{}',
  enabled boolean not null default true,
  check_every text not null default 'daily' check (check_every in ('hourly','daily')),
  schedule_version integer not null default 1,
  next_check_at timestamptz,
  last_checked_at timestamptz,
  last_state text not null default 'ok' check (last_state in ('ok','firing')),
  last_value double precision,
  last_result jsonb,
  episode integer not null default 0,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((kind = 'topic') = (kpi_id is null))
)`,
  `create index alert_rules_workspace on alert_rules(workspace_id, id)`,
  `create index alerts_rule on alerts(workspace_id, (details->>'ruleId'), id desc)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
