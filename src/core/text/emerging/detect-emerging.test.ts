import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeededWorkspace, seedWorkspace } from "../../../testing/app.js";
import { storeVariants } from "../../../testing/stores.js";
import { type TextFactRow, textFact } from "../../../testing/text-facts.js";
import { uuidv7 } from "../../ids.js";
import type { Stores } from "../../stores.js";
import { detectEmergingTopics, weekStart } from "./detect-emerging.js";
import { scoreWeek } from "./emerging-rule.js";

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** Thursday noon: the running week (from Monday 2026-11-16) is 3.5 days old. */
const NOW = new Date("2026-11-19T12:00:00Z");
const CURRENT = weekStart(NOW);
const weekAgo = (i: number) => new Date(CURRENT.getTime() - i * WEEK);

/** `count` texts spread evenly over week `i` ago (0 = the running week, up to NOW). */
function week(
  workspaceId: string,
  i: number,
  count: number,
  opts: Parameters<typeof textFact>[2] = {},
  now = NOW,
): TextFactRow[] {
  const start = weekAgo(i).getTime();
  const span = i === 0 ? now.getTime() - start : WEEK;
  return Array.from({ length: count }, (_, k) =>
    textFact(workspaceId, new Date(start + ((k + 0.5) * span) / count), opts),
  );
}

/** Counts for weeks 1…9 ago (week 1 first). */
const history = (workspaceId: string, counts: number[], opts: Parameters<typeof textFact>[2]) =>
  counts.flatMap((n, i) => week(workspaceId, i + 1, n, opts));

describe("scoreWeek", () => {
  it("scales a running week only from day three and needs z ≥ 3, ≥ 10 projected, ≥ 2 × mean and 5 real mentions", () => {
    const flat = [5, 5, 5, 5, 5, 5, 5, 5];
    expect(scoreWeek(11, flat, 7)).toMatchObject({ projected: 11, fires: false });
    expect(scoreWeek(11, flat, 3.5)).toMatchObject({ projected: 22, fires: true });
    expect(scoreWeek(11, flat, 2)).toMatchObject({ projected: 11, fires: false });
    expect(scoreWeek(12, flat, 7)).toMatchObject({ fires: true });
    expect(scoreWeek(4, [0, 0, 0, 0, 0, 0, 0, 0], 3)).toMatchObject({ fires: false });
    expect(scoreWeek(10, [0, 0, 0, 0, 0, 0, 0, 0], 7)).toMatchObject({ z: 10, fires: true });
    expect(scoreWeek(60, [40, 40, 40, 40, 40, 40, 40, 40], 7)).toMatchObject({ fires: false });
  });
});

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "detectEmergingTopics on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let other: SeededWorkspace;
    const alertsOf = (workspaceId: string) =>
      stores.sor.db.selectFrom("alerts").selectAll().where("workspace_id", "=", workspaceId).execute();

    beforeAll(async () => {
      stores = await variant.open();
      ws = await seedWorkspace(stores, "Emerging");
      other = await seedWorkspace(stores, "Quiet");
      const id = ws.workspaceId;
      const refunds = week(id, 0, 30, { aspects: ["refund"] });
      await stores.facts.insert("feedback_text", [
        // The surge: billing at about 5 a week, then 30 in the first 3.5 days of this week.
        ...history(id, [4, 6, 5, 3, 5, 7, 4, 6, 5], { aspects: ["billing"] }),
        ...week(id, 0, 24, { aspects: ["billing"] }),
        ...week(id, 0, 6, { aspects: ["billing"], polarity: 1 }),
        // Flat and busy: delivery about 20 a week, 11 so far (22 projected).
        ...history(id, [18, 22, 19, 23, 20, 17, 21, 20, 22], { aspects: ["delivery", "punctuality"] }),
        ...week(id, 0, 11, { aspects: ["delivery", "punctuality"] }),
        // Noisy: waiting time jumps between 2 and 13; 7 so far (14 projected) is within the noise.
        ...history(id, [2, 12, 3, 11, 4, 10, 2, 13, 5], { aspects: ["waiting_time"] }),
        ...week(id, 0, 7, { aspects: ["waiting_time"] }),
        // New but tiny: 4 safety mentions.
        ...week(id, 0, 4, { aspects: ["safety"] }),
        // A surge that was deleted again: 30 refund texts, each with a newer deleted row.
        ...refunds,
        ...refunds.map((r) => ({ ...r, deleted: 1, version: 2 })),
        // Texts without aspects count for nothing here.
        ...week(id, 0, 40, {}),
        // The other workspace has only the baseline.
        ...history(other.workspaceId, [4, 6, 5, 3, 5, 7, 4, 6, 5], { aspects: ["billing"] }),
      ]);
    });
    afterAll(() => stores.close());

    it("raises exactly one alert, for the surging aspect, with its week and counts; re-runs add none", async () => {
      const raised = await detectEmergingTopics(stores, ws.workspaceId, { now: NOW });
      expect(raised).toHaveLength(1);
      const [alert] = raised;
      expect(alert).toMatchObject({
        kind: "emerging_topic",
        severity: "critical",
        acknowledgedAt: null,
        details: {
          aspect: "billing",
          label: { de: "Abrechnung & Gebühren", en: "Billing & fees" },
          week: "2026-11-16",
          count: 30,
          projectedCount: 60,
          partialWeek: true,
          baselineMean: 5,
          sentimentNegativeShare: 0.8,
        },
      });
      expect(alert?.details.z).toBeGreaterThan(20);
      expect(alert?.title).toContain("Billing & fees");
      const stored = await stores.sor.db
        .selectFrom("alerts")
        .select("dedupe_key")
        .where("workspace_id", "=", ws.workspaceId)
        .execute();
      expect(stored).toEqual([{ dedupe_key: "emerging:billing:2026-11-16" }]);

      expect(
        await detectEmergingTopics(stores, ws.workspaceId, { now: new Date(NOW.getTime() + 3600_000) }),
      ).toEqual([]);
      // Next Monday the finished week is checked as the last complete week: still the same alert.
      expect(
        await detectEmergingTopics(stores, ws.workspaceId, { now: new Date("2026-11-23T08:00:00Z") }),
      ).toEqual([]);
      expect(await alertsOf(ws.workspaceId)).toHaveLength(1);
      expect(await detectEmergingTopics(stores, other.workspaceId, { now: NOW })).toEqual([]);
      expect(await alertsOf(other.workspaceId)).toEqual([]);
    });

    it("watches the topics of the current discovery run, and catches a surge after its week ended", async () => {
      const quiet = await seedWorkspace(stores, "Topics");
      const topicId = uuidv7();
      const staleTopic = uuidv7();
      await stores.sor.db
        .insertInto("text_topics")
        .values({
          id: topicId,
          workspace_id: quiet.workspaceId,
          run_id: uuidv7(),
          label: "parkplatz / parkhaus",
          keywords: ["parkplatz", "parkhaus"],
          size: 20,
        })
        .execute();
      const monday = new Date("2026-11-23T08:00:00Z");
      await stores.facts.insert("feedback_text", [
        ...history(quiet.workspaceId, [1, 1, 1, 1, 1, 1, 1, 1, 1], { topicId }),
        ...week(quiet.workspaceId, 0, 15, { topicId }),
        ...week(quiet.workspaceId, 0, 15, { topicId: staleTopic }),
      ]);
      // Checked only on the next Monday morning: the week just ended is complete, so no scaling.
      const raised = await detectEmergingTopics(stores, quiet.workspaceId, { now: monday });
      expect(raised.map((a) => a.details)).toEqual([
        expect.objectContaining({
          topicId,
          label: { de: "parkplatz / parkhaus", en: "parkplatz / parkhaus" },
          week: "2026-11-16",
          count: 15,
          projectedCount: 15,
          partialWeek: false,
          baselineMean: 1,
        }),
      ]);
    });
  },
);
