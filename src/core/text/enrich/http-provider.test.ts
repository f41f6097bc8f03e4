import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { client, type SeededWorkspace, SYSTEM_TOKEN, seedWorkspace, testApp } from "../../../testing/app.js";
import { storeVariants } from "../../../testing/stores.js";
import type { Stores } from "../../stores.js";
import { ENGINE } from "../analyze-text.js";
import type { HttpProviderSettings } from "../settings/text-settings.schema.js";
import type { StoredAnalysis } from "./analysis.schema.js";
import { enrichFeedback } from "./enrich-feedback.js";
import { httpProvider } from "./http-provider.js";

interface Received {
  headers: IncomingHttpHeaders;
  body: { texts: { id: string; text: string; language: string }[]; aspects: { key: string }[] };
}

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "HTTP text provider on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let call: ReturnType<typeof client>;
    let server: Server;
    let url: string;
    let received: Received[];
    /** How the provider answers the next requests. */
    let reply: (r: Received) => { status: number; body: string; delayMs?: number };

    const answer = (r: Received) => ({
      status: 200,
      body: JSON.stringify({
        results: r.body.texts.map((t) => ({
          id: t.id,
          sentiment: { label: "negative", score: -0.8 },
          aspects: [
            { aspect: "delivery", label: "negative", score: -0.9, triggers: ["lieferung", "nicht im text"] },
            { aspect: "not_in_taxonomy", label: "positive", score: 0.5 },
          ],
        })),
      }),
    });
    const settings = (over: Partial<HttpProviderSettings> = {}): HttpProviderSettings => ({
      kind: "http",
      url,
      apiKey: "sk-test",
      timeoutMs: 2000,
      ...over,
    });
    const post = async (text: string): Promise<string> => {
      const res = await call("POST", `/api/v1/workspaces/${ws.workspaceId}/feedback`, {
        bearer: SYSTEM_TOKEN,
        body: { channel: "email", text, language: "de" },
      });
      return res.body.items[0].id;
    };
    const run = async (
      id: string,
      over: Partial<HttpProviderSettings> = {},
      allowPrivateAddresses = true,
    ) => {
      const env = { db: stores.sor.db, workspaceId: ws.workspaceId, allowPrivateAddresses };
      await enrichFeedback(stores, ws.workspaceId, [id], { provider: httpProvider(settings(over), env) });
      const row = await stores.sor.db
        .selectFrom("feedback_enrichments")
        .selectAll()
        .where("feedback_id", "=", id)
        .executeTakeFirstOrThrow();
      return { row, analysis: row.analysis as StoredAnalysis };
    };

    beforeAll(async () => {
      stores = await variant.open();
      ws = await seedWorkspace(stores, "Provider");
      call = client(testApp(stores));
      server = createServer((req, res) => {
        let body = "";
        req.on("data", (c) => {
          body += c;
        });
        req.on("end", () => {
          const r: Received = { headers: req.headers, body: JSON.parse(body) };
          received.push(r);
          const out = reply(r);
          setTimeout(() => {
            if (!res.destroyed)
              res.writeHead(out.status, { "content-type": "application/json" }).end(out.body);
          }, out.delayMs ?? 0);
        });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/analyze`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stores.close();
    });
    beforeEach(() => {
      received = [];
      reply = answer;
    });

    it("sends redacted texts with the aspects and the key, and stores the answer with triggers in the original", async () => {
      const text = "Lieferung kam nie an. Rückruf an 0171 2345678 oder max@example.com bitte!";
      const id = await post(text);
      const { row, analysis } = await run(id);
      expect(received).toHaveLength(1);
      const sent = received[0] as Received;
      expect(sent.headers.authorization).toBe("Bearer sk-test");
      expect(sent.body.texts).toEqual([
        { id, text: "Lieferung kam nie an. Rückruf an [phone] oder [email] bitte!", language: "de" },
      ]);
      expect(sent.body.aspects.map((a) => a.key)).toContain("delivery");
      expect(row).toMatchObject({
        engine: `http:${new URL(url).host}`,
        sentiment: "negative",
        aspect_keys: ["delivery"],
      });
      expect(analysis).toMatchObject({ label: "negative", score: -0.8, clauses: [], language: "de" });
      expect(analysis.aspects).toEqual([
        {
          aspect: "delivery",
          label: "negative",
          score: -0.9,
          clause: -1,
          triggers: [{ from: 0, to: 9, text: "Lieferung" }],
        },
      ]);
      expect(analysis.fallbackReason).toBeUndefined();
    });

    it("answers a repeated text from the cache: the provider is called once for two runs", async () => {
      const id = await post("Die Lieferung war pünktlich, aber der Karton nass");
      const first = await run(id);
      const env = { db: stores.sor.db, workspaceId: ws.workspaceId, allowPrivateAddresses: true };
      await enrichFeedback(stores, ws.workspaceId, [id], {
        provider: httpProvider(settings(), env),
        force: true,
      });
      expect(received).toHaveLength(1);
      const again = await stores.sor.db
        .selectFrom("feedback_enrichments")
        .select(["revision", "analysis"])
        .where("feedback_id", "=", id)
        .executeTakeFirstOrThrow();
      expect(again.revision).toBe(2);
      expect((again.analysis as StoredAnalysis).score).toBe(first.analysis.score);
    });

    const fallbacks: [string, (r: Received) => { status: number; body: string; delayMs?: number }, RegExp][] =
      [
        ["a timeout", (r) => ({ ...answer(r), delayMs: 1500 }), /timed out after 500 ms/],
        ["a 500", () => ({ status: 500, body: "boom" }), /status 500/],
        ["bad JSON", () => ({ status: 200, body: "{results: nope" }), /not JSON/],
        ["a wrong shape", () => ({ status: 200, body: '{"results":[{"id":"x"}]}' }), /does not match/],
        ["a missing id", () => ({ status: 200, body: '{"results":[]}' }), /no result for this text/],
      ];
    for (const [what, how, reason] of fallbacks)
      it(`falls back to the built-in result on ${what}, and retries the provider next time`, async () => {
        reply = how;
        const id = await post(`Lieferung zu spät (${what})`);
        const { row, analysis } = await run(id, { timeoutMs: 500 });
        expect(row.engine).toBe(`${ENGINE} (fallback)`);
        expect(analysis.fallbackReason).toMatch(reason);
        expect(analysis.clauses.length).toBeGreaterThan(0);
        expect(analysis.aspects.map((a) => a.aspect)).toContain("delivery");
        expect(row.input_hash.startsWith("fallback:")).toBe(true);
        reply = answer;
        received = [];
        const retried = await run(id, { timeoutMs: 500 });
        expect(received).toHaveLength(1);
        expect(retried.row.engine).toBe(`http:${new URL(url).host}`);
      });

    it("refuses a loopback provider unless private addresses are allowed", async () => {
      const id = await post("Lieferung verloren");
      const { row, analysis } = await run(id, {}, false);
      expect(received).toHaveLength(0);
      expect(row.engine).toBe(`${ENGINE} (fallback)`);
      expect(analysis.fallbackReason).toMatch(/private address/);
    });
  },
);
