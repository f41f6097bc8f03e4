import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueue } from "../core/outbox/enqueue.js";
import type { Stores } from "../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../testing/app.js";
import { storeVariants } from "../testing/stores.js";

describe.each(storeVariants().map((v) => [v.name, v] as const))("management API on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let call: ReturnType<typeof client>;

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores);
    call = client(testApp(stores));
  });
  afterAll(() => stores.close());

  const keysPath = () => `/api/v1/workspaces/${ws.workspaceId}/api-keys`;

  it("answers a wrong body with 400 problem+json naming each field", async () => {
    const res = await call("POST", keysPath(), {
      cookie: ws.ownerCookie,
      body: { name: "", scopes: ["root"] },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("x-request-id")).toBe(res.body.requestId);
    const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer).sort();
    expect(pointers).toEqual(["/body/name", "/body/scopes/0"]);
    const count = await stores.sor.db
      .selectFrom("api_keys")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("answers malformed JSON with 400 pointing at the body", async () => {
    const res = await call("POST", keysPath(), { cookie: ws.ownerCookie, body: "{not json" });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].pointer).toBe("/body");
  });

  it("answers an unknown id with 404, and an unknown route with 404", async () => {
    const unknown = await call("DELETE", `${keysPath()}/0193a1c2-7d4e-7f00-8a00-000000000001`, {
      cookie: ws.ownerCookie,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("not_found");
    const malformed = await call("DELETE", `${keysPath()}/not-a-uuid`, { cookie: ws.ownerCookie });
    expect(malformed.status).toBe(404);
    const noWorkspace = await call("GET", "/api/v1/workspaces/0193a1c2-7d4e-7f00-8a00-000000000009", {
      cookie: ws.ownerCookie,
    });
    expect(noWorkspace.status).toBe(404);
    expect((await call("GET", "/api/v1/nothing-here", { cookie: ws.ownerCookie })).status).toBe(404);
  });

  it("answers a missing or invalid key with 401", async () => {
    const missing = await call("GET", keysPath());
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe("unauthenticated");
    const bogus = await call("GET", keysPath(), {
      bearer: "jl_abcdefgh_0000000000000000000000000000000000000000000",
    });
    expect(bogus.status).toBe(401);
  });

  it("answers a key without the scope with 403, and lets a scoped key through", async () => {
    const readKey = await ws.key(["read"]);
    const denied = await call("GET", keysPath(), { bearer: readKey });
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toContain('"admin"');
    const allowed = await call("GET", `/api/v1/workspaces/${ws.workspaceId}`, { bearer: readKey });
    expect(allowed.status).toBe(200);
    expect(allowed.body.id).toBe(ws.workspaceId);
    const basic = await testApp(stores).request(`/api/v1/workspaces/${ws.workspaceId}`, {
      headers: { authorization: `Basic ${Buffer.from(`${readKey}:`).toString("base64")}` },
    });
    expect(basic.status).toBe(200);
  });

  it("answers an oversized body with 413 and stores nothing", async () => {
    const small = client(testApp(stores, { limits: { maxBodyBytes: 1000, rateLimitPerMinute: 1000 } }));
    const res = await small("POST", keysPath(), {
      cookie: ws.ownerCookie,
      body: { name: "x".repeat(2000), scopes: ["read"] },
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe("payload_too_large");
  });

  it("creates a key once-shown, lists it by prefix only, and revocation is immediate", async () => {
    const created = await call("POST", keysPath(), {
      cookie: ws.ownerCookie,
      body: { name: "Shop", scopes: ["read", "ingest"] },
    });
    expect(created.status).toBe(201);
    const { secret, apiKey } = created.body;
    expect(secret).toMatch(/^jl_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    const list = await call("GET", keysPath(), { cookie: ws.ownerCookie });
    const listed = list.body.items.find((k: { id: string }) => k.id === apiKey.id);
    expect(listed).toMatchObject({
      name: "Shop",
      prefix: apiKey.prefix,
      scopes: ["read", "ingest"],
      revokedAt: null,
    });
    expect(JSON.stringify(list.body)).not.toContain(secret);
    const stored = await stores.sor.db
      .selectFrom("api_keys")
      .select("secret_hash")
      .where("id", "=", apiKey.id)
      .executeTakeFirstOrThrow();
    expect(stored.secret_hash).not.toContain(secret.slice(12));

    expect((await call("GET", `/api/v1/workspaces/${ws.workspaceId}`, { bearer: secret })).status).toBe(200);
    const revoked = await call("DELETE", `${keysPath()}/${apiKey.id}`, { cookie: ws.ownerCookie });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await call("GET", `/api/v1/workspaces/${ws.workspaceId}`, { bearer: secret })).status).toBe(401);
  });

  it("refuses expired keys and expiry dates in the past", async () => {
    const past = await call("POST", keysPath(), {
      cookie: ws.ownerCookie,
      body: { name: "old", scopes: ["read"], expiresAt: "2020-01-01T00:00:00Z" },
    });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].pointer).toBe("/body/expiresAt");
    const soon = await call("POST", keysPath(), {
      cookie: ws.ownerCookie,
      body: { name: "soon", scopes: ["read"], expiresAt: new Date(Date.now() + 1500).toISOString() },
    });
    expect(soon.status).toBe(201);
    expect(
      (await call("GET", `/api/v1/workspaces/${ws.workspaceId}`, { bearer: soon.body.secret })).status,
    ).toBe(200);
    await new Promise((r) => setTimeout(r, 1600));
    expect(
      (await call("GET", `/api/v1/workspaces/${ws.workspaceId}`, { bearer: soon.body.secret })).status,
    ).toBe(401);
  });

  it("lets nobody grant more than they have", async () => {
    const writeKeyAdmin = await ws.key(["admin", "read"]);
    const escalate = await call("POST", keysPath(), {
      bearer: writeKeyAdmin,
      body: { name: "more", scopes: ["write"] },
    });
    expect(escalate.status).toBe(403);
    expect(escalate.body.errors[0].pointer).toBe("/body/scopes");
    const same = await call("POST", keysPath(), {
      bearer: writeKeyAdmin,
      body: { name: "same", scopes: ["read"] },
    });
    expect(same.status).toBe(201);

    const admin = await ws.member("admin");
    const members = `/api/v1/workspaces/${ws.workspaceId}/members`;
    const makeOwner = await call("POST", members, {
      cookie: admin.cookie,
      body: { email: "new-owner@example.com", role: "owner", name: "N", password: "password-123" },
    });
    expect(makeOwner.status).toBe(403);
    const demoteOwner = await call("PATCH", `${members}/${ws.ownerId}`, {
      cookie: admin.cookie,
      body: { role: "viewer" },
    });
    expect(demoteOwner.status).toBe(403);
    const analyst = await call("POST", members, {
      cookie: admin.cookie,
      body: { email: "analyst@example.com", role: "analyst", name: "Ana", password: "password-123" },
    });
    expect(analyst.status).toBe(201);
    const viewer = await ws.member("viewer");
    expect((await call("GET", keysPath(), { cookie: viewer.cookie })).status).toBe(403);
    expect((await call("GET", members, { cookie: viewer.cookie })).status).toBe(200);
  });

  it("keeps the last owner", async () => {
    const res = await call("DELETE", `/api/v1/workspaces/${ws.workspaceId}/members/${ws.ownerId}`, {
      cookie: ws.ownerCookie,
    });
    expect(res.status).toBe(409);
  });

  it("writes admin actions to an append-only audit log", async () => {
    const log = await call("GET", `/api/v1/workspaces/${ws.workspaceId}/audit-log?limit=100`, {
      cookie: ws.ownerCookie,
    });
    expect(log.status).toBe(200);
    const actions = log.body.items.map(
      (e: { action: string; outcome: string }) => `${e.action}:${e.outcome}`,
    );
    expect(actions).toContain("api_key.create:success");
    expect(actions).toContain("api_key.revoke:success");
    expect(actions).toContain("api_key.create:denied");
    expect(actions).toContain("member.add:denied");
    expect(actions).toContain("workspace.create:success");
    const entry = log.body.items.find((e: { action: string }) => e.action === "api_key.revoke");
    expect(entry).toMatchObject({ actorType: "user", actorId: ws.ownerId, targetType: "api_key" });
    await expect(stores.sor.db.updateTable("audit_log").set({ action: "x" }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(stores.sor.db.deleteFrom("audit_log").execute()).rejects.toThrow(/append-only/);
  });

  it("paginates with cursors", async () => {
    for (let i = 0; i < 5; i++) await ws.key(["read"]);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const res = await call("GET", `${keysPath()}${q}`, { cookie: ws.ownerCookie });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((k: { id: string }) => k.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const total = await stores.sor.db
      .selectFrom("api_keys")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("workspace_id", "=", ws.workspaceId)
      .executeTakeFirstOrThrow();
    expect(seen.length).toBe(Number(total.n));
    expect(pages).toBe(Math.ceil(seen.length / 2));
    const bad = await call("GET", `${keysPath()}?limit=500`, { cookie: ws.ownerCookie });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe("/query/limit");
    const badCursor = await call("GET", `${keysPath()}?cursor=zzz`, { cookie: ws.ownerCookie });
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors[0].pointer).toBe("/query/cursor");
  });

  it("replays a POST with the same Idempotency-Key and refuses a different body under it", async () => {
    const headers = { "idempotency-key": "create-key-1" };
    const first = await call("POST", keysPath(), {
      cookie: ws.ownerCookie,
      headers,
      body: { name: "idem", scopes: ["read"] },
    });
    const again = await call("POST", keysPath(), {
      cookie: ws.ownerCookie,
      headers,
      body: { name: "idem", scopes: ["read"] },
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.apiKey.id).toBe(first.body.apiKey.id);
    const n = await stores.sor.db
      .selectFrom("api_keys")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("name", "=", "idem")
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
    const other = await call("POST", keysPath(), {
      cookie: ws.ownerCookie,
      headers,
      body: { name: "other", scopes: ["read"] },
    });
    expect(other.status).toBe(422);
    // A failed request is not remembered: the client may fix it and retry under the same key.
    const h2 = { "idempotency-key": "create-key-2" };
    expect(
      (await call("POST", keysPath(), { cookie: ws.ownerCookie, headers: h2, body: { name: "" } })).status,
    ).toBe(400);
    expect(
      (
        await call("POST", keysPath(), {
          cookie: ws.ownerCookie,
          headers: h2,
          body: { name: "ok", scopes: ["read"] },
        })
      ).status,
    ).toBe(201);
  });

  it("rate-limits per key with 429 and Retry-After", async () => {
    const limited = client(testApp(stores, { limits: { maxBodyBytes: 1_000_000, rateLimitPerMinute: 3 } }));
    const key = await ws.key(["read"]);
    const other = await ws.key(["read"]);
    const path = `/api/v1/workspaces/${ws.workspaceId}`;
    for (let i = 0; i < 3; i++) expect((await limited("GET", path, { bearer: key })).status).toBe(200);
    const over = await limited("GET", path, { bearer: key });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await limited("GET", path, { bearer: other })).status).toBe(200);
  });

  it("logs in and out with a session cookie", async () => {
    const member = await ws.member("analyst");
    const row = await stores.sor.db
      .selectFrom("users")
      .select("email")
      .where("id", "=", member.userId)
      .executeTakeFirstOrThrow();
    const wrong = await call("POST", "/api/v1/auth/login", {
      body: { email: row.email, password: "nope-nope" },
    });
    expect(wrong.status).toBe(401);
    const login = await call("POST", "/api/v1/auth/login", {
      body: { email: row.email.toUpperCase(), password: "password-123" },
    });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/jl_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax/);
    const cookie = setCookie.split(";")[0] ?? "";
    const me = await call("GET", "/api/v1/me", { cookie });
    expect(me.body.workspaces).toEqual([expect.objectContaining({ id: ws.workspaceId, role: "analyst" })]);
    const patched = await call("PATCH", "/api/v1/me", { cookie, body: { locale: "fr" } });
    expect(patched.status).toBe(400);
    expect(patched.body.errors[0].pointer).toBe("/body/locale");
    expect((await call("PATCH", "/api/v1/me", { cookie, body: { locale: "en" } })).body.user.locale).toBe(
      "en",
    );
    expect((await call("POST", "/api/v1/auth/logout", { cookie })).status).toBe(204);
    expect((await call("GET", "/api/v1/me", { cookie })).status).toBe(401);
  });

  it("reports readiness, and 503 with Retry-After when a store is unreachable", async () => {
    const ok = await call("GET", "/health/ready");
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ status: "ok", systemOfRecord: true, facts: true });
    expect((await call("GET", "/health/live")).status).toBe(200);
    const down = client(
      testApp({ ...stores, health: async () => ({ systemOfRecord: false, facts: true }) } as Stores),
    );
    const res = await down("GET", "/health/ready");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
  });

  it("shows parked outbox messages to admins and queues them again", async () => {
    const id = await enqueue(stores.sor.db, {
      workspaceId: ws.workspaceId,
      topic: "webhook.deliver",
      payload: { to: "x" },
    });
    await stores.sor.db
      .updateTable("outbox")
      .set({ status: "parked", attempts: 8, last_error: "HTTP 500" })
      .where("id", "=", id)
      .execute();
    const base = `/api/v1/workspaces/${ws.workspaceId}/outbox`;
    const parked = await call("GET", `${base}/parked`, { cookie: ws.ownerCookie });
    expect(parked.body.items).toEqual([
      expect.objectContaining({ id, topic: "webhook.deliver", attempts: 8, lastError: "HTTP 500" }),
    ]);
    const retried = await call("POST", `${base}/${id}/retry`, { cookie: ws.ownerCookie });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id, status: "pending", attempts: 0 });
    expect((await call("POST", `${base}/${id}/retry`, { cookie: ws.ownerCookie })).status).toBe(409);
    expect((await call("GET", `${base}/parked`, { cookie: ws.ownerCookie })).body.items).toEqual([]);
    const viewer = await ws.member("viewer");
    expect((await call("GET", `${base}/parked`, { cookie: viewer.cookie })).status).toBe(403);
  });

  it("lets the system actor create accounts and workspaces, and nobody else", async () => {
    const sys = { bearer: "test-system-token-0123456789" };
    const user = await call("POST", "/api/v1/users", {
      ...sys,
      body: { email: "ops@example.com", name: "Ops", password: "password-123" },
    });
    expect(user.status).toBe(201);
    const dup = await call("POST", "/api/v1/users", {
      ...sys,
      body: { email: "OPS@example.com", name: "Ops", password: "password-123" },
    });
    expect(dup.status).toBe(409);
    expect(
      (
        await call("POST", "/api/v1/users", {
          cookie: ws.ownerCookie,
          body: { email: "x@example.com", name: "X", password: "password-123" },
        })
      ).status,
    ).toBe(403);
    const created = await call("POST", "/api/v1/workspaces", {
      ...sys,
      body: { name: "Ops Co", ownerEmail: "ops@example.com" },
    });
    expect(created.status).toBe(201);
    expect(created.body.slug).toBe("ops-co");
    const key = await ws.key(["admin", "read", "write"]);
    expect((await call("POST", "/api/v1/workspaces", { bearer: key, body: { name: "Nope" } })).status).toBe(
      403,
    );
    const mine = await call("POST", "/api/v1/workspaces", {
      cookie: ws.ownerCookie,
      body: { name: "Zweite Firma" },
    });
    expect(mine.body).toMatchObject({ role: "owner", slug: "zweite-firma" });
  });
});
