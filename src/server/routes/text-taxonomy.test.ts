import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../core/stores.js";
import { DEFAULT_TAXONOMY } from "../../core/text/aspects/default-taxonomy.js";
import { loadTaxonomy } from "../../core/text/aspects/get-taxonomy.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";
import { insertEnrichedFeedback } from "../../testing/text-enrichments.js";
import { generateTopicTexts } from "../../testing/topic-texts.js";

const trains = {
  key: "trains",
  label: { de: "Züge", en: "Trains" },
  keywords: { de: [" ICE* ", "Zug  fällt aus"], en: ["train*"] },
};

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "text taxonomy API on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let call: ReturnType<typeof client>;
    const path = `/api/v1/workspaces/{ws}/text/taxonomy`;
    const url = () => path.replace("{ws}", ws.workspaceId);

    beforeAll(async () => {
      stores = await variant.open();
      ws = await seedWorkspace(stores, "Taxonomy");
      call = client(testApp(stores));
    });
    afterAll(() => stores.close());

    it("serves the default, saves a custom taxonomy with a version check, and resets it", async () => {
      const initial = await call("GET", url(), { cookie: ws.ownerCookie });
      expect(initial.status).toBe(200);
      expect(initial.body).toEqual({ version: 1, custom: false, aspects: DEFAULT_TAXONOMY.aspects });

      const saved = await call("PUT", url(), {
        cookie: ws.ownerCookie,
        body: { version: 1, aspects: [trains] },
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toEqual({
        version: 2,
        custom: true,
        aspects: [{ ...trains, keywords: { de: ["ice*", "zug fällt aus"], en: ["train*"] }, enabled: true }],
      });
      const loaded = await loadTaxonomy(stores.sor.db, ws.workspaceId);
      expect(loaded).toMatchObject({ version: 2, custom: true });
      expect(loaded.taxonomy.aspects.map((a) => a.key)).toEqual(["trains"]);

      const stale = await call("PUT", url(), { cookie: ws.ownerCookie, body: { version: 1, aspects: [] } });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ currentVersion: 2 });

      const reset = await call("DELETE", url(), { cookie: ws.ownerCookie });
      expect(reset.body).toEqual({ version: 3, custom: false, aspects: DEFAULT_TAXONOMY.aspects });
      const again = await call("DELETE", url(), { cookie: ws.ownerCookie });
      expect(again.body.version).toBe(3);

      const audit = await stores.sor.db
        .selectFrom("audit_log")
        .select(["action", "details"])
        .where("workspace_id", "=", ws.workspaceId)
        .where("action", "like", "text.taxonomy.%")
        .orderBy("id")
        .execute();
      expect(audit).toEqual([
        { action: "text.taxonomy.update", details: { version: 2, aspects: ["trains"] } },
        { action: "text.taxonomy.reset", details: { version: 3 } },
      ]);
    });

    it("names the failing field and enforces the limits", async () => {
      const bad = async (aspects: unknown[]) =>
        call("PUT", url(), { cookie: ws.ownerCookie, body: { version: 0, aspects } });
      const ok = (i: number) => ({ ...trains, key: `aspect_${i}` });
      const pointers = async (aspects: unknown[]) =>
        ((await bad(aspects)).body.errors as { pointer: string }[]).map((e) => e.pointer);

      const wildcard = { ...trains, keywords: { de: ["a", "b", "mi*tte"], en: [] } };
      expect(await pointers([ok(0), ok(1), ok(2), wildcard])).toEqual(["/body/aspects/3/keywords/de/2"]);
      expect(await pointers([{ ...trains, keywords: { de: ["*both*"], en: ["two *words"] } }])).toEqual([
        "/body/aspects/0/keywords/de/0",
        "/body/aspects/0/keywords/en/0",
      ]);
      expect(await pointers([{ ...trains, keywords: { de: ["x".repeat(61)], en: ["  "] } }])).toEqual([
        "/body/aspects/0/keywords/de/0",
        "/body/aspects/0/keywords/en/0",
      ]);
      expect(await pointers([ok(0), ok(0)])).toEqual(["/body/aspects/1/key"]);
      expect(await pointers([{ ...trains, key: "Bad Key" }])).toEqual(["/body/aspects/0/key"]);
      expect(await pointers(Array.from({ length: 61 }, (_, i) => ok(i)))).toEqual(["/body/aspects"]);
      const many = Array.from({ length: 201 }, (_, i) => `wort${i}`);
      expect(await pointers([{ ...trains, keywords: { de: many, en: [] } }])).toEqual([
        "/body/aspects/0/keywords/de",
      ]);
    });

    it("needs the write scope to change the taxonomy", async () => {
      const viewer = await ws.member("viewer");
      expect((await call("GET", url(), { cookie: viewer.cookie })).status).toBe(200);
      expect(
        (await call("PUT", url(), { cookie: viewer.cookie, body: { version: 3, aspects: [] } })).status,
      ).toBe(403);
      expect((await call("DELETE", url(), { cookie: viewer.cookie })).status).toBe(403);
      const readKey = await ws.key(["read"]);
      expect((await call("PUT", url(), { bearer: readKey, body: { version: 3, aspects: [] } })).status).toBe(
        403,
      );
      const writeKey = await ws.key(["read", "write"]);
      expect((await call("PUT", url(), { bearer: writeKey, body: { version: 3, aspects: [] } })).status).toBe(
        200,
      );
    });
  },
);

describe.each(storeVariants().map((v) => [v.name, v] as const))("text topics API on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let call: ReturnType<typeof client>;
  const url = (suffix: string) => `/api/v1/workspaces/${ws.workspaceId}/text/topics${suffix}`;

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Topics API");
    call = client(testApp(stores));
    for (const g of generateTopicTexts(6)) await insertEnrichedFeedback(stores.sor.db, ws.workspaceId, g);
  });
  afterAll(() => stores.close());

  it("has no run at first, discovers one (write) and serves it", async () => {
    expect((await call("GET", url(""), { cookie: ws.ownerCookie })).body).toEqual({
      runId: null,
      createdAt: null,
      items: [],
    });
    const viewer = await ws.member("viewer");
    expect((await call("POST", url("/discover"), { cookie: viewer.cookie, body: {} })).status).toBe(403);
    const bad = await call("POST", url("/discover"), {
      cookie: ws.ownerCookie,
      body: { k: 1, from: "soon" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      "/body/from",
      "/body/k",
    ]);

    const run = await call("POST", url("/discover"), { cookie: ws.ownerCookie, body: {} });
    expect(run.status).toBe(200);
    expect(run.body.items).toHaveLength(4);
    expect(run.body.items[0]).toEqual({
      id: expect.any(String),
      label: expect.any(String),
      keywords: expect.any(Array),
      size: 6,
      sampleFeedbackIds: expect.any(Array),
    });
    expect((await call("GET", url(""), { cookie: viewer.cookie })).body).toEqual(run.body);
  });
});
