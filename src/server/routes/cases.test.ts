import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../core/ids.js";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { subscribeCaseEvents } from "../../testing/case-webhooks.js";
import { insertTouchpoint } from "../../testing/journeys.js";
import { storeVariants } from "../../testing/stores.js";
import { FOREIGN_FIXTURES } from "../../testing/tenant-isolation.js";

type Case = { id: string; assigneeUserId: string | null; [k: string]: unknown };

describe.each(storeVariants().map((v) => [v.name, v] as const))("cases API on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let other: SeededWorkspace;
  let call: ReturnType<typeof client>;
  let agentA: { userId: string; cookie: string };
  let agentB: { userId: string; cookie: string };
  let lead: string;
  let owner: string;
  let journeyId: string;
  let tp: string;
  const url = (suffix = "") => `/api/v1/workspaces/${ws.workspaceId}${suffix}`;

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "CasesApi");
    other = await seedWorkspace(stores, "Other");
    await subscribeCaseEvents(stores, ws.workspaceId);
    call = client(testApp(stores, { publicUrl: "https://cx.example.com" }));
    agentA = await ws.member("agent");
    agentB = await ws.member("agent");
    lead = (await ws.member("analyst")).userId;
    owner = ws.ownerId;
    tp = await insertTouchpoint(stores, ws.workspaceId, { name: "Lieferung", ownerTeam: "Logistik" });
    journeyId = uuidv7();
    const document = {
      schemaVersion: 1,
      title: "Kauf",
      stages: [{ id: "st", steps: [{ id: "step-delivery", touchpointId: tp }] }],
    };
    await stores.sor.db
      .insertInto("journeys")
      .values({
        id: journeyId,
        workspace_id: ws.workspaceId,
        title: "Kauf",
        persona_id: null,
        owner_user_id: owner,
        status: "as_is",
        version: 1,
        document: JSON.stringify(document),
        updated_by: null,
      })
      .execute();
  });
  afterAll(() => stores.close());

  it("runs a case from signal to follow-up survey with every change on the timeline", async () => {
    const admin = { cookie: ws.ownerCookie };
    const team = await call("POST", url("/teams"), {
      ...admin,
      body: { name: "logistik", leadUserId: lead, memberIds: [agentA.userId, agentB.userId] },
    });
    expect(team.status).toBe(201);
    expect(team.body.members.map((m: { userId: string }) => m.userId)).toEqual([
      agentA.userId,
      agentB.userId,
    ]);
    expect((await call("POST", url("/teams"), { ...admin, body: { name: "LOGISTIK" } })).status).toBe(409);
    // The follow-up CSAT survey: a survey trigger (webhook delivery) set in the case settings.
    const triggerId = await (
      FOREIGN_FIXTURES.triggerId as (s: Stores, f: SeededWorkspace) => Promise<string>
    )(stores, ws);
    const settings = await call("PATCH", url("/case-settings"), {
      ...admin,
      body: { followUpTriggerId: triggerId, slaMinutes: { high: 600 } },
    });
    expect(settings.body).toEqual({
      slaMinutes: { urgent: 240, high: 600, normal: 4320, low: 10080 },
      staleMinutes: null,
      followUpTriggerId: triggerId,
    });

    const body = {
      title: "Paket kommt nicht",
      customerId: "kunde-1",
      journeyId,
      instanceKey: "order-7",
      touchpointId: tp,
      priority: "high",
    };
    const created = await call("POST", url("/cases"), { cookie: agentA.cookie, body });
    expect(created.status).toBe(201);
    const c = created.body.case as Case;
    expect(c).toMatchObject({
      assigneeUserId: agentA.userId,
      teamId: team.body.id,
      stepId: "step-delivery",
      status: "new",
      priority: "high",
      watchers: [{ userId: owner, reason: "journey_owner" }],
      signalCount: 1,
    });
    expect(Date.parse(c.dueAt as string) - Date.parse(c.openedAt as string)).toBe(600 * 60_000);
    const again = await call("POST", url("/cases"), {
      cookie: agentA.cookie,
      body: { ...body, title: "Zweiter Anruf" },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, case: { id: c.id, signalCount: 2 } });
    const second = await call("POST", url("/cases"), {
      cookie: agentA.cookie,
      body: { ...body, customerId: "kunde-2" },
    });
    expect(second.body.case.assigneeUserId).toBe(agentB.userId);

    const id = c.id;
    expect(
      (await call("PATCH", url(`/cases/${id}`), { cookie: agentA.cookie, body: { status: "in_progress" } }))
        .body.status,
    ).toBe("in_progress");
    const urgent = await call("PATCH", url(`/cases/${id}`), {
      cookie: agentA.cookie,
      body: { priority: "urgent" },
    });
    expect(Date.parse(urgent.body.dueAt) - Date.parse(urgent.body.openedAt)).toBe(240 * 60_000);
    expect(
      (
        await call("POST", url(`/cases/${id}/assign`), {
          cookie: agentA.cookie,
          body: { userId: agentB.userId },
        })
      ).body.assigneeUserId,
    ).toBe(agentB.userId);
    const foreignUser = await call("POST", url(`/cases/${id}/assign`), {
      cookie: agentA.cookie,
      body: { userId: other.ownerId },
    });
    expect(foreignUser.status).toBe(400);
    expect(foreignUser.body.errors[0]).toMatchObject({ pointer: "/body/userId", code: "not_a_member" });
    expect(
      (
        await call("POST", url(`/cases/${id}/comments`), {
          cookie: agentB.cookie,
          body: { text: "Rückruf erledigt" },
        })
      ).status,
    ).toBe(201);
    const noNote = await call("POST", url(`/cases/${id}/resolve`), {
      cookie: agentB.cookie,
      body: { rootCause: "delivery" },
    });
    expect(noNote.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(["/body/note"]);
    const resolved = await call("POST", url(`/cases/${id}/resolve`), {
      cookie: agentB.cookie,
      body: { rootCause: "delivery", note: "Neu versendet" },
    });
    expect(resolved.body).toMatchObject({
      status: "resolved",
      rootCause: "delivery",
      resolutionNote: "Neu versendet",
    });
    expect(resolved.body.followUpInvitationId).toEqual(expect.any(String));
    expect(
      (
        await call("POST", url(`/cases/${id}/resolve`), {
          cookie: agentB.cookie,
          body: { rootCause: "x", note: "y" },
        })
      ).status,
    ).toBe(409);
    const invitation = await stores.sor.db
      .selectFrom("survey_invitations as i")
      .innerJoin("survey_links as l", "l.id", "i.link_id")
      .select(["i.status", "i.customer_id", "l.hidden", "i.trigger_id"])
      .where("i.id", "=", resolved.body.followUpInvitationId)
      .executeTakeFirstOrThrow();
    expect(invitation).toEqual({
      status: "scheduled",
      customer_id: "kunde-1",
      hidden: { caseId: id },
      trigger_id: triggerId,
    });

    const timeline = await call("GET", url(`/cases/${id}/timeline`), { cookie: agentA.cookie });
    expect(timeline.body.map((e: { kind: string; actorId: string | null }) => [e.kind, e.actorId])).toEqual([
      ["created", agentA.userId],
      ["signal", agentA.userId],
      ["assigned", null],
      ["signal", agentA.userId],
      ["status", agentA.userId],
      ["priority", agentA.userId],
      ["assigned", agentA.userId],
      ["comment", agentB.userId],
      ["resolved", agentB.userId],
      ["follow_up", null],
    ]);
    expect(timeline.body[4].data).toEqual({ from: "new", to: "in_progress" });
    const events = await stores.sor.db
      .selectFrom("outbox")
      .select("payload")
      .where("workspace_id", "=", ws.workspaceId)
      .where("topic", "in", ["webhooks.event", "survey.invitation"])
      .orderBy("id")
      .execute();
    expect(events.map((e) => (e.payload as { type?: string }).type ?? "invitation")).toEqual([
      "case.created",
      "case.assigned",
      "case.created",
      "case.assigned",
      "case.assigned",
      "invitation",
      "case.resolved",
    ]);

    // Queues and cockpits.
    const queue = await call("GET", url("/cases/queue"), { cookie: agentB.cookie });
    expect(queue.body.assigned.map((x: Case) => x.id)).toEqual([second.body.case.id]);
    expect(queue.body.counts).toEqual({ open: 1, breached: 0, dueSoon: 1 });
    const ownerQueue = await call("GET", url(`/cases/queue?userId=${owner}`), admin);
    expect(ownerQueue.body.watching.map((x: Case) => x.id)).toEqual([second.body.case.id]);
    const teamView = await call("GET", url(`/teams/${team.body.id}/cases`), admin);
    expect(teamView.body.members).toEqual([
      { userId: agentA.userId, open: 0, breached: 0 },
      { userId: agentB.userId, open: 1, breached: 0 },
    ]);
    const cockpit = await call("GET", url(`/journeys/${journeyId}/cases/cockpit`), admin);
    expect(cockpit.body).toMatchObject({
      byStatus: { new: 1, resolved: 1 },
      byStep: [{ stepId: "step-delivery", statuses: { new: 1, resolved: 1 }, total: 2 }],
      breaches: [],
      repeatOffenders: [{ touchpointId: tp, cases: 2, open: 1, breached: 0, repeatCustomers: 0 }],
    });
    const points = await call("GET", url(`/journeys/${journeyId}/pain-points`), admin);
    expect(points.body).toEqual([
      expect.objectContaining({
        touchpointId: tp,
        stepId: "step-delivery",
        rootCause: "delivery",
        cases: 1,
        open: 0,
        trend: 1,
        initiativeId: null,
      }),
      expect.objectContaining({
        touchpointId: tp,
        stepId: "step-delivery",
        rootCause: null,
        cases: 1,
        open: 1,
        medianHoursToResolve: null,
      }),
    ]);
    expect(points.body[0].medianHoursToResolve).toBeGreaterThanOrEqual(0);
    const promote = {
      touchpointId: tp,
      stepId: "step-delivery",
      rootCause: "delivery",
      title: "Zustellung verbessern",
    };
    const promoted = await call("POST", url(`/journeys/${journeyId}/pain-points/promote`), {
      ...admin,
      body: promote,
    });
    expect(promoted.status).toBe(201);
    expect(promoted.body.initiative).toMatchObject({
      journeyId,
      status: "proposed",
      source: { kind: "pain_point", cases: 1 },
    });
    const twice = await call("POST", url(`/journeys/${journeyId}/pain-points/promote`), {
      ...admin,
      body: promote,
    });
    expect([twice.status, twice.body.initiative.id]).toEqual([200, promoted.body.initiative.id]);
    expect((await call("GET", url(`/journeys/${journeyId}/pain-points`), admin)).body[0].initiativeId).toBe(
      promoted.body.initiative.id,
    );
  });

  it("checks rights and answers 404 for foreign ids on case routes", async () => {
    const viewer = await ws.member("viewer");
    const [first] = (await call("GET", url("/cases"), { cookie: viewer.cookie })).body.items as Case[];
    expect(first).toBeDefined();
    expect(
      (
        await call("POST", url(`/cases/${first?.id}/comments`), {
          cookie: viewer.cookie,
          body: { text: "x" },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call("POST", url("/teams"), { cookie: agentA.cookie, body: { name: "Nope" } })).status,
    ).toBe(403);
    const foreignCase = await (FOREIGN_FIXTURES.caseId as (s: Stores, f: SeededWorkspace) => Promise<string>)(
      stores,
      other,
    );
    for (const [method, suffix, body] of [
      ["GET", "", undefined],
      ["PATCH", "", { status: "closed" }],
      ["POST", "/assign", { userId: agentA.userId }],
      ["POST", "/comments", { text: "x" }],
      ["POST", "/resolve", { rootCause: "x", note: "y" }],
      ["GET", "/timeline", undefined],
    ] as const)
      expect(
        (await call(method, url(`/cases/${foreignCase}${suffix}`), { cookie: ws.ownerCookie, body })).status,
      ).toBe(404);
    const filtered = await call("GET", url(`/cases?open=true&journeyId=${journeyId}`), {
      cookie: ws.ownerCookie,
    });
    expect(filtered.body.items).toHaveLength(1);
  });
});
