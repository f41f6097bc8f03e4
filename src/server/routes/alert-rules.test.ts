import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { feedbackFact } from "../../testing/feedback-facts.js";
import { storeVariants } from "../../testing/stores.js";

const DAY = 86_400_000;

describe.each(storeVariants().map((v) => [v.name, v] as const))("alert rules API on %s", (_n, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let other: SeededWorkspace;
  let call: ReturnType<typeof client>;
  let kpiId: string;
  let foreignKpiId: string;
  const rules = (p = "", w = ws) => `/api/v1/workspaces/${w.workspaceId}/alert-rules${p}`;
  const as = (method: string, path: string, body?: unknown, w = ws) =>
    call(method, path, { cookie: w.ownerCookie, ...(body !== undefined && { body }) });
  const nps = { type: "metric", metric: "nps" };

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Rules");
    other = await seedWorkspace(stores, "Other");
    call = client(testApp(stores));
    const kpi = (w: SeededWorkspace) =>
      as(
        "POST",
        `/api/v1/workspaces/${w.workspaceId}/kpis`,
        { key: "nps", kind: "brand", name: "NPS", measure: nps },
        w,
      );
    kpiId = (await kpi(ws)).body.id;
    foreignKpiId = (await kpi(other)).body.id;
    // Yesterday: one promoter, three detractors: NPS = 100·(1 − 3)/4 = −50.
    const at = new Date(Date.now() - DAY).toISOString();
    await stores.facts.insert(
      "feedback",
      [10, 0, 0, 0].map((value) => feedbackFact(ws.workspaceId, { ratings: [{ metric: "nps", value }], at })),
    );
  });
  afterAll(() => stores.close());

  const threshold = (value: number) => ({
    name: "NPS unter Ziel",
    kind: "threshold",
    kpiId,
    parameters: { operator: "below", value, windowDays: 30 },
    recipients: { roles: ["analyst"] },
  });

  it("validates: errors name the field; another workspace's KPI is unknown", async () => {
    const missing = await as("POST", rules(), { ...threshold(0), parameters: { value: 3 } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      "/body/parameters/operator",
    ]);
    const foreign = await as("POST", rules(), { ...threshold(0), kpiId: foreignKpiId });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([
      { pointer: "/body/kpiId", code: "unknown_reference", message: "no such KPI" },
    ]);
    const badUser = await as("POST", rules(), {
      ...threshold(0),
      recipients: { userIds: [other.ownerId] },
    });
    expect(badUser.body.errors[0]).toMatchObject({
      pointer: "/body/recipients/userIds/0",
      code: "not_member",
    });
    expect((await as("GET", rules())).body.items).toEqual([]);
  });

  it("previews without storing, creates, checks now (fires once), lists its alerts, deletes", async () => {
    const preview = await as("POST", rules("/preview"), threshold(20));
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ status: "firing", value: -50, n: 4, threshold: 20 });
    expect((await as("GET", rules())).body.items).toEqual([]);

    const created = await as("POST", rules(), threshold(20));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: "threshold",
      kpi: { id: kpiId, key: "nps", name: "NPS", direction: "higher" },
      parameters: { operator: "below", value: 20, windowDays: 30, minN: 1 },
      recipients: { userIds: [], teamIds: [], roles: ["analyst"] },
      severity: "warning",
      checkEvery: "daily",
      state: "ok",
      lastResult: null,
    });
    const id = created.body.id;
    // Another workspace sees no such rule.
    expect((await as("GET", rules(`/${id}`, other), undefined, other)).status).toBe(404);
    expect((await as("POST", rules(`/${id}/check`, other), undefined, other)).status).toBe(404);

    const first = await as("POST", rules(`/${id}/check`));
    expect(first.status).toBe(200);
    expect(first.body.check).toMatchObject({ status: "firing", value: -50, n: 4 });
    expect(first.body.rule).toMatchObject({ state: "firing", lastValue: -50 });
    expect(first.body.raised).toHaveLength(1);
    expect(first.body.raised[0]).toMatchObject({
      kind: "metric.threshold",
      details: { ruleId: id, value: -50, recipients: { roles: ["analyst"] } },
    });
    const again = await as("POST", rules(`/${id}/check`));
    expect(again.body.raised).toEqual([]);

    const listed = await as("GET", rules(`/${id}/alerts`));
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([first.body.raised[0].id]);
    const byKind = await as("GET", `/api/v1/workspaces/${ws.workspaceId}/alerts?kind=metric.threshold`);
    expect(byKind.body.items).toHaveLength(1);

    const badPatch = await as("PATCH", rules(`/${id}`), { parameters: { operator: "sideways", value: 1 } });
    expect(badPatch.status).toBe(400);
    expect(badPatch.body.errors[0].pointer).toBe("/body/parameters/operator");
    // Raising the bar to −60 is a changed condition: the state starts over at ok, and the check is ok.
    const patched = await as("PATCH", rules(`/${id}`), { parameters: { operator: "below", value: -60 } });
    expect(patched.body).toMatchObject({ state: "ok", parameters: { value: -60 }, lastResult: null });
    expect((await as("POST", rules(`/${id}/check`))).body.check).toMatchObject({ status: "ok", value: -50 });

    expect((await as("DELETE", rules(`/${id}`))).status).toBe(204);
    expect((await as("GET", rules(`/${id}`))).status).toBe(404);
    // Its alerts stay.
    expect(
      (await as("GET", `/api/v1/workspaces/${ws.workspaceId}/alerts?kind=metric.threshold`)).body.items,
    ).toHaveLength(1);
  });
});
