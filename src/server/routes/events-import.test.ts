import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../core/stores.js";
import { type SeededWorkspace, SYSTEM_TOKEN, seedWorkspace, testApp } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";

const LOG = [
  "Fall;Aktivität;Zeit;Kanal",
  "K1;Antrag gestellt;2026-04-01T09:00:00+02:00;web",
  "K1;Antrag geprüft;2026-04-02T09:00:00+02:00;web",
  "K2;Antrag gestellt;gestern;app",
  "K2;Antrag gestellt;2026-04-03T10:00:00Z;app",
].join("\n");
const MAPPING = { caseId: "Fall", activity: "Aktivität", timestamp: "Zeit", properties: ["Kanal"] };

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "event-log import API on %s",
  (_name, variant) => {
    let stores: Stores;
    let ws: SeededWorkspace;
    let app: ReturnType<typeof testApp>;
    const base = () => `/api/v1/workspaces/${ws.workspaceId}/events/import`;
    async function request(
      method: string,
      path: string,
      body?: string | Uint8Array,
      type = "text/csv",
      token = SYSTEM_TOKEN,
    ) {
      const res = await app.request(path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { "content-type": type }) },
        ...(body !== undefined && { body: body as BodyInit }),
      });
      return { status: res.status, body: await res.json() };
    }
    const events = async () =>
      (
        await stores.facts.query<{ n: number }>(
          `SELECT count() AS n FROM ${stores.facts.database}.events FINAL WHERE workspace_id = {ws:UUID}`,
          { ws: ws.workspaceId },
        )
      )[0]?.n;

    beforeAll(async () => {
      stores = await variant.open();
      ws = await seedWorkspace(stores, "Events");
      app = testApp(stores);
    });
    afterAll(async () => {
      await stores?.close();
    });

    it("imports a gzipped CSV with a mapping, reports bad rows by number; a re-import adds nothing", async () => {
      const path = `${base()}?format=csv&mapping=${encodeURIComponent(JSON.stringify(MAPPING))}`;
      const first = await request("POST", path, gzipSync(Buffer.from(LOG)), "application/octet-stream");
      expect(first).toEqual({
        status: 200,
        body: {
          accepted: 3,
          duplicates: 0,
          rejected: 1,
          rows: 4,
          resumedFrom: 0,
          errors: [
            {
              pointer: "/rows/4/Zeit",
              code: "invalid_date",
              message: 'row 4, Zeit: "gestern" is not a date (ISO 8601 expected)',
            },
          ],
        },
      });
      const again = await request("POST", path, gzipSync(Buffer.from(LOG)), "application/octet-stream");
      expect(again.body).toMatchObject({ accepted: 0, duplicates: 3, rejected: 1 });
      expect(await events()).toBe(3);
    });

    it("answers 400 for a mapping naming a missing column, a missing mapping, and a non-XES body", async () => {
      const bad = await request(
        "POST",
        `${base()}?format=csv&mapping=${encodeURIComponent(JSON.stringify({ ...MAPPING, caseId: "Case" }))}`,
        LOG,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0]).toMatchObject({ pointer: "/query/mapping/caseId", code: "unknown_column" });
      expect((await request("POST", `${base()}?format=csv`, LOG)).body.errors[0].pointer).toBe(
        "/query/mapping",
      );
      const xes = await request(
        "POST",
        `${base()}?format=xes&preset=xes`,
        "<log><trace>",
        "application/octet-stream",
      );
      expect(xes.status).toBe(400);
      expect(xes.body.errors[0]).toMatchObject({ pointer: "/body", code: "invalid_xes" });
    });

    it("takes a large file piece by piece: state by fingerprint, a gap is 409, the last piece finishes it", async () => {
      const fingerprint = createHash("sha256").update("a big log").digest("hex");
      const records = [2, 3, 4].map((row) => ({
        row,
        cells: { Fall: `P${row}`, Aktivität: "Anruf", Zeit: `2026-04-0${row}T08:00:00Z`, Kanal: "phone" },
      }));
      const piece = (offset: number, rs: typeof records, last: boolean) =>
        JSON.stringify({ fingerprint, format: "csv", mapping: MAPPING, offset, last, records: rs });
      expect((await request("GET", `${base()}/${fingerprint}`)).status).toBe(404);
      const one = await request(
        "POST",
        `${base()}/pieces`,
        piece(0, records.slice(0, 2), false),
        "application/json",
      );
      expect(one.body).toMatchObject({ accepted: 2, rows: 2 });
      expect((await request("GET", `${base()}/${fingerprint}`)).body).toMatchObject({
        status: "running",
        rowsRead: 2,
      });
      const gap = await request("POST", `${base()}/pieces`, piece(3, [], true), "application/json");
      expect(gap.status).toBe(409);
      // An overlapping piece (a client that lost the last answer) skips what is stored.
      const two = await request(
        "POST",
        `${base()}/pieces`,
        piece(1, records.slice(1), true),
        "application/json",
      );
      expect(two.body).toMatchObject({ accepted: 3, duplicates: 0, rows: 3 });
      expect((await request("GET", `${base()}/${fingerprint}`)).body).toMatchObject({
        status: "done",
        rowsRead: 3,
      });
    });

    it("needs the write scope", async () => {
      const key = await ws.key(["read"]);
      const res = await request("POST", `${base()}?format=csv&preset=xes`, LOG, "text/csv", key);
      expect(res.status).toBe(403);
    });
  },
);
