import { type Kysely, sql } from "kysely";

// Statements run one by one: PGlite's extended protocol takes a single statement per query.
const statements = [
  // Inside-out assessment rounds (docs/api/measure-the-gap.md §2): a CX manager asks the touchpoint
  // owners of one journey (journey_id set) or of the whole register (journey_id null) to rate their
  // touchpoints as a customer would. Rounds are kept after closing so the gap can be tracked over time.
  // `reminder_relay` is an optional mail relay `{ url, secret }` (as e-mail survey triggers use).
  `create table assessment_rounds (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  title text not null,
  scope text not null check (scope in ('journey','register')),
  journey_id uuid references journeys(id) on delete set null,
  status text not null check (status in ('open','closed')),
  created_by uuid references users(id) on delete set null,
  due_at timestamptz,
  reminder_relay jsonb,
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  closed_by uuid references users(id) on delete set null
)`,
  `create index assessment_rounds_workspace on assessment_rounds(workspace_id, created_at desc, id)`,
  // One assessment per touchpoint in scope, owned by the touchpoint's owner (else the round's creator;
  // null when a key created the round and the touchpoint has no owner: only admins can answer it).
  // rating: 1–5 on the customer's scale; predicted_value: CSAT % (0–100) or NPS (−100–100).
  `create table assessments (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  round_id uuid not null references assessment_rounds(id) on delete cascade,
  touchpoint_id uuid not null references touchpoints(id) on delete cascade,
  owner_user_id uuid references users(id) on delete set null,
  rating smallint check (rating between 1 and 5),
  predicted_metric text check (predicted_metric in ('csat','nps')),
  predicted_value numeric(4,1),
  comment text not null default '',
  answered_at timestamptz,
  answered_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  unique (round_id, touchpoint_id)
)`,
  `create index assessments_round on assessments(workspace_id, round_id)`,
  `create index assessments_owner on assessments(workspace_id, owner_user_id) where answered_at is null`,
  // One row per reminder sent to one owner; the outbox message carries its id.
  `create table assessment_reminders (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  round_id uuid not null references assessment_rounds(id) on delete cascade,
  user_id uuid references users(id) on delete set null,
  open_count integer not null,
  channel text not null check (channel in ('email','alert')),
  status text not null check (status in ('scheduled','sent','failed')),
  error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
)`,
  `create index assessment_reminders_round on assessment_reminders(workspace_id, round_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
