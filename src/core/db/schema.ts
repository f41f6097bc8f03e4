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

export interface Database {
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  idempotency_keys: IdempotencyKeysTable;
}

export type Workspace = Selectable<WorkspacesTable>;
export type User = Selectable<UsersTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
export type OutboxRow = Selectable<OutboxTable>;
