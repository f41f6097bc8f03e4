import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../core/ids.js";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";

describe.each(storeVariants().map((v) => [v.name, v] as const))("touchpoints API on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let other: SeededWorkspace;
  let call: ReturnType<typeof client>;
  const path = (suffix = "") => `/api/v1/workspaces/${ws.workspaceId}/touchpoints${suffix}`;
  const as = (body?: unknown) => ({ cookie: ws.ownerCookie, ...(body !== undefined && { body }) });

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Stadtwerke");
    other = await seedWorkspace(stores, "Other");
    call = client(testApp(stores));
  });
  afterAll(() => stores.close());

  async function journey(title: string, touchpointIds: (string | null)[]): Promise<string> {
    const id = uuidv7();
    const document = JSON.stringify({
      schemaVersion: 1,
      title,
      stages: [
        {
          id: uuidv7(),
          name: "Service",
          steps: touchpointIds.map((t) => ({ id: uuidv7(), title: "Schritt", touchpointId: t, emotion: -1 })),
        },
      ],
    });
    await stores.sor.db
      .insertInto("journeys")
      .values({
        id,
        workspace_id: ws.workspaceId,
        title,
        persona_id: null,
        owner_user_id: null,
        status: "as_is",
        version: 1,
        document,
        updated_by: null,
      })
      .execute();
    return id;
  }

  it("creates a touchpoint with derived key, owner and an assessed rating, and reads it back", async () => {
    const created = await call(
      "POST",
      path(),
      as({
        name: "Warten auf Rückruf",
        kind: "hidden",
        channel: "phone",
        department: "Kundenservice",
        owner: { type: "user", userId: ws.ownerId },
        tags: ["Wartezeit", "Wartezeit", " Hotline "],
        internalRating: 2.5,
        eventMatchers: [
          { event: "Callback *", where: 'properties.reason = "Störung"' },
          { event: "Call Ended", where: "" },
        ],
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      key: "warten-auf-rueckruf",
      name: "Warten auf Rückruf",
      description: "",
      channel: "phone",
      kind: "hidden",
      department: "Kundenservice",
      owner: { type: "user", userId: ws.ownerId, name: "Owner" },
      tags: ["Wartezeit", "Hotline"],
      signature: false,
      internalRating: { value: 2.5, assessedBy: { userId: ws.ownerId, name: "Owner" } },
      eventMatchers: [
        { event: "Callback *", where: 'properties.reason = "Störung"' },
        { event: "Call Ended" },
      ],
      usedBy: 0,
    });
    const got = await call("GET", path(`/${created.body.id}`), as());
    expect(got.body).toEqual(created.body);
    const again = await call("POST", path(), as({ name: "Warten auf Rückruf" }));
    expect(again.body.key).toBe("warten-auf-rueckruf-2");
    expect(again.body).toMatchObject({ channel: "other", kind: "direct", owner: null, internalRating: null });
    const taken = await call("POST", path(), as({ name: "X", key: "warten-auf-rueckruf" }));
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0].pointer).toBe("/body/key");
    const audit = await stores.sor.db
      .selectFrom("audit_log")
      .select("action")
      .where("target_id", "=", created.body.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["touchpoint.create"]);
  });

  it("answers bad fields with 400 naming each one, and stores nothing", async () => {
    const bad = await call(
      "POST",
      path(),
      as({ name: "", channel: "Web Shop", kind: "sometimes", internalRating: 4.25, tags: ["a,b"] }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      "/body/channel",
      "/body/internalRating",
      "/body/kind",
      "/body/name",
      "/body/tags/0",
    ]);
    const where = await call(
      "POST",
      path(),
      as({ name: "Bestellung", eventMatchers: [{ event: "Order Completed", where: "total >> 3" }] }),
    );
    expect(where.status).toBe(400);
    expect(where.body.errors).toEqual([
      {
        pointer: "/body/eventMatchers/0/where",
        code: "invalid_expression",
        message: expect.stringContaining('unexpected ">" at column 8'),
      },
    ]);
    const emptyEvent = await call(
      "POST",
      path(),
      as({ name: "Bestellung", eventMatchers: [{ event: " " }] }),
    );
    expect(emptyEvent.body.errors[0].pointer).toBe("/body/eventMatchers/0/event");
    const foreignOwner = await call(
      "POST",
      path(),
      as({ name: "Bestellung", owner: { type: "user", userId: other.ownerId } }),
    );
    expect(foreignOwner.status).toBe(400);
    expect(foreignOwner.body.errors[0]).toMatchObject({
      pointer: "/body/owner/userId",
      code: "not_a_member",
    });
    const n = await stores.sor.db
      .selectFrom("touchpoints")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("name", "=", "Bestellung")
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it("patches fields and re-stamps the rating's assessor: the acting user, or null for a key", async () => {
    const tp = (await call("POST", path(), as({ name: "Techniker-Termin", channel: "field_service" }))).body;
    const analyst = await ws.member("analyst");
    const patched = await call("PATCH", path(`/${tp.id}`), {
      cookie: analyst.cookie,
      body: { internalRating: 4, signature: true, owner: { type: "team", name: "Außendienst Süd" } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: "Techniker-Termin",
      signature: true,
      owner: { type: "team", name: "Außendienst Süd" },
      internalRating: { value: 4, assessedBy: { userId: analyst.userId, name: "analyst" } },
    });
    expect(Date.parse(patched.body.internalRating.assessedAt)).toBeGreaterThan(Date.now() - 60_000);
    const key = await ws.key(["read", "write"]);
    const byKey = await call("PATCH", path(`/${tp.id}`), { bearer: key, body: { internalRating: 3.5 } });
    expect(byKey.body.internalRating).toMatchObject({ value: 3.5, assessedBy: null });
    const cleared = await call("PATCH", path(`/${tp.id}`), as({ internalRating: null, department: "" }));
    expect(cleared.body).toMatchObject({ internalRating: null, department: null, signature: true });
    const readOnly = await ws.key(["read"]);
    expect((await call("PATCH", path(`/${tp.id}`), { bearer: readOnly, body: { name: "x" } })).status).toBe(
      403,
    );
  });

  it("answers 404 for another workspace's touchpoint on get, patch and delete", async () => {
    const foreign = await call("POST", `/api/v1/workspaces/${other.workspaceId}/touchpoints`, {
      cookie: other.ownerCookie,
      body: { name: "Fremd" },
    });
    const id = foreign.body.id;
    expect((await call("GET", path(`/${id}`), as())).status).toBe(404);
    expect((await call("PATCH", path(`/${id}`), as({ name: "Meins" }))).status).toBe(404);
    expect((await call("DELETE", path(`/${id}`), as())).status).toBe(404);
    expect((await call("GET", path("/not-a-uuid"), as())).status).toBe(404);
    const still = await call("GET", `/api/v1/workspaces/${other.workspaceId}/touchpoints/${id}`, {
      cookie: other.ownerCookie,
    });
    expect(still.body.name).toBe("Fremd");
  });

  it("refuses to delete a touchpoint in use, naming the journeys; detach makes free moments with a new version", async () => {
    const tp = (await call("POST", path(), as({ name: "Rechnung erhalten", channel: "billing" }))).body;
    const keep = (await call("POST", path(), as({ name: "Zählerstand melden" }))).body;
    const j1 = await journey("Umzug", [tp.id, keep.id, tp.id]);
    const j2 = await journey("Neukunde", [tp.id]);
    expect((await call("GET", path(`/${tp.id}`), as())).body.usedBy).toBe(2);
    const refused = await call("DELETE", path(`/${tp.id}`), as());
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('"Neukunde", "Umzug"');
    expect(refused.body.journeys).toEqual([
      { id: j2, title: "Neukunde" },
      { id: j1, title: "Umzug" },
    ]);
    expect((await call("GET", path(`/${tp.id}`), as())).status).toBe(200);

    expect((await call("DELETE", path(`/${tp.id}?detach=true`), as())).status).toBe(204);
    expect((await call("GET", path(`/${tp.id}`), as())).status).toBe(404);
    const row = await stores.sor.db
      .selectFrom("journeys")
      .select(["version", "document", "updated_by"])
      .where("id", "=", j1)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(2);
    expect(row.updated_by).toBe(ws.ownerId);
    const steps = (
      row.document as { stages: { steps: { touchpointId: string | null; emotion: number }[] }[] }
    ).stages[0]?.steps;
    expect(steps?.map((s) => s.touchpointId)).toEqual([null, keep.id, null]);
    expect(steps?.[0]?.emotion).toBe(-1);
    const revisions = await stores.sor.db
      .selectFrom("journey_revisions")
      .selectAll()
      .where("journey_id", "in", [j1, j2])
      .orderBy("journey_id")
      .execute();
    expect(revisions.map((r) => [r.version, r.author_type, r.author_id, r.summary])).toEqual([
      [2, "user", ws.ownerId, { detachedTouchpoint: tp.id }],
      [2, "user", ws.ownerId, { detachedTouchpoint: tp.id }],
    ]);
    expect((await call("GET", path(`/${keep.id}`), as())).body.usedBy).toBe(1);
  });

  it("bulk-edits all or nothing: one foreign id is a 404 and changes nothing", async () => {
    const a = (await call("POST", path(), as({ name: "Bulk A", tags: ["alt", "x"] }))).body;
    const b = (await call("POST", path(), as({ name: "Bulk B", tags: ["y"] }))).body;
    const foreign = (
      await call("POST", `/api/v1/workspaces/${other.workspaceId}/touchpoints`, {
        cookie: other.ownerCookie,
        body: { name: "Fremd Bulk" },
      })
    ).body;
    const set = { department: "Vertrieb", addTags: ["neu"], removeTags: ["alt"], signature: true };
    const refused = await call("POST", path("/bulk"), as({ ids: [a.id, foreign.id, b.id], set }));
    expect(refused.status).toBe(404);
    expect((await call("GET", path(`/${a.id}`), as())).body).toMatchObject({
      department: null,
      tags: ["alt", "x"],
    });
    const done = await call("POST", path("/bulk"), as({ ids: [a.id, b.id, a.id], set }));
    expect(done.body).toEqual({ updated: 2 });
    expect((await call("GET", path(`/${a.id}`), as())).body).toMatchObject({
      department: "Vertrieb",
      signature: true,
      tags: ["x", "neu"],
    });
    expect((await call("GET", path(`/${b.id}`), as())).body.tags).toEqual(["y", "neu"]);
    const empty = await call("POST", path("/bulk"), as({ ids: [a.id], set: {} }));
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].pointer).toBe("/body/set");
  });

  it("filters, searches and sorts with keyset cursors that walk every row once", async () => {
    const own = await seedWorkspace(stores, "Listen");
    const list = (qs: string) =>
      call("GET", `/api/v1/workspaces/${own.workspaceId}/touchpoints${qs}`, { cookie: own.ownerCookie });
    const mk = (body: object) =>
      call("POST", `/api/v1/workspaces/${own.workspaceId}/touchpoints`, { cookie: own.ownerCookie, body });
    await mk({ name: "delta", channel: "web", tags: ["online"], department: "Vertrieb" });
    await mk({ name: "Alpha", channel: "phone", kind: "hidden", owner: { type: "team", name: "Hotline" } });
    await mk({ name: "charlie", channel: "web", signature: true, description: "mit 100% Rabatt" });
    await mk({
      name: "bravo",
      channel: "store",
      owner: { type: "user", userId: own.ownerId },
      tags: ["online"],
    });
    await mk({ name: "echo", channel: "app", department: "Service" });
    const names = async (qs: string) => (await list(qs)).body.items.map((t: { name: string }) => t.name);
    expect(await names("")).toEqual(["Alpha", "bravo", "charlie", "delta", "echo"]);
    expect(await names("?sort=-name")).toEqual(["echo", "delta", "charlie", "bravo", "Alpha"]);
    expect(await names("?channel=web")).toEqual(["charlie", "delta"]);
    expect(await names("?kind=hidden")).toEqual(["Alpha"]);
    expect(await names("?tag=online")).toEqual(["bravo", "delta"]);
    expect(await names("?signature=true")).toEqual(["charlie"]);
    expect(await names("?owner=Hotline")).toEqual(["Alpha"]);
    expect(await names(`?owner=${own.ownerId}`)).toEqual(["bravo"]);
    expect(await names("?department=Service")).toEqual(["echo"]);
    expect(await names("?q=100%25")).toEqual(["charlie"]);
    expect(await names("?q=ALP")).toEqual(["Alpha"]);
    for (const sort of ["name", "-name", "channel", "kind", "department", "updatedAt", "-updatedAt"]) {
      const all = await names(`?sort=${sort}&limit=100`);
      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: { name: string }[]; nextCursor: string | null } } = await list(
          `?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        );
        walked.push(...res.body.items.map((t) => t.name));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(walked, sort).toEqual(all);
    }
    expect((await names("?sort=channel")).slice(0, 2)).toEqual(["echo", "Alpha"]);
    const first = await list("?sort=name&limit=2");
    const wrongSort = await list(`?sort=channel&cursor=${first.body.nextCursor}`);
    expect(wrongSort.status).toBe(400);
    expect(wrongSort.body.errors[0].pointer).toBe("/query/cursor");
    expect((await list("?sort=owner")).body.errors[0].pointer).toBe("/query/sort");
  });
});
