import { type Kysely, sql } from "kysely";

// Statements run one by one: PGlite's extended protocol takes a single statement per query.
const statements = [
  // In-app notifications, one row per recipient (docs/api/act.md, "Notifications").
  `create table notifications (
  id uuid primary key,
  workspace_id uuid not null references workspaces(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  kind text not null,
  title text not null,
  body text not null default '',
  link text,
  severity text not null default 'info' check (severity in ('info','warning','critical')),
  source_id text,
  created_at timestamptz not null default now(),
  read_at timestamptz
)`,
  `create index notifications_user on notifications(workspace_id, user_id, id desc)`,
  `create index notifications_unread on notifications(workspace_id, user_id, id desc) where read_at is null`,
  // SMTP per workspace. The password is write-only through the API. An enabled workspace without a
  // host of its own sends through the installation's server (JOURNEYLENS_SMTP_URL).
  `create table mail_settings (
  workspace_id uuid primary key references workspaces(id) on delete cascade,
  enabled boolean not null default false,
  host text,
  port integer,
  security text not null default 'starttls' check (security in ('tls','starttls','none')),
  username text,
  password text,
  from_address text,
  updated_at timestamptz not null default now()
)`,
  // Per member: e-mail on/off per notification kind (absent: on) and the digest schedule. A change of
  // frequency bumps digest_version, which turns already scheduled digest messages into no-ops.
  `create table notification_preferences (
  workspace_id uuid not null references workspaces(id) on delete cascade,
  user_id uuid not null references users(id) on delete cascade,
  email_kinds jsonb not null default '{}',
  digest text not null default 'none' check (digest in ('none','daily','weekly')),
  digest_version integer not null default 0,
  last_digest_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (workspace_id, user_id)
)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
