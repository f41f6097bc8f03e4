import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../core/stores.js";
import { client, type SeededWorkspace, seedWorkspace, testApp } from "../../testing/app.js";
import { drainOutbox } from "../../testing/drain-outbox.js";
import { storeVariants } from "../../testing/stores.js";

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "text analytics flow on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let call: ReturnType<typeof client>;
    const base = () => `/api/v1/workspaces/${ws.workspaceId}`;

    beforeAll(async () => {
      stores = await variant.open();
      ws = await seedWorkspace(stores, "Flow");
      call = client(testApp(stores));
    });
    afterAll(() => stores.close());

    it("enriches new feedback through the outbox: inbox evidence, facts row, trend and keywords", async () => {
      const text = "Die Lieferung hat ewig gedauert und niemand ruft zurück";
      const key = await ws.key(["ingest"]);
      const posted = await call("POST", "/api/v1/feedback", {
        bearer: key,
        body: { channel: "complaint_form", text, receivedAt: "2026-05-06T10:00:00Z" },
      });
      expect(posted.status).toBe(201);
      const id = posted.body.items[0].id as string;
      const topics = await stores.sor.db
        .selectFrom("outbox")
        .select("topic")
        .where("workspace_id", "=", ws.workspaceId)
        .orderBy("id")
        .execute();
      expect(topics.map((t) => t.topic)).toEqual(["feedback.relay", "feedback.enrich"]);
      expect(
        (await call("GET", `${base()}/feedback/${id}`, { cookie: ws.ownerCookie })).body.enrichment,
      ).toBeNull();

      await drainOutbox(stores);

      const got = await call("GET", `${base()}/feedback/${id}`, { cookie: ws.ownerCookie });
      const enrichment = got.body.enrichment;
      expect(enrichment).toMatchObject({ engine: "builtin/1", language: "de", sentiment: "negative" });
      expect(enrichment.score).toBeLessThan(0);
      const aspects = enrichment.aspects as {
        aspect: string;
        label: string;
        triggers: { from: number; to: number; text: string }[];
      }[];
      expect(aspects.map((a) => a.aspect).sort()).toEqual(["delivery", "reachability", "waiting_time"]);
      for (const a of aspects) {
        expect(a.label).toBe("negative");
        expect(a.triggers.length).toBeGreaterThan(0);
        for (const t of a.triggers) expect(text.slice(t.from, t.to)).toBe(t.text);
      }
      expect(aspects.find((a) => a.aspect === "delivery")?.triggers).toEqual([
        { from: 4, to: 13, text: "Lieferung" },
      ]);

      const rows = await stores.facts.query<{ sentiment: string; aspect_keys: string[]; version: number }>(
        `SELECT sentiment, aspect_keys, version FROM ${stores.facts.database}.feedback_text FINAL
       WHERE workspace_id = {ws:UUID} AND feedback_id = {id:UUID} AND deleted = 0`,
        { ws: ws.workspaceId, id },
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]?.sentiment).toBe("negative");
      expect([...(rows[0]?.aspect_keys ?? [])].sort()).toEqual(["delivery", "reachability", "waiting_time"]);

      const trend = await call("GET", `${base()}/text/trend?interval=day`, { cookie: ws.ownerCookie });
      expect(trend.body.items).toContainEqual({
        period: "2026-05-06",
        aspect: "delivery",
        mentions: 1,
        negative: 1,
        neutral: 0,
        positive: 0,
        meanScore: expect.any(Number),
      });
      expect(trend.body.totals.find((t: { aspect: string }) => t.aspect === "")).toMatchObject({
        mentions: 1,
        negative: 1,
      });
      const keywords = await call("GET", `${base()}/text/keywords`, { cookie: ws.ownerCookie });
      expect(keywords.body.items).toContainEqual({
        keyword: "lieferung",
        count: 1,
        negative: 1,
        positive: 0,
      });

      // A replay of the messages (e.g. a worker died after the write) changes nothing.
      const before = await stores.sor.db
        .selectFrom("feedback_enrichments")
        .select(["revision", "enriched_at"])
        .where("feedback_id", "=", id)
        .executeTakeFirstOrThrow();
      await stores.sor.db
        .updateTable("outbox")
        .set({ status: "pending", available_at: new Date(0) })
        .execute();
      await drainOutbox(stores);
      expect(
        await stores.sor.db
          .selectFrom("feedback_enrichments")
          .select(["revision", "enriched_at"])
          .where("feedback_id", "=", id)
          .executeTakeFirstOrThrow(),
      ).toEqual(before);
    });
  },
);
