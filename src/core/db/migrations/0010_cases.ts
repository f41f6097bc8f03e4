import { type Kysely, sql } from "kysely";

// Statements run one by one: PGlite's extended protocol takes a single statement per query.
const statements = [
  // Teams (docs/api/act.md §1): a touchpoint's `owner_team` names one (case-insensitive match on the
  // name, so existing free-text owners keep working). Cases routed to a team go round-robin to its
  // members; `rr_position` counts assignments so the next member follows deterministically.
  `create table teams (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  name text not null,
  lead_user_id uuid references users(id) on delete set null,
  rr_position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
)`,
  `create unique index teams_name on teams(workspace_id, lower(name))`,
  `create table team_members (
  workspace_id uuid not null references workspaces(id) on delete cascade,
  team_id uuid not null references teams(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (team_id, user_id)
)`,
  // Routing rules, tried in position order before the touchpoint owner; empty match fields match all.
  `create table case_routing_rules (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  position integer not null,
  channel text,
  aspect text,
  segment text,
  touchpoint_id uuid references touchpoints(id) on delete cascade,
  target_user_id uuid references users(id) on delete cascade,
  target_team_id uuid references teams(id) on delete cascade,
  created_at timestamptz not null default now(),
  check ((target_user_id is null) <> (target_team_id is null))
)`,
  `create index case_routing_rules_ws on case_routing_rules(workspace_id, position, id)`,
  // SLA minutes per priority, stale reassignment and the follow-up survey trigger per workspace.
  `create table case_settings (
  workspace_id uuid primary key references workspaces(id) on delete cascade,
  sla_minutes jsonb not null,
  stale_minutes integer,
  follow_up_trigger_id uuid references survey_triggers(id) on delete set null,
  updated_at timestamptz not null default now()
)`,
  `create table cases (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  title text not null,
  customer_id text,
  journey_id uuid references journeys(id) on delete set null,
  instance_key text not null default '',
  touchpoint_id uuid references touchpoints(id) on delete set null,
  step_id text,
  channel text,
  aspect text,
  segment text,
  status text not null check (status in ('new','in_progress','waiting_customer','waiting_internal','resolved','closed')),
  priority text not null check (priority in ('low','normal','high','urgent')),
  assignee_user_id uuid references users(id) on delete set null,
  team_id uuid references teams(id) on delete set null,
  escalation_level smallint not null default 0,
  escalated_to_user_id uuid references users(id) on delete set null,
  root_cause text,
  resolution_note text,
  follow_up_invitation_id uuid references survey_invitations(id) on delete set null,
  opened_at timestamptz not null,
  due_at timestamptz not null,
  sla_breached_at timestamptz,
  next_check_at timestamptz,
  last_activity_at timestamptz not null,
  resolved_at timestamptz,
  closed_at timestamptz,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
)`,
  // One open case per customer and journey instance; customer-less cases never deduplicate.
  `create unique index cases_one_open on cases(workspace_id, customer_id, coalesce(journey_id::text, ''), instance_key)
  where status in ('new','in_progress','waiting_customer','waiting_internal') and customer_id is not null`,
  `create index cases_ws on cases(workspace_id, opened_at desc, id)`,
  `create index cases_assignee on cases(workspace_id, assignee_user_id, due_at) where resolved_at is null`,
  `create index cases_journey on cases(workspace_id, journey_id, status)`,
  `create table case_signals (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  case_id uuid not null references cases(id) on delete cascade,
  kind text not null,
  ref text not null,
  summary text not null,
  rule_id text,
  occurred_at timestamptz not null,
  created_at timestamptz not null default now(),
  unique (workspace_id, kind, ref)
)`,
  `create index case_signals_case on case_signals(case_id)`,
  `create table case_watchers (
  workspace_id uuid not null references workspaces(id) on delete cascade,
  case_id uuid not null references cases(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  reason text not null,
  created_at timestamptz not null default now(),
  primary key (case_id, user_id)
)`,
  // The case's full history: every state change, signal and comment, with who did it.
  `create table case_timeline (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  case_id uuid not null references cases(id) on delete cascade,
  at timestamptz not null,
  actor_type text not null check (actor_type in ('user','api_key','system')),
  actor_id text,
  kind text not null,
  data jsonb not null default '{}'
)`,
  `create index case_timeline_case on case_timeline(case_id, at, id)`,
  // Minimal initiatives: a pain point promoted from the case roll-up (the roadmap builds on this).
  `create table initiatives (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  journey_id uuid references journeys(id) on delete set null,
  title text not null,
  description text not null default '',
  status text not null default 'proposed',
  source jsonb not null default '{}',
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
)`,
  `create index initiatives_ws on initiatives(workspace_id, created_at desc, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
