import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultAvatarColor, initialsOf } from "../../core/personas/persona-row.js";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";

describe("persona helpers", () => {
  it("derives initials from the first and last word", () => {
    expect(initialsOf("Sparfuchs Sabine")).toBe("SS");
    expect(initialsOf("Dr. Öko Ömer-Lang")).toBe("DL");
    expect(initialsOf("max")).toBe("M");
    expect(initialsOf("  ")).toBe("");
  });
  it("derives the same #rrggbb colour from the same name, whatever its case", () => {
    expect(defaultAvatarColor("Sabine")).toMatch(/^#[0-9a-f]{6}$/);
    expect(defaultAvatarColor("Sabine")).toBe(defaultAvatarColor(" sabine"));
  });
});

describe.each(storeVariants().map((v) => [v.name, v] as const))("personas API on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let other: SeededWorkspace;
  let call: ReturnType<typeof client>;
  const path = (suffix = "") => `/api/v1/workspaces/${ws.workspaceId}/personas${suffix}`;
  const as = (body?: unknown) => ({ cookie: ws.ownerCookie, ...(body !== undefined && { body }) });

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Personas");
    other = await seedWorkspace(stores, "Other");
    call = client(testApp(stores));
  });
  afterAll(() => stores.close());

  it("creates, reads, patches and deletes a persona", async () => {
    const created = await call(
      "POST",
      path(),
      as({
        name: "Sparfuchs Sabine",
        quote: "Keine Überraschungen auf der Rechnung.",
        goals: ["Günstiger Tarif"],
        frustrations: ["Warten auf Rückruf"],
        channels: ["web", "app", "web"],
        segmentRule: ' plan = "basic" and tenure_months >= 24 ',
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      key: "sparfuchs-sabine",
      name: "Sparfuchs Sabine",
      initials: "SS",
      avatarColor: defaultAvatarColor("Sparfuchs Sabine"),
      description: "",
      goals: ["Günstiger Tarif"],
      needs: [],
      channels: ["web", "app"],
      segmentRule: 'plan = "basic" and tenure_months >= 24',
    });
    const id = created.body.id;
    expect((await call("GET", path(`/${id}`), as())).body).toEqual(created.body);
    const patched = await call(
      "PATCH",
      path(`/${id}`),
      as({ name: "Business Bernd", avatarColor: "#AABBCC", segmentRule: "" }),
    );
    expect(patched.body).toMatchObject({
      name: "Business Bernd",
      initials: "BB",
      avatarColor: "#aabbcc",
      segmentRule: null,
      key: "sparfuchs-sabine",
      goals: ["Günstiger Tarif"],
    });
    expect((await call("DELETE", path(`/${id}`), as())).status).toBe(204);
    expect((await call("GET", path(`/${id}`), as())).status).toBe(404);
    const actions = await stores.sor.db
      .selectFrom("audit_log")
      .select("action")
      .where("target_id", "=", id)
      .orderBy("created_at")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["persona.create", "persona.update", "persona.delete"]);
  });

  it("answers a bad segment rule or colour with 400 naming the field and column", async () => {
    const bad = await call("POST", path(), as({ name: "Regel", segmentRule: 'plan = "basic" und age > 3' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      {
        pointer: "/body/segmentRule",
        code: "invalid_expression",
        message: 'unexpected "und" at column 16, expected "and", "or" or the end of the expression',
      },
    ]);
    const colour = await call("POST", path(), as({ name: "Farbe", avatarColor: "red", channels: ["Web!"] }));
    expect(colour.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      "/body/avatarColor",
      "/body/channels/0",
    ]);
    const p = (await call("POST", path(), as({ name: "Patch Regel" }))).body;
    const patch = await call("PATCH", path(`/${p.id}`), as({ segmentRule: "tenure_months >=" }));
    expect(patch.body.errors[0]).toMatchObject({ pointer: "/body/segmentRule", code: "invalid_expression" });
    expect((await call("GET", path(`/${p.id}`), as())).body.segmentRule).toBeNull();
  });

  it("lists by name with q and cursor pages; another workspace's persona is a 404", async () => {
    const own = await seedWorkspace(stores, "Liste");
    const mk = (name: string, description = "") =>
      call("POST", `/api/v1/workspaces/${own.workspaceId}/personas`, {
        cookie: own.ownerCookie,
        body: { name, description },
      });
    await mk("carla");
    await mk("Anton", "Pendler mit Monatskarte");
    await mk("Berta");
    const list = (qs: string) =>
      call("GET", `/api/v1/workspaces/${own.workspaceId}/personas${qs}`, { cookie: own.ownerCookie });
    const page1 = await list("?limit=2");
    expect(page1.body.items.map((p: { name: string }) => p.name)).toEqual(["Anton", "Berta"]);
    const page2 = await list(`?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body).toMatchObject({ items: [{ name: "carla" }], nextCursor: null });
    expect((await list("?q=pendler")).body.items.map((p: { name: string }) => p.name)).toEqual(["Anton"]);
    const foreign = (
      await call("POST", `/api/v1/workspaces/${other.workspaceId}/personas`, {
        cookie: other.ownerCookie,
        body: { name: "Fremd" },
      })
    ).body;
    expect((await call("GET", path(`/${foreign.id}`), as())).status).toBe(404);
    expect((await call("PATCH", path(`/${foreign.id}`), as({ name: "x" }))).status).toBe(404);
    expect((await call("DELETE", path(`/${foreign.id}`), as())).status).toBe(404);
  });

  it("exports JSON and re-imports it unchanged; import upserts by key, all or nothing", async () => {
    const own = await seedWorkspace(stores, "Import");
    const at = (s: string) => `/api/v1/workspaces/${own.workspaceId}/personas${s}`;
    const me = (body?: unknown) => ({ cookie: own.ownerCookie, ...(body !== undefined && { body }) });
    const items = [
      {
        key: "pendler-paul",
        name: "Pendler Paul",
        goals: ["Pünktlich ankommen"],
        segmentRule: "commute_km > 20",
      },
      { name: "Familie Fischer", channels: ["store"], avatarColor: "#123456" },
    ];
    expect((await call("POST", at("/import?dryRun=true"), me(items))).body).toEqual({
      dryRun: true,
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    expect((await call("GET", at(""), me())).body.items).toEqual([]);
    expect((await call("POST", at("/import"), me(items))).body).toMatchObject({
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    const exported = await call("GET", at("/export"), me());
    expect(exported.headers.get("content-disposition")).toBe('attachment; filename="personas.json"');
    expect(exported.body.map((p: { key: string }) => p.key)).toEqual(["familie-fischer", "pendler-paul"]);
    expect((await call("POST", at("/import"), me(exported.body))).body).toEqual({
      dryRun: false,
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    const changed = exported.body.map((p: { key: string }) =>
      p.key === "pendler-paul" ? { ...p, needs: ["WLAN"] } : p,
    );
    expect((await call("POST", at("/import"), me(changed))).body).toMatchObject({ updated: 1, unchanged: 1 });

    const bad = await call(
      "POST",
      at("/import"),
      me([
        { name: "Neu Nora" },
        { key: "pendler-paul", name: "Paul", segmentRule: "a = " },
        { key: "neu-nora", name: "Doppelt" },
      ]),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      "/body/1/segmentRule",
      "/body/2/key",
    ]);
    const names = (await call("GET", at(""), me())).body.items.map((p: { name: string }) => p.name);
    expect(names).toEqual(["Familie Fischer", "Pendler Paul"]);
  });
});
