import type { OpenAPIHono } from "@hono/zod-openapi";
import { createApiKey } from "../core/auth/create-api-key.js";
import { createSession } from "../core/auth/sessions.js";
import { type AppConfig, defaultAppConfig } from "../core/config.js";
import type { Role, Scope } from "../core/db/schema.js";
import { uuidv7 } from "../core/ids.js";
import type { Stores } from "../core/stores.js";
import { createUser } from "../core/users/create-user.js";
import { addMember } from "../core/workspaces/add-member.js";
import { createWorkspace } from "../core/workspaces/create-workspace.js";
import { resolveAccess } from "../core/workspaces/resolve-access.js";
import { createApp } from "../server/app.js";
import type { AppEnv } from "../server/env.js";

export const SYSTEM_TOKEN = "test-system-token-0123456789";

export function testApp(stores: Stores, config: Partial<AppConfig> = {}): OpenAPIHono<AppEnv> {
  return createApp({ stores, config: defaultAppConfig({ systemToken: SYSTEM_TOKEN, ...config }) });
}

export interface SeededWorkspace {
  workspaceId: string;
  ownerId: string;
  /** Cookie header value of a logged-in owner. */
  ownerCookie: string;
  /** Creates a key with these scopes and returns its secret. */
  key(scopes: Scope[]): Promise<string>;
  /** Adds a member with a role and returns their cookie header value and id. */
  member(role: Role): Promise<{ userId: string; cookie: string }>;
}

/** A workspace with an owner who is logged in, built through the real use cases. */
export async function seedWorkspace(stores: Stores, name = "Acme"): Promise<SeededWorkspace> {
  const { db } = stores.sor;
  const tag = uuidv7().slice(-12);
  const owner = await createUser(db, {
    email: `owner-${tag}@example.com`,
    name: "Owner",
    password: "password-123",
    locale: "en",
  });
  const ws = await createWorkspace(
    db,
    { kind: "user", userId: owner.id, email: owner.email },
    { name: `${name} ${tag}` },
  );
  const cookie = async (userId: string) => `jl_session=${await createSession(db, userId, 3600)}`;
  const ownerAccess = await resolveAccess(db, { kind: "user", userId: owner.id, email: owner.email }, ws.id);
  if (!ownerAccess) throw new Error("owner has no access");
  return {
    workspaceId: ws.id,
    ownerId: owner.id,
    ownerCookie: await cookie(owner.id),
    key: async (scopes) =>
      (await createApiKey({ db, access: ownerAccess }, { name: `key ${scopes.join("+")}`, scopes })).secret,
    member: async (role) => {
      const m = await addMember(
        { db, access: ownerAccess },
        { email: `${role}-${uuidv7().slice(-12)}@example.com`, role, name: role, password: "password-123" },
      );
      return { userId: m.userId, cookie: await cookie(m.userId) };
    },
  };
}

/** Request helper: JSON in, parsed JSON out, with auth as a cookie or a bearer secret. */
export function client(app: OpenAPIHono<AppEnv>) {
  return async (
    method: string,
    path: string,
    opts: { cookie?: string; bearer?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.cookie) headers.cookie = opts.cookie;
    if (opts.bearer) headers.authorization = `Bearer ${opts.bearer}`;
    if (opts.body !== undefined) headers["content-type"] = "application/json";
    const res = await app.request(path, {
      method,
      headers,
      ...(opts.body !== undefined && {
        body: typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body),
      }),
    });
    const text = await res.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    // biome-ignore lint/suspicious/noExplicitAny: test responses are asserted field by field
    return { status: res.status, headers: res.headers, body: body as any };
  };
}
