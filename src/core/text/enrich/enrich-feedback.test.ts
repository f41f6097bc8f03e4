import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, type SeededWorkspace, SYSTEM_TOKEN, seedWorkspace, testApp } from "../../../testing/app.js";
import { storeVariants } from "../../../testing/stores.js";
import { uuidv7 } from "../../ids.js";
import type { Stores } from "../../stores.js";
import { ENGINE } from "../analyze-text.js";
import type { StoredAnalysis } from "./analysis.schema.js";
import { analysedText, enrichFeedback } from "./enrich-feedback.js";
import type { FeedbackTextFact } from "./feedback-text-facts.js";

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "feedback enrichment on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let other: SeededWorkspace;
    let call: ReturnType<typeof client>;

    const post = async (workspaceId: string, items: Record<string, unknown>[]): Promise<string[]> => {
      const res = await call("POST", `/api/v1/workspaces/${workspaceId}/feedback`, {
        bearer: SYSTEM_TOKEN,
        body: { items: items.map((i) => ({ channel: "email", ...i })) },
      });
      expect(res.status).toBe(201);
      return res.body.items.map((i: { id: string }) => i.id);
    };
    const enrichment = (id: string) =>
      stores.sor.db
        .selectFrom("feedback_enrichments")
        .selectAll()
        .where("feedback_id", "=", id)
        .executeTakeFirst();
    const facts = (workspaceId: string, id: string) =>
      stores.facts.query<FeedbackTextFact>(
        `SELECT * FROM ${stores.facts.database}.feedback_text FINAL
       WHERE workspace_id = {ws:UUID} AND feedback_id = {id:UUID}`,
        { ws: workspaceId, id },
      );
    const rawFactRows = async (id: string) =>
      (
        await stores.facts.query<{ n: number }>(
          `SELECT count() AS n FROM ${stores.facts.database}.feedback_text WHERE feedback_id = {id:UUID}`,
          { id },
        )
      )[0]?.n;

    beforeAll(async () => {
      stores = await variant.open();
      ws = await seedWorkspace(stores, "Enrich");
      other = await seedWorkspace(stores, "Other");
      call = client(testApp(stores));
    });
    afterAll(() => stores.close());

    it("joins the non-blank of title and text with a blank line", () => {
      expect(analysedText("Titel", "Text")).toBe("Titel\n\nText");
      expect(analysedText(null, "Text")).toBe("Text");
      expect(analysedText("  ", "Text")).toBe("Text");
      expect(analysedText("Titel", " ")).toBe("Titel");
    });

    it("stores the analysis with offsets into title + text and writes the facts row with polarities", async () => {
      const [id] = await post(ws.workspaceId, [
        {
          title: "Lieferung",
          text: "Die Lieferung hat ewig gedauert und niemand ruft zurück",
          receivedAt: "2026-03-02T09:15:00Z",
        },
      ]);
      expect(await enrichFeedback(stores, ws.workspaceId, [id as string])).toEqual({
        analysed: 1,
        unchanged: 0,
        deleted: 0,
      });
      const row = await enrichment(id as string);
      const analysis = row?.analysis as StoredAnalysis;
      expect(row).toMatchObject({ engine: ENGINE, language: "de", sentiment: "negative", revision: 1 });
      expect([...(row?.aspect_keys ?? [])].sort()).toEqual(["delivery", "reachability", "waiting_time"]);
      const text = "Lieferung\n\nDie Lieferung hat ewig gedauert und niemand ruft zurück";
      for (const hit of analysis.aspects)
        for (const t of hit.triggers) expect(text.slice(t.from, t.to)).toBe(t.text);
      expect(analysis.aspects.find((h) => h.aspect === "delivery")?.triggers.map((t) => t.from)).toEqual([
        0, 15,
      ]);

      const [fact] = await facts(ws.workspaceId, id as string);
      expect(fact).toMatchObject({
        received_at: "2026-03-02 09:15:00.000",
        kind: "unsolicited",
        channel: "email",
        language: "de",
        engine: ENGINE,
        sentiment: "negative",
        deleted: 0,
        version: 1,
      });
      const polarity = Object.fromEntries(
        fact?.aspect_keys.map((k, i) => [k, fact.aspect_polarities[i]]) ?? [],
      );
      expect(polarity).toEqual({ delivery: -1, reachability: -1, waiting_time: -1 });
      expect(fact?.keywords).toEqual(analysis.keywords);
    });

    it("skips an unchanged record, re-analyses when forced or when the taxonomy version changes", async () => {
      const [id] = await post(ws.workspaceId, [{ text: "Sehr freundliche Beratung im Shop, danke!" }]);
      const fid = id as string;
      await enrichFeedback(stores, ws.workspaceId, [fid]);
      const first = await enrichment(fid);
      expect(await enrichFeedback(stores, ws.workspaceId, [fid])).toMatchObject({
        analysed: 0,
        unchanged: 1,
      });
      expect((await enrichment(fid))?.enriched_at).toEqual(first?.enriched_at);
      expect((await facts(ws.workspaceId, fid))[0]?.version).toBe(1);

      expect(await enrichFeedback(stores, ws.workspaceId, [fid], { force: true })).toMatchObject({
        analysed: 1,
      });
      expect((await enrichment(fid))?.revision).toBe(2);
      expect((await facts(ws.workspaceId, fid))[0]?.version).toBe(2);

      await stores.sor.db
        .insertInto("text_settings")
        .values({ workspace_id: ws.workspaceId, version: 2, updated_at: new Date() })
        .execute();
      expect(await enrichFeedback(stores, ws.workspaceId, [fid])).toMatchObject({ analysed: 1 });
      expect((await enrichment(fid))?.revision).toBe(3);
      expect((await facts(ws.workspaceId, fid))[0]).toMatchObject({ version: 3, sentiment: "positive" });
    });

    it("keeps PII out of the facts keywords while the stored analysis highlights the original", async () => {
      const text = "Bitte an mustermann@beispiel.de antworten, Vertragsnummer: AB12345678. Rechnung falsch.";
      const [id] = await post(ws.workspaceId, [{ text, language: "de" }]);
      await enrichFeedback(stores, ws.workspaceId, [id as string]);
      const [fact] = await facts(ws.workspaceId, id as string);
      const stored = (await enrichment(id as string))?.analysis as StoredAnalysis;
      expect(stored.aspects.map((a) => a.aspect)).toContain("billing");
      expect(stored.keywords).toContain("mustermann");
      expect(fact?.keywords).toContain("rechnung");
      for (const pii of ["mustermann", "beispiel", "ab12345678", "email", "number"])
        expect(fact?.keywords).not.toContain(pii);
      expect(JSON.stringify(fact)).not.toMatch(/mustermann|AB12345678/i);
    });

    it("gives records without text a neutral enrichment and keeps them out of text analytics", async () => {
      const [id] = await post(ws.workspaceId, [{ ratings: [{ metric: "nps", value: 2 }], language: "en" }]);
      await enrichFeedback(stores, ws.workspaceId, [id as string]);
      expect(await enrichment(id as string)).toMatchObject({
        sentiment: "neutral",
        sentiment_score: 0,
        language: "en",
        aspect_keys: [],
      });
      expect((await facts(ws.workspaceId, id as string))[0]).toMatchObject({
        deleted: 1,
        sentiment: "neutral",
      });
    });

    it("keeps the discovered topic and writes a deleted row once for a record that is gone", async () => {
      const [id] = await post(ws.workspaceId, [{ text: "The app crashes at login every single time" }]);
      const fid = id as string;
      await enrichFeedback(stores, ws.workspaceId, [fid]);
      const topicId = uuidv7();
      await stores.sor.db
        .updateTable("feedback_enrichments")
        .set({ topic_id: topicId })
        .where("feedback_id", "=", fid)
        .execute();
      await enrichFeedback(stores, ws.workspaceId, [fid], { force: true });
      expect((await facts(ws.workspaceId, fid))[0]).toMatchObject({ topic_id: topicId, version: 2 });

      await sql`delete from feedback where id = ${fid}`.execute(stores.sor.db);
      expect(await enrichment(fid)).toBeUndefined();
      expect(await enrichFeedback(stores, ws.workspaceId, [fid])).toEqual({
        analysed: 0,
        unchanged: 0,
        deleted: 1,
      });
      expect((await facts(ws.workspaceId, fid))[0]).toMatchObject({ deleted: 1, version: 3, keywords: [] });
      const before = await rawFactRows(fid);
      expect(await enrichFeedback(stores, ws.workspaceId, [fid])).toMatchObject({ deleted: 0 });
      expect(await rawFactRows(fid)).toBe(before);
    });

    it("never touches another workspace's records, and ignores ids that are not UUIDs", async () => {
      const [foreign] = await post(other.workspaceId, [{ text: "Fremdes Feedback, sehr gut" }]);
      await enrichFeedback(stores, other.workspaceId, [foreign as string]);
      const before = await facts(other.workspaceId, foreign as string);
      expect(await enrichFeedback(stores, ws.workspaceId, [foreign as string, "nope"])).toEqual({
        analysed: 0,
        unchanged: 0,
        deleted: 0,
      });
      expect(await facts(other.workspaceId, foreign as string)).toEqual(before);
      expect((await enrichment(foreign as string))?.workspace_id).toBe(other.workspaceId);
    });

    it("enriches a batch of 500 in one pass", async () => {
      const items = Array.from({ length: 500 }, (_, i) => ({
        text: i % 2 === 0 ? `Paket Nummer ${i} kam zu spät` : `Great support, ticket ${i} solved quickly`,
      }));
      const ids = await post(ws.workspaceId, items);
      expect(await enrichFeedback(stores, ws.workspaceId, ids)).toMatchObject({ analysed: 500 });
      const [count] = await stores.facts.query<{ negative: number; positive: number }>(
        `SELECT countIf(sentiment = 'negative') AS negative, countIf(sentiment = 'positive') AS positive
       FROM ${stores.facts.database}.feedback_text FINAL WHERE feedback_id IN {ids:Array(UUID)}`,
        { ids },
      );
      expect(count).toEqual({ negative: 250, positive: 250 });
    });
  },
);
