import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeededWorkspace, seedWorkspace } from "../../testing/app.js";
import { subscribeCaseEvents } from "../../testing/case-webhooks.js";
import { insertTouchpoint } from "../../testing/journeys.js";
import { storeVariants } from "../../testing/stores.js";
import { casesSlaHandler } from "../../worker/cases-sla.js";
import { createOutboxWorker } from "../../worker/outbox-worker.js";
import { uuidv7 } from "../ids.js";
import type { Stores } from "../stores.js";
import { resolveAccess } from "../workspaces/resolve-access.js";
import { loadCase } from "./case-row.js";
import { type CaseSignalInput, openOrAttachCase } from "./open-or-attach.js";
import { checkCaseSla, SLA_TOPIC } from "./sla.js";
import { listTimeline } from "./timeline.js";
import { updateCase } from "./update-case.js";

const HOUR = 3_600_000;
const silent = { info: () => {}, warn: () => {}, error: () => {} };

describe.each(storeVariants().map((v) => [v.name, v] as const))("cases core on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  const agents: string[] = [];
  let lead: string;
  let journeyOwner: string;
  let teamId: string;
  let journeyId: string;
  let teamTp: string;
  let userTp: string;
  // A fake clock a month back, so outbox rows due "at the SLA" are already claimable in real time.
  const t0 = new Date(Date.now() - 30 * 24 * HOUR);

  const signal = (
    customerId: string | null,
    ref: string,
    extra: Partial<CaseSignalInput> = {},
  ): CaseSignalInput => ({
    workspaceId: ws.workspaceId,
    customerId,
    journeyId,
    instanceKey: "order-1",
    touchpointId: teamTp,
    signal: { kind: "feedback", ref, summary: `Signal ${ref}`, occurredAt: t0 },
    ...extra,
  });
  const open = (input: CaseSignalInput, now = t0) =>
    stores.sor.db.transaction().execute((tx) => openOrAttachCase(tx, input, now));
  const outbox = (topic: string) =>
    stores.sor.db
      .selectFrom("outbox")
      .select(["payload", "available_at"])
      .where("workspace_id", "=", ws.workspaceId)
      .where("topic", "=", topic)
      .orderBy("id")
      .execute();

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Cases");
    await subscribeCaseEvents(stores, ws.workspaceId);
    const { db } = stores.sor;
    for (let i = 0; i < 3; i++) agents.push((await ws.member("agent")).userId);
    lead = (await ws.member("analyst")).userId;
    journeyOwner = (await ws.member("analyst")).userId;
    teamId = uuidv7();
    await db
      .insertInto("teams")
      .values({
        id: teamId,
        workspace_id: ws.workspaceId,
        name: "Kundenservice",
        lead_user_id: lead,
        created_at: t0,
        updated_at: t0,
      })
      .execute();
    for (const [i, userId] of agents.entries())
      await db
        .insertInto("team_members")
        .values({
          workspace_id: ws.workspaceId,
          team_id: teamId,
          user_id: userId,
          created_at: new Date(t0.getTime() + i),
        })
        .execute();
    // The touchpoint names its team in another case: free-text owners keep working.
    teamTp = await insertTouchpoint(stores, ws.workspaceId, { name: "Hotline", ownerTeam: "kundenservice" });
    userTp = await insertTouchpoint(stores, ws.workspaceId, {
      name: "Shop",
      ownerUserId: agents[2] as string,
    });
    journeyId = uuidv7();
    const document = {
      schemaVersion: 1,
      title: "Kauf",
      stages: [{ id: "st", steps: [{ id: "step-hotline", touchpointId: teamTp }] }],
    };
    await db
      .insertInto("journeys")
      .values({
        id: journeyId,
        workspace_id: ws.workspaceId,
        title: "Kauf",
        persona_id: null,
        owner_user_id: journeyOwner,
        status: "as_is",
        version: 1,
        document: JSON.stringify(document),
        updated_by: null,
      })
      .execute();
  });
  afterAll(() => stores.close());

  it("routes to the touchpoint owner, round-robin in a team, rules first; one open case per instance", async () => {
    const made = [];
    for (const c of ["c1", "c2", "c3", "c4"]) made.push(await open(signal(c, `fb-${c}`)));
    expect(made.every((m) => m.created)).toBe(true);
    const cases = await Promise.all(made.map((m) => loadCase(stores.sor.db, ws.workspaceId, m.caseId)));
    expect(cases.map((c) => c.assigneeUserId)).toEqual([agents[0], agents[1], agents[2], agents[0]]);
    expect(cases[0]).toMatchObject({
      teamId,
      stepId: "step-hotline",
      status: "new",
      priority: "normal",
      signalCount: 1,
    });
    expect(cases[0]?.watchers).toEqual([{ userId: journeyOwner, reason: "journey_owner" }]);
    expect(Date.parse(cases[0]?.dueAt ?? "") - t0.getTime()).toBe(72 * HOUR);

    const direct = await open(signal("c5", "fb-c5", { touchpointId: userTp }));
    expect((await loadCase(stores.sor.db, ws.workspaceId, direct.caseId)).assigneeUserId).toBe(agents[2]);
    await stores.sor.db
      .insertInto("case_routing_rules")
      .values({
        id: uuidv7(),
        workspace_id: ws.workspaceId,
        position: 0,
        channel: null,
        aspect: "billing",
        segment: null,
        touchpoint_id: null,
        target_user_id: lead,
        target_team_id: null,
      })
      .execute();
    const ruled = await open(signal("c6", "fb-c6", { touchpointId: userTp, aspect: "billing" }));
    expect((await loadCase(stores.sor.db, ws.workspaceId, ruled.caseId)).assigneeUserId).toBe(lead);

    // A new signal on c1's instance attaches; the same signal again adds nothing.
    const first = made[0]?.caseId as string;
    expect(
      await open(
        signal("c1", "ev-9", {
          signal: { kind: "event", ref: "ev-9", summary: "Delivery Delayed", occurredAt: t0 },
        }),
      ),
    ).toEqual({ caseId: first, created: false });
    const before = (await listTimeline(stores.sor.db, ws.workspaceId, first)).length;
    expect(
      await open(
        signal("c1", "ev-9", { signal: { kind: "event", ref: "ev-9", summary: "again", occurredAt: t0 } }),
      ),
    ).toEqual({ caseId: first, created: false });
    expect(await listTimeline(stores.sor.db, ws.workspaceId, first)).toHaveLength(before);
    expect((await loadCase(stores.sor.db, ws.workspaceId, first)).signalCount).toBe(2);
    // Another instance of the same customer is another case.
    expect((await open(signal("c1", "fb-other", { instanceKey: "order-2" }))).created).toBe(true);

    // Concurrent first signals of one instance: one case, the other attaches.
    const racing = await Promise.all([open(signal("c7", "race-a")), open(signal("c7", "race-b"))]);
    expect(racing.map((r) => r.created).sort()).toEqual([false, true]);
    expect(racing[0]?.caseId).toBe(racing[1]?.caseId);
    expect((await loadCase(stores.sor.db, ws.workspaceId, racing[0]?.caseId as string)).signalCount).toBe(2);

    const types = (await outbox("webhooks.event")).map((r) => (r.payload as { type: string }).type);
    expect(types.filter((t) => t === "case.created")).toHaveLength(8);
    expect(types.filter((t) => t === "case.assigned")).toHaveLength(8);
  });

  it("breaches the SLA and escalates to the lead, then the journey owner, on a fake clock", async () => {
    const { caseId } = await open(signal("sla-1", "sla-1", { priority: "urgent" }));
    const c = await loadCase(stores.sor.db, ws.workspaceId, caseId);
    const due = new Date(t0.getTime() + 4 * HOUR);
    expect(c.dueAt).toBe(due.toISOString());
    const scheduled = (await outbox(SLA_TOPIC)).filter(
      (r) => (r.payload as { caseId: string }).caseId === caseId,
    );
    expect(scheduled.map((r) => new Date(r.available_at).toISOString())).toEqual([due.toISOString()]);

    expect(
      await checkCaseSla(stores.sor.db, ws.workspaceId, { caseId }, new Date(due.getTime() - HOUR)),
    ).toEqual({
      breached: false,
      escalatedTo: null,
      reassignedTo: null,
      nextCheckAt: due,
    });
    // The scheduled message, run by the real worker at the fake time of the due moment.
    let fake = due;
    const worker = createOutboxWorker({
      db: stores.sor.db,
      handlers: { [SLA_TOPIC]: casesSlaHandler(stores, () => fake) },
      topics: [SLA_TOPIC],
      batchSize: 100,
      logger: silent,
    });
    await worker.runOnce();
    let now = await loadCase(stores.sor.db, ws.workspaceId, caseId);
    expect(now).toMatchObject({
      slaBreachedAt: due.toISOString(),
      escalationLevel: 1,
      escalatedToUserId: lead,
    });
    expect(now.watchers).toContainEqual({ userId: lead, reason: "escalation" });
    fake = new Date(due.getTime() + 4 * HOUR);
    await worker.runOnce();
    now = await loadCase(stores.sor.db, ws.workspaceId, caseId);
    expect(now).toMatchObject({ escalationLevel: 2, escalatedToUserId: journeyOwner });
    // A stale (superseded) message and later checks change nothing.
    expect(
      await checkCaseSla(stores.sor.db, ws.workspaceId, { caseId, checkAt: due.toISOString() }, fake),
    ).toBeNull();
    const kinds = (await listTimeline(stores.sor.db, ws.workspaceId, caseId)).map((e) => [
      e.kind,
      e.data.level ?? null,
    ]);
    expect(kinds).toEqual([
      ["created", null],
      ["signal", null],
      ["assigned", null],
      ["sla_breached", null],
      ["escalated", 1],
      ["escalated", 2],
    ]);
    const breached = (await outbox("webhooks.event")).filter(
      (r) => (r.payload as { type: string }).type === "case.sla_breached",
    );
    expect(breached.map((r) => (r.payload as { data: { case: { id: string } } }).data.case.id)).toEqual([
      caseId,
    ]);
    expect(
      (
        await stores.sor.db
          .selectFrom("cases")
          .select("next_check_at")
          .where("id", "=", caseId)
          .executeTakeFirstOrThrow()
      ).next_check_at,
    ).toBeNull();
  });

  it("stops the SLA clock while the case waits for the customer, and keeps the pause on a priority change", async () => {
    const { caseId } = await open(signal("pause-1", "pause-1", { priority: "urgent" }));
    const access = await resolveAccess(stores.sor.db, { kind: "system" }, ws.workspaceId);
    if (!access) throw new Error("no access");
    const ctx = { db: stores.sor.db, access };
    const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);
    await updateCase(ctx, caseId, { status: "waiting_customer" }, at(1));
    // Past the original due time (4 h), nothing happens while waiting.
    expect(await checkCaseSla(stores.sor.db, ws.workspaceId, { caseId }, at(5))).toBeNull();
    expect(await loadCase(stores.sor.db, ws.workspaceId, caseId)).toMatchObject({ slaBreachedAt: null });
    // The customer answers after 6 h: the due time moves by those 6 h, and the checks resume.
    const resumed = await updateCase(ctx, caseId, { status: "in_progress" }, at(7));
    expect(resumed.dueAt).toBe(at(10).toISOString());
    expect(await checkCaseSla(stores.sor.db, ws.workspaceId, { caseId }, at(7))).toMatchObject({
      breached: false,
      nextCheckAt: at(10),
    });
    // A priority change counts from the opening plus the time waited: high is 24 h.
    const high = await updateCase(ctx, caseId, { priority: "high" }, at(8));
    expect(high.dueAt).toBe(at(30).toISOString());
    expect(await checkCaseSla(stores.sor.db, ws.workspaceId, { caseId }, at(29))).toMatchObject({
      breached: false,
    });
    expect(await checkCaseSla(stores.sor.db, ws.workspaceId, { caseId }, at(30))).toMatchObject({
      breached: true,
    });
    const statuses = (await listTimeline(stores.sor.db, ws.workspaceId, caseId))
      .filter((e) => e.kind === "status")
      .map((e) => e.data);
    expect(statuses).toEqual([
      { from: "new", to: "waiting_customer", slaPaused: true },
      { from: "waiting_customer", to: "in_progress", slaPausedMinutes: 360 },
    ]);
  });

  it("reassigns a stale case to the next team member", async () => {
    await stores.sor.db
      .insertInto("case_settings")
      .values({
        workspace_id: ws.workspaceId,
        sla_minutes: JSON.stringify({ low: 100_000 }),
        stale_minutes: 60,
        follow_up_trigger_id: null,
      })
      .execute();
    const { caseId } = await open(signal("stale-1", "stale-1", { priority: "low" }));
    const before = await loadCase(stores.sor.db, ws.workspaceId, caseId);
    const out = await checkCaseSla(
      stores.sor.db,
      ws.workspaceId,
      { caseId },
      new Date(t0.getTime() + 61 * 60_000),
    );
    expect(out?.reassignedTo).not.toBeNull();
    expect(out?.reassignedTo).not.toBe(before.assigneeUserId);
    expect(agents).toContain(out?.reassignedTo);
    expect(out?.nextCheckAt?.toISOString()).toBe(new Date(t0.getTime() + 121 * 60_000).toISOString());
    const last = (await listTimeline(stores.sor.db, ws.workspaceId, caseId)).at(-1);
    expect(last).toMatchObject({
      kind: "reassigned",
      actorType: "system",
      data: { from: before.assigneeUserId, userId: out?.reassignedTo, reason: "stale" },
    });
  });
});
