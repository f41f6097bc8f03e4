import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

export type Role = "owner" | "admin" | "analyst" | "agent" | "viewer";
export type Scope = "ingest" | "read" | "write" | "admin";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface WorkspacesTable {
  id: string;
  name: string;
  slug: string;
  created_at: Timestamp;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: string;
  created_at: Timestamp;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiKeysTable {
  id: string;
  workspace_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  scopes: Json<Scope[]>;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export type AuditOutcome = "success" | "denied" | "failed";

export interface AuditLogTable {
  id: string;
  workspace_id: string | null;
  actor_type: "user" | "api_key" | "system";
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  outcome: AuditOutcome;
  details: Json<Record<string, unknown>>;
  request_id: string | null;
  created_at: Timestamp;
}

export type OutboxStatus = "pending" | "processing" | "done" | "parked";

export interface OutboxTable {
  id: Generated<string>;
  workspace_id: string;
  topic: string;
  payload: Json<unknown>;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  available_at: Timestamp;
  locked_until: Timestamp | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: Timestamp;
  completed_at: Timestamp | null;
}

export interface IdempotencyKeysTable {
  principal: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  created_at: Timestamp;
}

export type TouchpointKind = "direct" | "indirect" | "hidden";

export interface TouchpointsTable {
  id: string;
  workspace_id: string;
  /** Stable natural key (slug), unique per workspace: imports upsert by it. */
  key: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  channel: string;
  kind: TouchpointKind;
  department: string | null;
  owner_user_id: string | null;
  owner_team: string | null;
  tags: Json<string[]>;
  signature: ColumnType<boolean, boolean | undefined, boolean>;
  /** numeric(2,1): PostgreSQL returns it as a string. */
  internal_rating: ColumnType<string | null, number | null | undefined, number | null>;
  internal_rating_by: string | null;
  internal_rating_at: Timestamp | null;
  event_matchers: Json<unknown[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonasTable {
  id: string;
  workspace_id: string;
  key: string;
  name: string;
  quote: ColumnType<string, string | undefined, string>;
  description: ColumnType<string, string | undefined, string>;
  avatar_color: ColumnType<string, string | undefined, string>;
  goals: Json<string[]>;
  needs: Json<string[]>;
  frustrations: Json<string[]>;
  channels: Json<string[]>;
  segment_rule: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type JourneyStatus = "draft" | "as_is" | "to_be" | "archived";

export interface JourneysTable {
  id: string;
  workspace_id: string;
  title: string;
  scenario: ColumnType<string, string | undefined, string>;
  persona_id: string | null;
  owner_user_id: string | null;
  status: JourneyStatus;
  version: number;
  document: Json<unknown>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface JourneyRevisionsTable {
  journey_id: string;
  workspace_id: string;
  version: number;
  document: Json<unknown>;
  author_type: "user" | "api_key" | "system";
  author_id: string | null;
  summary: Json<Record<string, unknown>>;
  created_at: Timestamp;
}

export interface Database {
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  idempotency_keys: IdempotencyKeysTable;
  touchpoints: TouchpointsTable;
  personas: PersonasTable;
  journeys: JourneysTable;
  journey_revisions: JourneyRevisionsTable;
}

export type Workspace = Selectable<WorkspacesTable>;
export type User = Selectable<UsersTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
export type OutboxRow = Selectable<OutboxTable>;
