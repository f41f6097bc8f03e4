import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../core/ids.js";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, SYSTEM_TOKEN, seedWorkspace, testApp } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";

describe.each(storeVariants().map((v) => [v.name, v] as const))("text routes on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let call: ReturnType<typeof client>;
  const path = (p: string) => `/api/v1/workspaces/${ws.workspaceId}/text${p}`;
  const owner = (body?: unknown) => ({ cookie: ws.ownerCookie, ...(body !== undefined && { body }) });

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Text");
    call = client(testApp(stores));
  });
  afterAll(() => stores.close());

  it("shows the built-in engine by default; only admins change it, the API key is write-only and audited", async () => {
    expect((await call("GET", path("/settings"), owner())).body).toEqual({
      provider: { kind: "builtin" },
      taxonomyCustom: false,
      version: 1,
    });
    const analyst = await ws.member("analyst");
    const provider = { kind: "http", url: "https://nlp.example.com/v1", apiKey: "sk-secret" };
    const denied = await call("PATCH", path("/settings"), { cookie: analyst.cookie, body: { provider } });
    expect(denied.status).toBe(403);

    const saved = await call("PATCH", path("/settings"), owner({ provider }));
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      provider: { kind: "http", url: "https://nlp.example.com/v1", hasApiKey: true, timeoutMs: 5000 },
      taxonomyCustom: false,
      version: 1,
    });
    expect(JSON.stringify(saved.body)).not.toContain("sk-secret");
    const kept = await call(
      "PATCH",
      path("/settings"),
      owner({ provider: { kind: "http", url: "https://nlp.example.com/v2", timeoutMs: 800 } }),
    );
    expect(kept.body.provider).toEqual({
      kind: "http",
      url: "https://nlp.example.com/v2",
      hasApiKey: true,
      timeoutMs: 800,
    });
    const stored = await stores.sor.db
      .selectFrom("text_settings")
      .select("provider")
      .where("workspace_id", "=", ws.workspaceId)
      .executeTakeFirstOrThrow();
    expect(stored.provider).toMatchObject({ apiKey: "sk-secret" });
    const removed = await call(
      "PATCH",
      path("/settings"),
      owner({ provider: { kind: "http", url: "https://nlp.example.com/v2", apiKey: null } }),
    );
    expect(removed.body.provider.hasApiKey).toBe(false);

    const audit = await stores.sor.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("workspace_id", "=", ws.workspaceId)
      .where("action", "=", "text.settings.update")
      .execute();
    expect(audit).toHaveLength(3);
    expect(JSON.stringify(audit)).not.toContain("sk-secret");
    await call("PATCH", path("/settings"), owner({ provider: { kind: "builtin" } }));
    expect((await call("GET", path("/settings"), owner())).body.provider).toEqual({ kind: "builtin" });
  });

  it("names the failing field of a bad provider and refuses private addresses unless allowed", async () => {
    const bad = async (provider: unknown) =>
      (await call("PATCH", path("/settings"), owner({ provider }))).body.errors?.map(
        (e: { pointer: string }) => e.pointer,
      );
    expect(await bad({ kind: "openai" })).toEqual(["/body/provider/kind"]);
    expect(await bad({ kind: "http", url: "ftp://x.example.com" })).toEqual(["/body/provider/url"]);
    expect(await bad({ kind: "http", url: "https://x.example.com", timeoutMs: 100 })).toEqual([
      "/body/provider/timeoutMs",
    ]);
    const local = await call(
      "PATCH",
      path("/settings"),
      owner({ provider: { kind: "http", url: "http://127.0.0.1:9/x" } }),
    );
    expect(local.status).toBe(400);
    expect(local.body.errors[0]).toMatchObject({ pointer: "/body/provider/url", code: "private_address" });
    const allowed = client(testApp(stores, { webhooks: { allowPrivateAddresses: true, timeoutMs: 1000 } }));
    const ok = await allowed(
      "PATCH",
      path("/settings"),
      owner({ provider: { kind: "http", url: "http://127.0.0.1:9/x" } }),
    );
    expect(ok.status).toBe(200);
    await call("PATCH", path("/settings"), owner({ provider: { kind: "builtin" } }));
  });

  it("analyses a text in the playground with the built-in engine and stores nothing", async () => {
    const res = await call(
      "POST",
      path("/analyze"),
      owner({ text: "The technician never showed up and nobody called back" }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ engine: "builtin/1", language: "en", label: "negative" });
    expect(res.body.aspects.map((a: { aspect: string }) => a.aspect)).toContain("appointment");
    const forced = await call("POST", path("/analyze"), owner({ text: "Top!", language: "en" }));
    expect(forced.body.language).toBe("en");
    const long = await call("POST", path("/analyze"), owner({ text: "x".repeat(20_001) }));
    expect(long.body.errors[0].pointer).toBe("/body/text");
    expect(
      await stores.sor.db
        .selectFrom("feedback_enrichments")
        .select("feedback_id")
        .where("workspace_id", "=", ws.workspaceId)
        .execute(),
    ).toEqual([]);
  });

  it("runs a backfill step by step to the end, returns the running one when started twice, lists newest first", async () => {
    const texts = Array.from({ length: 7 }, (_, i) => ({
      channel: "chat",
      text: `Hotline ${i} nie erreichbar`,
    }));
    await call("POST", `/api/v1/workspaces/${ws.workspaceId}/feedback`, {
      bearer: SYSTEM_TOKEN,
      body: { items: texts },
    });
    const started = await call("POST", path("/backfills"), owner());
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      status: "running",
      total: 7,
      processed: 0,
      finishedAt: null,
      error: null,
    });
    const again = await call("POST", path("/backfills"), owner());
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(started.body.id);

    const step = await call("POST", path(`/backfills/${started.body.id}/step`), owner());
    expect(step.body).toMatchObject({ status: "done", total: 7, processed: 7 });
    expect(step.body.finishedAt).not.toBeNull();
    const after = await call("POST", path(`/backfills/${started.body.id}/step`), owner());
    expect(after.body).toEqual(step.body);
    const enriched = await stores.sor.db
      .selectFrom("feedback_enrichments")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("workspace_id", "=", ws.workspaceId)
      .where(sql<boolean>`aspect_keys @> array['reachability']`)
      .executeTakeFirstOrThrow();
    expect(Number(enriched.n)).toBe(7);

    const second = await call("POST", path("/backfills"), owner());
    expect(second.status).toBe(201);
    const list = await call("GET", path("/backfills"), owner());
    expect(list.body.items.map((b: { id: string }) => b.id)).toEqual([second.body.id, started.body.id]);
    expect((await call("GET", path(`/backfills/${second.body.id}`), owner())).body.status).toBe("running");
    expect((await call("GET", path(`/backfills/${uuidv7()}`), owner())).status).toBe(404);
    expect((await call("POST", path("/backfills/not-a-uuid/step"), owner())).status).toBe(404);
    const viewer = await ws.member("viewer");
    expect((await call("POST", path("/backfills"), { cookie: viewer.cookie })).status).toBe(403);
  });
});
