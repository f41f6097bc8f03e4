import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { resolveApiKey } from "../../core/auth/api-keys.js";
import { safeEqual } from "../../core/auth/secrets.js";
import { resolveSession } from "../../core/auth/sessions.js";
import type { Scope } from "../../core/db/schema.js";
import { AppError } from "../../core/errors.js";
import { type Actor, hasScope } from "../../core/permissions/index.js";
import { resolveAccess } from "../../core/workspaces/resolve-access.js";
import type { AppEnv } from "../env.js";

export const SESSION_COOKIE = "jl_session";

/** Bearer token, Basic (`key:` as Segment SDKs send it), or the session cookie. */
function credentials(
  c: Context<AppEnv>,
): { kind: "token"; value: string } | { kind: "session"; value: string } | undefined {
  const header = c.req.header("authorization");
  if (header) {
    const [scheme, value = ""] = header.split(/\s+/, 2);
    if (scheme?.toLowerCase() === "bearer" && value) return { kind: "token", value };
    if (scheme?.toLowerCase() === "basic" && value) {
      const decoded = Buffer.from(value, "base64").toString();
      const user = decoded.includes(":") ? decoded.slice(0, decoded.indexOf(":")) : decoded;
      if (user) return { kind: "token", value: user };
    }
    throw new AppError(
      "unauthenticated",
      "The Authorization header is neither a Bearer token nor Basic credentials",
    );
  }
  const session = getCookie(c, SESSION_COOKIE);
  return session ? { kind: "session", value: session } : undefined;
}

/** Resolves who is calling; leaves `actor` undefined for anonymous requests. */
export const resolveActor: MiddlewareHandler<AppEnv> = async (c, next) => {
  const cred = credentials(c);
  let actor: Actor | undefined;
  const { db } = c.get("stores").sor;
  if (cred?.kind === "token") {
    const system = c.get("config").systemToken;
    if (system && safeEqual(cred.value, system)) actor = { kind: "system" };
    else {
      const key = await resolveApiKey(db, cred.value);
      if (!key) throw new AppError("unauthenticated", "The API key is unknown, revoked or expired");
      actor = { kind: "api_key", keyId: key.keyId, workspaceId: key.workspaceId, scopes: key.scopes };
    }
  } else if (cred?.kind === "session") {
    const user = await resolveSession(db, cred.value);
    if (user) {
      actor = { kind: "user", userId: user.id, email: user.email };
      c.set("sessionToken", cred.value);
    }
  }
  c.set("actor", actor);
  await next();
};

export function currentActor(c: Context<AppEnv>): Actor {
  const actor = c.get("actor");
  if (!actor) throw new AppError("unauthenticated", "Log in, or send an API key as a Bearer token");
  return actor;
}

/** Requires an authenticated actor of one of the given kinds. */
export const requireActor =
  (...kinds: Actor["kind"][]): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const actor = currentActor(c);
    if (kinds.length > 0 && !kinds.includes(actor.kind)) {
      throw new AppError(
        "forbidden",
        `This endpoint is not available to ${actor.kind.replace("_", " ")} credentials`,
      );
    }
    await next();
  };

/**
 * Resolves `:workspaceId` for the actor. A workspace the actor cannot see answers 404 (never
 * 403), so foreign workspaces are indistinguishable from missing ones; a missing scope is 403.
 * With alternatives, any one of the scopes is enough (e.g. feedback: `write` or `ingest`).
 */
export const requireWorkspace =
  (scope: Scope, ...alternatives: Scope[]): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const actor = currentActor(c);
    const access = await resolveAccess(c.get("stores").sor.db, actor, c.req.param("workspaceId") ?? "");
    if (!access) throw new AppError("not_found", "Workspace not found");
    const scopes = [scope, ...alternatives];
    if (!scopes.some((s) => hasScope(access, s))) {
      throw new AppError(
        "forbidden",
        `This needs the "${scopes.join('" or "')}" scope; you hold: ${access.scopes.join(", ") || "none"}`,
      );
    }
    c.set("access", access);
    await next();
  };
