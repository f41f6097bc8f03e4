import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raiseAlerts } from "../../core/alerts/raise-alerts.js";
import { uuidv7 } from "../../core/ids.js";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";

describe.each(storeVariants().map((v) => [v.name, v] as const))("alerts API on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let other: SeededWorkspace;
  let call: ReturnType<typeof client>;
  const ids: string[] = [];
  const url = (suffix = "") => `/api/v1/workspaces/${ws.workspaceId}/alerts${suffix}`;

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Alerts");
    other = await seedWorkspace(stores, "Other");
    call = client(testApp(stores));
    for (const [i, kind] of [
      "emerging_topic",
      "emerging_topic",
      "case_overdue",
      "emerging_topic",
    ].entries()) {
      const [a] = await raiseAlerts(stores.sor.db, ws.workspaceId, [
        { kind, dedupeKey: `k${i}`, severity: "warning", title: `Alert ${i}`, details: { n: i } },
      ]);
      ids.push(a?.id as string);
    }
    await raiseAlerts(stores.sor.db, other.workspaceId, [
      { kind: "emerging_topic", dedupeKey: "k0", severity: "info", title: "Theirs", details: {} },
    ]);
  });
  afterAll(() => stores.close());

  it("lists newest first in cursor pages, filtered by kind", async () => {
    const first = await call("GET", url("?limit=2"), { cookie: ws.ownerCookie });
    expect(first.status).toBe(200);
    expect(first.body.items.map((a: { title: string }) => a.title)).toEqual(["Alert 3", "Alert 2"]);
    expect(first.body.items[0]).toEqual({
      id: ids[3],
      kind: "emerging_topic",
      severity: "warning",
      title: "Alert 3",
      details: { n: 3 },
      createdAt: expect.any(String),
      acknowledgedAt: null,
      acknowledgedBy: null,
    });
    const second = await call("GET", url(`?limit=2&cursor=${first.body.nextCursor}`), {
      cookie: ws.ownerCookie,
    });
    expect(second.body.items.map((a: { title: string }) => a.title)).toEqual(["Alert 1", "Alert 0"]);
    expect(second.body.nextCursor).toBeNull();
    const kind = await call("GET", url("?kind=emerging_topic"), { cookie: ws.ownerCookie });
    expect(kind.body.items).toHaveLength(3);
    expect((await call("GET", url("?kind=Bad Kind"), { cookie: ws.ownerCookie })).status).toBe(400);
    expect((await call("GET", url("?cursor=nonsense"), { cookie: ws.ownerCookie })).status).toBe(400);
  });

  it("acknowledges once (write), keeps the first acknowledgement, filters by it and audits", async () => {
    const viewer = await ws.member("viewer");
    expect((await call("POST", url(`/${ids[1]}/acknowledge`), { cookie: viewer.cookie })).status).toBe(403);

    const acked = await call("POST", url(`/${ids[1]}/acknowledge`), { cookie: ws.ownerCookie });
    expect(acked.status).toBe(200);
    expect(acked.body).toMatchObject({
      id: ids[1],
      acknowledgedBy: ws.ownerId,
      acknowledgedAt: expect.any(String),
    });
    const key = await ws.key(["read", "write"]);
    const again = await call("POST", url(`/${ids[1]}/acknowledge`), { bearer: key });
    expect(again.body).toEqual(acked.body);
    const byKey = await call("POST", url(`/${ids[0]}/acknowledge`), { bearer: key });
    expect(byKey.body).toMatchObject({ acknowledgedBy: null, acknowledgedAt: expect.any(String) });

    const open = await call("GET", url("?acknowledged=false"), { cookie: viewer.cookie });
    expect(open.body.items.map((a: { id: string }) => a.id)).toEqual([ids[3], ids[2]]);
    const done = await call("GET", url("?acknowledged=true&kind=emerging_topic"), { cookie: viewer.cookie });
    expect(done.body.items.map((a: { id: string }) => a.id)).toEqual([ids[1], ids[0]]);

    const audit = await stores.sor.db
      .selectFrom("audit_log")
      .select(["action", "target_id"])
      .where("workspace_id", "=", ws.workspaceId)
      .where("action", "=", "alert.acknowledge")
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      { action: "alert.acknowledge", target_id: ids[1] },
      { action: "alert.acknowledge", target_id: ids[0] },
    ]);
  });

  it("answers 404 for another workspace's alert, an unknown id and a non-id", async () => {
    const theirs = await stores.sor.db
      .selectFrom("alerts")
      .select("id")
      .where("workspace_id", "=", other.workspaceId)
      .executeTakeFirstOrThrow();
    for (const id of [theirs.id, uuidv7(), "not-an-id"])
      expect((await call("POST", url(`/${id}/acknowledge`), { cookie: ws.ownerCookie })).status).toBe(404);
    const still = await stores.sor.db
      .selectFrom("alerts")
      .select("acknowledged_at")
      .where("id", "=", theirs.id)
      .executeTakeFirstOrThrow();
    expect(still.acknowledged_at).toBeNull();
  });
});
