import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../core/ids.js";
import fixture from "../../core/journeys/fixtures/journey-v1.json" with { type: "json" };
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { insertPersona, insertTouchpoint, journeyInput } from "../../testing/journeys.js";
import { storeVariants } from "../../testing/stores.js";

describe.each(storeVariants().map((v) => [v.name, v] as const))("journeys API on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let other: SeededWorkspace;
  let call: ReturnType<typeof client>;
  let tp: string;
  let foreignTp: string;
  let persona: string;

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Stadtwerke");
    other = await seedWorkspace(stores, "Fremd");
    call = client(testApp(stores));
    tp = await insertTouchpoint(stores, ws.workspaceId, { name: "Website", ownerTeam: "Digital" });
    foreignTp = await insertTouchpoint(stores, other.workspaceId, { name: "Fremd" });
    persona = await insertPersona(stores, ws.workspaceId, "Sparfüchsin Sabine");
  });
  afterAll(() => stores.close());

  const path = (suffix = "") => `/api/v1/workspaces/${ws.workspaceId}/journeys${suffix}`;
  const create = (document: unknown, cookie = ws.ownerCookie) =>
    call("POST", path(), { cookie, body: { document } });
  const count = async (table: "journeys" | "journey_revisions") =>
    Number(
      (
        await stores.sor.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("creates version 1 with generated ids, a first revision and an audit entry", async () => {
    const res = await create({
      ...journeyInput("Tarifwechsel", {
        Information: ["Tarife vergleichen", { title: "Beratung", touchpointId: tp }],
      }),
      scenario: "repeat_purchase",
      personaId: persona,
      ownerId: ws.ownerId,
    });
    expect(res.status).toBe(201);
    const { id, version, document, updatedBy } = res.body;
    expect(version).toBe(1);
    expect(updatedBy).toEqual({ type: "user", id: ws.ownerId, name: "Owner" });
    expect(document).toMatchObject({
      schemaVersion: 1,
      title: "Tarifwechsel",
      status: "draft",
      personaId: persona,
    });
    expect(document.stages[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      document.stages[0].steps.map((s: { title: string; touchpointId: string }) => [s.title, s.touchpointId]),
    ).toEqual([
      ["Tarife vergleichen", null],
      ["Beratung", tp],
    ]);
    expect((await call("GET", path(`/${id}`), { cookie: ws.ownerCookie })).body).toEqual(res.body);
    const revisions = await call("GET", path(`/${id}/revisions`), { cookie: ws.ownerCookie });
    expect(revisions.body.items).toEqual([
      {
        version: 1,
        author: { type: "user", id: ws.ownerId, name: "Owner" },
        createdAt: expect.any(String),
        summary: {
          stagesAdded: 1,
          stagesRemoved: 0,
          stepsAdded: 2,
          stepsRemoved: 0,
          stepsChanged: 0,
          stepsMoved: 0,
        },
      },
    ]);
    const audit = await stores.sor.db
      .selectFrom("audit_log")
      .select(["action", "target_id"])
      .where("workspace_id", "=", ws.workspaceId)
      .where("action", "like", "journey.%")
      .execute();
    expect(audit).toEqual([{ action: "journey.create", target_id: id }]);
  });

  it("answers an invalid document with 400 naming each field, and stores nothing", async () => {
    const before = await count("journeys");
    const res = await create({
      title: "",
      stages: [{ name: "A", steps: [{ title: "x", emotion: 5, customerRating: 6 }] }],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      "/body/document/stages/0/steps/0/customerRating",
      "/body/document/stages/0/steps/0/emotion",
      "/body/document/title",
    ]);
    expect(await count("journeys")).toBe(before);
  });

  it("refuses references outside the workspace with 400 naming the step, and duplicate ids", async () => {
    const stepId = uuidv7();
    const res = await create({
      ...journeyInput("Fremde Bezüge", {
        Kauf: [
          "eins",
          { title: "zwei", touchpointId: tp },
          { title: "drei", touchpointId: foreignTp },
          { id: stepId, title: "vier" },
        ],
        Nutzung: [{ id: stepId, title: "fünf" }],
      }),
      personaId: await insertPersona(stores, other.workspaceId, "Fremde Persona"),
      ownerId: other.ownerId,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code])).toEqual([
      ["/body/document/personaId", "unknown_persona"],
      ["/body/document/ownerId", "not_a_member"],
      ["/body/document/stages/0/steps/2/touchpointId", "unknown_touchpoint"],
      ["/body/document/stages/1/steps/0/id", "duplicate_id"],
    ]);
    expect(res.body.errors[2].message).toContain('step "drei"');
  });

  it("answers 404 for other workspaces' journeys and malformed ids", async () => {
    const foreign = await create(journeyInput("Geheim", {}), other.ownerCookie);
    const theirs = await call("POST", `/api/v1/workspaces/${other.workspaceId}/journeys`, {
      cookie: other.ownerCookie,
      body: { document: journeyInput("Geheim", {}) },
    });
    expect(foreign.status).toBe(404);
    expect(theirs.status).toBe(201);
    for (const [method, suffix, body] of [
      ["GET", `/${theirs.body.id}`, undefined],
      ["PUT", `/${theirs.body.id}`, { baseVersion: 1, document: journeyInput("Meins", {}) }],
      ["DELETE", `/${theirs.body.id}`, undefined],
      ["GET", `/${theirs.body.id}/revisions/1`, undefined],
      ["GET", "/not-a-uuid", undefined],
    ] as const)
      expect((await call(method, path(suffix), { cookie: ws.ownerCookie, body })).status).toBe(404);
    const still = await call("GET", `/api/v1/workspaces/${other.workspaceId}/journeys/${theirs.body.id}`, {
      cookie: other.ownerCookie,
    });
    expect(still.body.document.title).toBe("Geheim");
  });

  it("lists summaries with counts, filters and cursor pages", async () => {
    const w = await seedWorkspace(stores, "Liste");
    const p = await insertPersona(stores, w.workspaceId, "Pendler Paul");
    const list = (qs = "") =>
      call("GET", `/api/v1/workspaces/${w.workspaceId}/journeys${qs}`, { cookie: w.ownerCookie });
    const make = (document: unknown) =>
      call("POST", `/api/v1/workspaces/${w.workspaceId}/journeys`, {
        cookie: w.ownerCookie,
        body: { document },
      });
    const a = await make({
      ...journeyInput("Umzug 100%", { A: ["1", { title: "2", signature: true }], B: [] }),
      status: "as_is",
      personaId: p,
    });
    const b = await make({
      ...journeyInput("Kündigung", { A: ["1"] }),
      scenario: "cancellation",
      ownerId: w.ownerId,
    });
    expect((await list()).body).toEqual({
      items: [
        {
          id: a.body.id,
          title: "Umzug 100%",
          scenario: "",
          status: "as_is",
          personaId: p,
          ownerId: null,
          version: 1,
          stageCount: 2,
          stepCount: 2,
          signatureCount: 1,
          updatedAt: a.body.updatedAt,
        },
        expect.objectContaining({
          id: b.body.id,
          stageCount: 1,
          stepCount: 1,
          signatureCount: 0,
          ownerId: w.ownerId,
        }),
      ],
      nextCursor: null,
    });
    const ids = async (qs: string) => (await list(qs)).body.items.map((i: { id: string }) => i.id);
    expect(await ids("?status=as_is")).toEqual([a.body.id]);
    expect(await ids(`?personaId=${p}`)).toEqual([a.body.id]);
    expect(await ids(`?ownerId=${w.ownerId}`)).toEqual([b.body.id]);
    expect(await ids("?q=k%C3%BCndig")).toEqual([b.body.id]);
    expect(await ids("?q=cancel")).toEqual([b.body.id]);
    expect(await ids("?q=100%25")).toEqual([a.body.id]);
    expect(await ids("?q=0%25")).toEqual([a.body.id]);
    expect(await ids("?q=_")).toEqual([]);
    const first = await list("?limit=1");
    expect(first.body.items.map((i: { id: string }) => i.id)).toEqual([a.body.id]);
    const second = await list(`?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: b.body.id })], nextCursor: null });
    const bad = await list("?personaId=abc&status=done");
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      "/query/personaId",
      "/query/status",
    ]);
  });

  it("exports losslessly and imports as a new journey with the same stage and step ids", async () => {
    const created = await create({
      ...fixture,
      personaId: persona,
      ownerId: ws.ownerId,
      stages: fixture.stages.map((s) => ({
        ...s,
        steps: s.steps.map((x) => ({ ...x, touchpointId: x.touchpointId && tp })),
      })),
    });
    expect(created.status).toBe(201);
    const exported = await call("GET", path(`/${created.body.id}/export`), { cookie: ws.ownerCookie });
    expect(exported.headers.get("content-disposition")).toBe(
      `attachment; filename="journey-${created.body.id}.json"`,
    );
    expect(exported.body).toEqual(created.body);
    const imported = await call("POST", path("/import"), { cookie: ws.ownerCookie, body: exported.body });
    expect(imported.status).toBe(201);
    expect(imported.body.id).not.toBe(created.body.id);
    expect(imported.body.version).toBe(1);
    expect(imported.body.document).toEqual(exported.body.document);
    const bare = await call("POST", path("/import"), {
      cookie: ws.ownerCookie,
      body: exported.body.document,
    });
    expect(bare.body.document).toEqual(exported.body.document);
    const actions = await stores.sor.db
      .selectFrom("audit_log")
      .select(["action", "target_id", "details"])
      .where("action", "=", "journey.import")
      .orderBy("id")
      .execute();
    expect(actions.map((a) => [a.target_id, a.details])).toEqual([
      [imported.body.id, { title: fixture.title, sourceId: created.body.id }],
      [bare.body.id, { title: fixture.title }],
    ]);
  });

  it("refuses imports it cannot read, naming the field", async () => {
    const future = await call("POST", path("/import"), {
      cookie: ws.ownerCookie,
      body: { id: uuidv7(), document: { ...fixture, schemaVersion: 9 } },
    });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([
      {
        pointer: "/body/document/schemaVersion",
        code: "unsupported_version",
        message: "schemaVersion 9 is newer than this server supports (1); upgrade Journeylens",
      },
    ]);
    const foreign = await call("POST", path("/import"), { cookie: ws.ownerCookie, body: fixture });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      "/body/personaId",
      "/body/ownerId",
      "/body/stages/0/steps/0/touchpointId",
      "/body/stages/1/steps/0/touchpointId",
      "/body/stages/2/steps/0/touchpointId",
    ]);
    const broken = await call("POST", path("/import"), {
      cookie: ws.ownerCookie,
      body: { title: "x", stages: [{}] },
    });
    expect(broken.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(["/body/stages/0/name"]);
  });

  it("reads a stored v1 document as it was written, and deletes with an audit entry", async () => {
    const id = uuidv7();
    await stores.sor.db
      .insertInto("journeys")
      .values({
        id,
        workspace_id: ws.workspaceId,
        title: fixture.title,
        persona_id: null,
        owner_user_id: null,
        status: "as_is",
        version: 1,
        document: JSON.stringify({ ...fixture, personaId: null, ownerId: null }),
        updated_by: null,
      })
      .execute();
    const got = await call("GET", path(`/${id}`), { cookie: ws.ownerCookie });
    expect(got.body.document).toEqual({ ...fixture, personaId: null, ownerId: null });
    expect(got.body.updatedBy).toEqual({ type: "system", id: null, name: "System" });
    const readKey = await ws.key(["read"]);
    expect((await call("DELETE", path(`/${id}`), { bearer: readKey })).status).toBe(403);
    expect((await call("DELETE", path(`/${id}`), { cookie: ws.ownerCookie })).status).toBe(204);
    expect((await call("GET", path(`/${id}`), { cookie: ws.ownerCookie })).status).toBe(404);
    const audit = await stores.sor.db
      .selectFrom("audit_log")
      .select("details")
      .where("target_id", "=", id)
      .execute();
    expect(audit.map((a) => a.details)).toEqual([{ title: fixture.title, version: 1 }]);
  });
});
