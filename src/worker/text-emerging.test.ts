import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../core/stores.js";
import { weekStart } from "../core/text/emerging/detect-emerging.js";
import { maybeEnqueueEmergingCheck, TEXT_EMERGING_TOPIC } from "../core/text/emerging/schedule.js";
import { type SeededWorkspace, seedWorkspace } from "../testing/app.js";
import { drainOutbox } from "../testing/drain-outbox.js";
import { storeVariants } from "../testing/stores.js";
import { textFact } from "../testing/text-facts.js";

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

describe.each(storeVariants().map((v) => [v.name, v] as const))("text.emerging on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  const queued = () =>
    stores.sor.db
      .selectFrom("outbox")
      .select("id")
      .where("workspace_id", "=", ws.workspaceId)
      .where("topic", "=", TEXT_EMERGING_TOPIC)
      .execute();

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Emerging worker");
  });
  afterAll(() => stores.close());

  it("enqueues the check at most hourly per workspace, and the handler raises the alert", async () => {
    const t = new Date("2026-11-19T12:00:00Z");
    expect(await maybeEnqueueEmergingCheck(stores.sor.db, ws.workspaceId, t)).toBe(true);
    expect(
      await maybeEnqueueEmergingCheck(stores.sor.db, ws.workspaceId, new Date(t.getTime() + HOUR - 1)),
    ).toBe(false);
    const concurrent = await Promise.all(
      [1, 2, 3].map(() =>
        maybeEnqueueEmergingCheck(stores.sor.db, ws.workspaceId, new Date(t.getTime() + HOUR)),
      ),
    );
    expect(concurrent.filter(Boolean)).toHaveLength(1);
    expect(await queued()).toHaveLength(2);

    // The handler checks at the time it runs: a surge in the real current week.
    const now = new Date();
    const current = weekStart(now).getTime();
    const facts = [];
    for (let w = 1; w <= 8; w++)
      for (let k = 0; k < 3; k++)
        facts.push(textFact(ws.workspaceId, new Date(current - w * WEEK + k * HOUR), { aspects: ["price"] }));
    for (let k = 0; k < 40; k++)
      facts.push(
        textFact(ws.workspaceId, new Date(current + ((now.getTime() - current) * k) / 40), {
          aspects: ["price"],
        }),
      );
    await stores.facts.insert("feedback_text", facts);
    await drainOutbox(stores);
    const alerts = await stores.sor.db
      .selectFrom("alerts")
      .select(["kind", "dedupe_key"])
      .where("workspace_id", "=", ws.workspaceId)
      .execute();
    expect(alerts).toEqual([
      {
        kind: "emerging_topic",
        dedupe_key: `emerging:price:${new Date(current).toISOString().slice(0, 10)}`,
      },
    ]);
  });
});
