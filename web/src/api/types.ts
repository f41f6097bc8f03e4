export type Locale = "de" | "en";

export const ROLES = ["owner", "admin", "analyst", "agent", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const API_KEY_SCOPES = ["ingest", "read", "write", "admin"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  locale: Locale;
}

export interface WorkspaceSummary {
  id: string;
  name: string;
  slug: string;
  role: Role;
}

export interface Workspace extends Omit<WorkspaceSummary, "role"> {
  /** The caller's role; `null` only for API keys and the system actor, never for a signed-in person. */
  role: Role | null;
  createdAt: string;
}

/** Response of `POST /auth/login` and `GET /me`. */
export interface Session {
  user: User;
  workspaces: WorkspaceSummary[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface CreatedApiKey {
  apiKey: ApiKey;
  secret: string;
}
