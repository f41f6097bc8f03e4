import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeededWorkspace, seedWorkspace } from "../../../testing/app.js";
import { drainOutbox } from "../../../testing/drain-outbox.js";
import { storeVariants } from "../../../testing/stores.js";
import { insertEnrichedFeedback } from "../../../testing/text-enrichments.js";
import { generateTopicTexts, type Theme } from "../../../testing/topic-texts.js";
import type { WorkspaceContext } from "../../context.js";
import { uuidv7 } from "../../ids.js";
import type { Stores } from "../../stores.js";
import { resolveAccess } from "../../workspaces/resolve-access.js";
import { discoverTopics } from "./discover-topics.js";
import { loadTopicRun } from "./get-topics.js";

describe.each(storeVariants().map((v) => [v.name, v] as const))("discoverTopics on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let ctx: WorkspaceContext;
  const themeOf = new Map<string, Theme | null>();
  const billing: string[] = [];
  const old: string[] = [];
  const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12));

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Topics");
    const access = await resolveAccess(
      stores.sor.db,
      { kind: "user", userId: ws.ownerId, email: "o@example.com" },
      ws.workspaceId,
    );
    if (!access) throw new Error("no access");
    ctx = { db: stores.sor.db, access, requestId: "test" };
    const db = stores.sor.db;
    for (const [i, g] of generateTopicTexts(12).entries()) {
      const id = await insertEnrichedFeedback(db, ws.workspaceId, { ...g, receivedAt: day(10 + (i % 10)) });
      themeOf.set(id, g.theme);
    }
    // Texts an aspect covers take no part, and lose a topic they had; so do texts outside from/to.
    for (let i = 0; i < 6; i++)
      billing.push(
        await insertEnrichedFeedback(db, ws.workspaceId, {
          text: "Die Rechnung zum Frühstück war falsch",
          language: "de",
          aspects: ["billing"],
          topicId: uuidv7(),
          receivedAt: day(12),
        }),
      );
    for (let i = 0; i < 5; i++)
      old.push(
        await insertEnrichedFeedback(db, ws.workspaceId, {
          text: "Der Parkplatz war belegt",
          language: "de",
          receivedAt: day(1),
        }),
      );
  });
  afterAll(() => stores.close());

  const topicIds = async () =>
    new Map(
      (
        await stores.sor.db
          .selectFrom("feedback_enrichments")
          .select(["feedback_id", "topic_id"])
          .where("workspace_id", "=", ws.workspaceId)
          .execute()
      ).map((r) => [r.feedback_id, r.topic_id]),
    );

  it("stores one topic per theme, points members at it and everyone else at none", async () => {
    const run = await discoverTopics(ctx, { from: "2026-11-05", to: "2026-11-30" });
    expect(run.items).toHaveLength(4);
    const assigned = await topicIds();
    const themes = run.items.map((t) => {
      const members = [...assigned].filter(([, topic]) => topic === t.id).map(([id]) => id);
      expect(members).toHaveLength(t.size);
      for (const s of t.sampleFeedbackIds) expect(members).toContain(s);
      const found = [...new Set(members.map((id) => themeOf.get(id)))];
      expect(found).toHaveLength(1);
      return { theme: found[0], size: t.size, label: t.label };
    });
    expect(themes.map((t) => t.theme).sort()).toEqual(["breakfast", "lifts", "parking", "pets"]);
    for (const t of themes) expect(t.size).toBe(12);
    for (const id of [...billing, ...old]) expect(assigned.get(id)).toBeNull();
    expect(await loadTopicRun(stores.sor.db, ws.workspaceId)).toEqual(run);

    // Records whose topic changed are queued so their facts rows carry the new topic.
    const queued = await stores.sor.db
      .selectFrom("outbox")
      .select("payload")
      .where("workspace_id", "=", ws.workspaceId)
      .where("topic", "=", "feedback.enrich")
      .execute();
    const ids = queued.flatMap((m) => (m.payload as { ids: string[] }).ids);
    expect(new Set(ids)).toEqual(
      new Set([...billing, ...[...assigned].filter(([, t]) => t).map(([id]) => id)]),
    );

    // The enrich handler rewrites their facts rows, which then carry the topic (or none).
    await drainOutbox(stores);
    const facts = await stores.facts.query<{ topic_id: string; n: number }>(
      `SELECT topic_id, count() AS n FROM ${stores.facts.database}.feedback_text FINAL
       WHERE workspace_id = {ws:UUID} AND deleted = 0 GROUP BY topic_id ORDER BY topic_id`,
      { ws: ws.workspaceId },
    );
    const expected = [
      ...run.items.map((t) => ({ topic_id: t.id, n: 12 })),
      { topic_id: "", n: billing.length },
    ];
    expect(facts).toEqual(expected.sort((a, b) => (a.topic_id < b.topic_id ? -1 : 1)));
  });

  it("replaces the previous run and follows a given k", async () => {
    const first = await loadTopicRun(stores.sor.db, ws.workspaceId);
    const second = await discoverTopics(ctx, { k: 2 });
    expect(second.runId).not.toBe(first.runId);
    expect(second.items.length).toBeLessThanOrEqual(2);
    const rows = await stores.sor.db
      .selectFrom("text_topics")
      .select("run_id")
      .where("workspace_id", "=", ws.workspaceId)
      .execute();
    expect(new Set(rows.map((r) => r.run_id))).toEqual(new Set([second.runId]));
    const assigned = await topicIds();
    const live = new Set(second.items.map((t) => t.id));
    for (const topic of assigned.values()) if (topic !== null) expect(live.has(topic)).toBe(true);

    // Unchanged texts are not analysed again: their facts rows are rewritten at the same revision
    // with the new topic, and FINAL keeps the later row.
    const revisions = () =>
      stores.sor.db
        .selectFrom("feedback_enrichments")
        .select(["feedback_id", "revision"])
        .where("workspace_id", "=", ws.workspaceId)
        .orderBy("feedback_id")
        .execute();
    // (Records the engine analysed in the first test have revision 2; test-made ones 1.)
    const analysed = (rows: { feedback_id: string; revision: number }[]) =>
      rows.filter((r) => r.revision > 1);
    const before = analysed(await revisions());
    await drainOutbox(stores);
    expect(before.length).toBeGreaterThan(40);
    expect(
      analysed(await revisions()).filter((r) => before.some((b) => b.feedback_id === r.feedback_id)),
    ).toEqual(before);
    const facts = await stores.facts.query<{ topic_id: string; n: number }>(
      `SELECT topic_id, count() AS n FROM ${stores.facts.database}.feedback_text FINAL
       WHERE workspace_id = {ws:UUID} AND deleted = 0 AND topic_id != '' GROUP BY topic_id ORDER BY topic_id`,
      { ws: ws.workspaceId },
    );
    expect(facts).toEqual(
      second.items
        .map((t) => ({ topic_id: t.id, n: t.size }))
        .sort((a, b) => (a.topic_id < b.topic_id ? -1 : 1)),
    );
  });

  it("refuses from after to", async () => {
    await expect(discoverTopics(ctx, { from: "2026-11-30", to: "2026-11-01" })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});
