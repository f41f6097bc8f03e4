import type { Role, Scope } from "../db/schema.js";

export const ROLES: readonly Role[] = ["owner", "admin", "analyst", "agent", "viewer"];
export const SCOPES: readonly Scope[] = ["ingest", "read", "write", "admin"];

const ROLE_RANK: Record<Role, number> = { viewer: 1, agent: 2, analyst: 3, admin: 4, owner: 5 };

/** What each role may do, expressed in API-key scopes so people and keys share one check. */
export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  owner: ["ingest", "read", "write", "admin"],
  admin: ["ingest", "read", "write", "admin"],
  analyst: ["read", "write"],
  agent: ["read", "write"],
  viewer: ["read"],
};

export type Actor =
  | { kind: "user"; userId: string; email: string }
  | { kind: "api_key"; keyId: string; workspaceId: string; scopes: readonly Scope[] }
  /** The local CLI, proven by a token in the data directory: the operator of the installation. */
  | { kind: "system" };

/** An actor's rights in one workspace. */
export interface WorkspaceAccess {
  workspaceId: string;
  actor: Actor;
  scopes: readonly Scope[];
  /** The member's role; undefined for API keys and the system actor. */
  role: Role | undefined;
}

export const hasScope = (access: WorkspaceAccess, scope: Scope): boolean => access.scopes.includes(scope);

/** Nobody can grant more than they have: every requested scope must be one the actor holds. */
export const canGrantScopes = (access: WorkspaceAccess, scopes: readonly Scope[]): boolean =>
  hasScope(access, "admin") && scopes.every((s) => access.scopes.includes(s));

/** Role changes need admin rights and never reach above the actor's own role. */
export function canAssignRole(access: WorkspaceAccess, role: Role): boolean {
  if (!hasScope(access, "admin")) return false;
  if (access.actor.kind === "system") return true;
  if (access.role === undefined) return ROLE_RANK[role] < ROLE_RANK.owner; // admin-scoped key
  return ROLE_RANK[role] <= ROLE_RANK[access.role];
}

/** Changing or removing a member needs a role at least as high as theirs. */
export function canManageMember(access: WorkspaceAccess, memberRole: Role): boolean {
  return canAssignRole(access, memberRole);
}

export const actorId = (actor: Actor): string | null =>
  actor.kind === "user" ? actor.userId : actor.kind === "api_key" ? actor.keyId : null;
