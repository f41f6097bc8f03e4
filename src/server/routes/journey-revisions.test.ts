import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { insertPersona, insertTouchpoint, journeyInput } from "../../testing/journeys.js";
import { storeVariants } from "../../testing/stores.js";

interface Step {
  id: string;
  title: string;
  emotion: number | null;
  touchpointId: string | null;
}
interface Doc {
  title: string;
  status: string;
  personaId: string | null;
  stages: {
    id: string;
    name: string;
    steps: Step[];
  }[];
}

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "journey versions on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let call: ReturnType<typeof client>;

    beforeAll(async () => {
      stores = await variant.open();
      ws = await seedWorkspace(stores, "Versionen");
      call = client(testApp(stores));
    });
    afterAll(() => stores.close());

    const path = (suffix = "") => `/api/v1/workspaces/${ws.workspaceId}/journeys${suffix}`;
    const create = async (title = "Reklamation") => {
      const res = await call("POST", path(), {
        cookie: ws.ownerCookie,
        body: {
          document: journeyInput(title, {
            Kontakt: ["Anruf", "E-Mail", "Chat", "Brief"],
            Lösung: ["Gutschrift"],
          }),
        },
      });
      expect(res.status).toBe(201);
      return res.body as { id: string; version: number; document: Doc };
    };
    const save = (id: string, baseVersion: number, document: Doc, cookie = ws.ownerCookie) =>
      call("PUT", path(`/${id}`), { cookie, body: { baseVersion, document } });
    const retitled = (doc: Doc, title: string): Doc => ({ ...doc, title });

    it("saves version baseVersion + 1, and a stale base gets 409 with the current journey, in both orders", async () => {
      for (const order of [
        ["Alice", "Bob"],
        ["Bob", "Alice"],
      ]) {
        const j = await create();
        const [first, second] = order as [string, string];
        const win = await save(j.id, 1, retitled(j.document, first));
        expect(win.status).toBe(200);
        expect(win.body.version).toBe(2);
        const lose = await save(j.id, 1, retitled(j.document, second));
        expect(lose.status).toBe(409);
        expect(lose.headers.get("content-type")).toBe("application/problem+json");
        expect(lose.body).toMatchObject({ code: "conflict", status: 409, currentVersion: 2 });
        expect(lose.body.errors).toEqual([
          { pointer: "/body/baseVersion", code: "stale_version", message: "the current version is 2" },
        ]);
        expect(lose.body.journey).toEqual(win.body);
        const now = await call("GET", path(`/${j.id}`), { cookie: ws.ownerCookie });
        expect([now.body.version, now.body.document.title]).toEqual([2, first]);
      }
    });

    it("lets exactly one of several truly concurrent saves from one base win", async () => {
      const j = await create();
      const results = await Promise.all(
        ["A", "B", "C", "D", "E", "F"].map((t) => save(j.id, 1, retitled(j.document, t))),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409, 409, 409, 409, 409]);
      const winner = results.find((r) => r.status === 200)?.body;
      for (const r of results.filter((x) => x.status === 409)) expect(r.body.currentVersion).toBe(2);
      const now = await call("GET", path(`/${j.id}`), { cookie: ws.ownerCookie });
      expect(now.body).toEqual(winner);
      const revisions = await call("GET", path(`/${j.id}/revisions`), { cookie: ws.ownerCookie });
      expect(revisions.body.items.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    });

    it("refuses a save whose base changed after it was read (the version check is in the UPDATE)", async () => {
      const j = await create();
      const { db } = stores.sor;
      let release!: () => void;
      let locked!: () => void;
      const holding = new Promise<void>((r) => {
        locked = r;
      });
      // A concurrent writer holds version 2 uncommitted while the save reads version 1 and waits.
      const writer = db.transaction().execute(async (tx) => {
        await tx
          .updateTable("journeys")
          .set({ version: 2, document: JSON.stringify(retitled(j.document, "Zwischendurch")) })
          .where("id", "=", j.id)
          .execute();
        locked();
        await new Promise<void>((r) => {
          release = r;
        });
      });
      await holding;
      const pending = save(j.id, 1, retitled(j.document, "Zu spät"));
      await new Promise((r) => setTimeout(r, 300));
      release();
      await writer;
      const res = await pending;
      expect(res.status).toBe(409);
      expect(res.body.currentVersion).toBe(2);
      expect(res.body.journey.document.title).toBe("Zwischendurch");
    });

    it("lists revisions newest first with authors and exact summaries, compares and restores", async () => {
      const key = await ws.key(["read", "write"]);
      const j = await create("Störung melden");
      const [kontakt, loesung] = j.document.stages as [Doc["stages"][0], Doc["stages"][0]];
      const [anruf, mail, chat, brief] = kontakt.steps as [Step, Step, Step, Step];
      const v2: Doc = {
        ...j.document,
        stages: [
          { ...kontakt, name: "Erstkontakt", steps: [chat, brief, { ...anruf, emotion: -2 }] },
          { ...loesung, steps: [...loesung.steps, mail] },
          { id: "0193b6f0-1c2d-7a00-8b00-00000000f001", name: "Nachsorge", steps: [] } as Doc["stages"][0],
        ],
      };
      const saved = await call("PUT", path(`/${j.id}`), {
        bearer: key,
        body: { baseVersion: 1, document: v2 },
      });
      expect(saved.status).toBe(200);
      expect(saved.body.updatedBy).toEqual({
        type: "api_key",
        id: expect.any(String),
        name: "key read+write",
      });
      const v3 = await save(j.id, 2, {
        ...saved.body.document,
        status: "as_is",
        stages: saved.body.document.stages.slice(0, 2),
      });
      expect(v3.body.version).toBe(3);

      const list = await call("GET", path(`/${j.id}/revisions`), { cookie: ws.ownerCookie });
      expect(
        list.body.items.map((r: { version: number; author: { name: string } }) => [r.version, r.author.name]),
      ).toEqual([
        [3, "Owner"],
        [2, "key read+write"],
        [1, "Owner"],
      ]);
      expect(list.body.items[1].summary).toEqual({
        stagesAdded: 1,
        stagesRemoved: 0,
        stepsAdded: 0,
        stepsRemoved: 0,
        stepsChanged: 1,
        stepsMoved: 2,
      });
      expect(list.body.items[0].summary).toEqual({
        stagesAdded: 0,
        stagesRemoved: 1,
        stepsAdded: 0,
        stepsRemoved: 0,
        stepsChanged: 0,
        stepsMoved: 0,
      });
      const page1 = await call("GET", path(`/${j.id}/revisions?limit=2`), { cookie: ws.ownerCookie });
      const page2 = await call("GET", path(`/${j.id}/revisions?limit=2&cursor=${page1.body.nextCursor}`), {
        cookie: ws.ownerCookie,
      });
      expect(page2.body.items.map((r: { version: number }) => r.version)).toEqual([1]);
      expect(page2.body.nextCursor).toBeNull();
      expect(
        (await call("GET", path(`/${j.id}/revisions?cursor=bogus`), { cookie: ws.ownerCookie })).body
          .errors[0].pointer,
      ).toBe("/query/cursor");

      const r1 = await call("GET", path(`/${j.id}/revisions/1`), { cookie: ws.ownerCookie });
      expect(r1.body).toEqual({
        version: 1,
        document: j.document,
        author: { type: "user", id: ws.ownerId, name: "Owner" },
        createdAt: expect.any(String),
      });
      expect((await call("GET", path(`/${j.id}/revisions/9`), { cookie: ws.ownerCookie })).status).toBe(404);

      const cmp = await call("GET", path(`/${j.id}/compare?from=1&to=3`), { cookie: ws.ownerCookie });
      expect(cmp.body).toEqual({
        from: 1,
        to: 3,
        header: ["status"],
        stages: [{ id: kontakt.id, name: "Erstkontakt", change: "renamed", fields: ["name"] }],
        steps: [
          { id: anruf.id, title: "Anruf", stageId: kontakt.id, change: "modified", fields: ["emotion"] },
          { id: anruf.id, title: "Anruf", stageId: kontakt.id, change: "moved", fields: ["position"] },
          { id: mail.id, title: "E-Mail", stageId: loesung.id, change: "moved", fields: ["stageId"] },
        ],
      });
      const last = await call("GET", path(`/${j.id}/compare`), { cookie: ws.ownerCookie });
      expect([last.body.from, last.body.to, last.body.stages]).toEqual([
        2,
        3,
        [{ id: "0193b6f0-1c2d-7a00-8b00-00000000f001", name: "Nachsorge", change: "removed", fields: [] }],
      ]);

      const stale = await call("POST", path(`/${j.id}/revisions/1/restore`), {
        cookie: ws.ownerCookie,
        body: { baseVersion: 2 },
      });
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(3);
      const restored = await call("POST", path(`/${j.id}/revisions/1/restore`), {
        cookie: ws.ownerCookie,
        body: { baseVersion: 3 },
      });
      expect(restored.status).toBe(200);
      expect(restored.body.version).toBe(4);
      expect(restored.body.document).toEqual(j.document);
      const back = await call("GET", path(`/${j.id}/compare?from=1&to=4`), { cookie: ws.ownerCookie });
      expect(back.body).toEqual({ from: 1, to: 4, header: [], stages: [], steps: [] });
      const audit = await stores.sor.db
        .selectFrom("audit_log")
        .select(["action", "details"])
        .where("target_id", "=", j.id)
        .orderBy("id")
        .execute();
      expect(audit).toEqual([
        { action: "journey.create", details: { title: "Störung melden" } },
        { action: "journey.restore", details: { restoredVersion: 1, version: 4 } },
      ]);
    });

    it("restores a revision whose persona was deleted since, without the persona", async () => {
      const persona = await insertPersona(stores, ws.workspaceId, "Gelöscht");
      const j = await create();
      const v2 = await save(j.id, 1, { ...j.document, personaId: persona });
      await save(j.id, 2, { ...v2.body.document, personaId: null, title: "Ohne" });
      await stores.sor.db.deleteFrom("personas").where("id", "=", persona).execute();
      const restored = await call("POST", path(`/${j.id}/revisions/2/restore`), {
        cookie: ws.ownerCookie,
        body: { baseVersion: 3 },
      });
      expect(restored.status).toBe(200);
      expect(restored.body.document).toEqual({ ...v2.body.document, personaId: null });
    });

    it("reports coverage findings for a crafted journey and for the workspace", async () => {
      const w = await seedWorkspace(stores, "Abdeckung");
      const owned = await insertTouchpoint(stores, w.workspaceId, { name: "Hotline", ownerTeam: "Service" });
      const ownerless = await insertTouchpoint(stores, w.workspaceId, { name: "Rechnung" });
      const hidden = await insertTouchpoint(stores, w.workspaceId, {
        name: "Warten",
        kind: "hidden",
        ownerUserId: w.ownerId,
      });
      const matched = await insertTouchpoint(stores, w.workspaceId, {
        name: "Lieferung",
        kind: "hidden",
        ownerTeam: "Logistik",
        eventMatchers: [{ event: "Delivery *" }],
      });
      const unused = await insertTouchpoint(stores, w.workspaceId, {
        name: "Filiale",
        ownerTeam: "Vertrieb",
      });
      const res = await call("POST", `/api/v1/workspaces/${w.workspaceId}/journeys`, {
        cookie: w.ownerCookie,
        body: {
          document: journeyInput("Bestellung", {
            Kauf: [
              { title: "Anruf", touchpointId: owned },
              { title: "Frei" },
              { title: "Rechnung", touchpointId: ownerless },
              { title: "Warten", touchpointId: hidden },
              { title: "Paket", touchpointId: matched },
            ],
            Leer: [],
          }),
        },
      });
      const { id, document } = res.body as { id: string; document: Doc };
      const [kauf, leer] = document.stages as [Doc["stages"][0], Doc["stages"][0]];
      const step = (i: number) => kauf.steps[i]?.id;
      const one = await call("GET", `/api/v1/workspaces/${w.workspaceId}/journeys/${id}/coverage`, {
        cookie: w.ownerCookie,
      });
      const brief = (f: Record<string, string>) => [f.code, f.severity, f.stageId, f.stepId, f.touchpointId];
      expect(one.body.findings.map(brief)).toEqual([
        ["journey_without_owner", "warning", undefined, undefined, undefined],
        ["step_without_touchpoint", "info", kauf.id, step(1), undefined],
        ["touchpoint_without_owner", "warning", kauf.id, step(2), ownerless],
        ["hidden_without_matcher", "warning", kauf.id, step(3), hidden],
        ["stage_without_steps", "warning", leer.id, undefined, undefined],
      ]);
      expect(one.body.findings.every((f: { journeyId: string }) => f.journeyId === id)).toBe(true);
      expect(one.body.findings[2].message).toBe('Touchpoint "Rechnung" of step "Rechnung" has no owner');
      const all = await call("GET", `/api/v1/workspaces/${w.workspaceId}/coverage`, {
        cookie: w.ownerCookie,
      });
      expect(
        all.body.findings.map((f: Record<string, string>) => [
          f.code,
          f.journeyId,
          f.touchpointId ?? f.stepId ?? f.stageId,
        ]),
      ).toEqual([
        ["hidden_without_matcher", undefined, hidden],
        ["touchpoint_unused", undefined, unused],
        ["journey_without_owner", id, undefined],
        ["step_without_touchpoint", id, step(1)],
        ["touchpoint_without_owner", id, ownerless],
        ["stage_without_steps", id, leer.id],
      ]);
    });
  },
);
