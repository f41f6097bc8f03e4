import { createReadStream, existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWorkspace } from "../../../testing/app.js";
import { sharedDataFile } from "../../../testing/shared-data.js";
import { storeVariants } from "../../../testing/stores.js";
import { forgetSuppressions } from "../../customers/suppressions.js";
import { isAppError } from "../../errors.js";
import type { Stores } from "../../stores.js";
import { XES_PRESET } from "./event-log-mapping.js";
import { fileFingerprint, fingerprintOf } from "./fingerprint.js";
import { type ImportEventLogInput, importEventLog } from "./import-event-log.js";

/** A small complaint-handling log of our own, in the XES-named CSV shape of the shared logs. */
const LOG = `case:concept:name,concept:name,time:timestamp,lifecycle:transition,org:resource,case:channel
C1,Complaint received,2026-05-04T09:00:00+02:00,complete,Ana,phone
C1,Call back,2026-05-04T11:00:00+02:00,start,Ben,phone
C1,Call back,2026-05-04T11:20:00+02:00,complete,Ben,phone
C2,Complaint received,2026-05-05T08:00:00Z,complete,Ana,web
C2,Refund issued,2026-05-06T08:00:00Z,complete,Cem,web
C3,Complaint received,2026-05-07 10:00:00.123000+02:00,complete,Ana,mail
`;

async function* bytes(data: Uint8Array): AsyncGenerator<Uint8Array> {
  yield data;
}
/** The file up to `cut` bytes, trickling in, then the connection dies. */
async function* interrupted(data: Uint8Array, cut: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < cut; i += 10) {
    yield data.subarray(i, Math.min(cut, i + 10));
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error("connection reset");
}

describe.each(storeVariants().map((v) => [v.name, v] as const))("importEventLog on %s", (_name, variant) => {
  let stores: Stores;
  beforeAll(async () => {
    stores = await variant.open();
  });
  afterAll(async () => {
    await stores?.close();
  });

  const facts = (ws: string) =>
    stores.facts.query<{
      event: string;
      user_id: string;
      timestamp: string;
      properties: string;
      source: string;
      historical: number;
    }>(
      `SELECT event, user_id, toString(timestamp) AS timestamp, properties, source, historical
       FROM ${stores.facts.database}.events FINAL WHERE workspace_id = {ws:UUID} ORDER BY timestamp, event`,
      { ws },
    );
  const run = async (ws: string, data: Uint8Array, extra: Partial<ImportEventLogInput> = {}) =>
    importEventLog(stores, {
      workspaceId: ws,
      format: "csv",
      mapping: XES_PRESET,
      preset: true,
      fingerprint: await fingerprintOf(bytes(data)),
      source: bytes(data),
      ...extra,
    });

  it("maps each row to a historical track event of the case; a re-import adds nothing", async () => {
    const { workspaceId: ws } = await seedWorkspace(stores, "Log");
    const data = Buffer.from(LOG);
    expect(await run(ws, data)).toMatchObject({
      rows: 6,
      accepted: 6,
      duplicates: 0,
      rejected: 0,
      errors: [],
    });
    const rows = await facts(ws);
    expect(rows.map((r) => [r.user_id, r.event, r.timestamp])).toEqual([
      ["C1", "Complaint received", "2026-05-04 07:00:00.000"],
      ["C1", "Call back (start)", "2026-05-04 09:00:00.000"],
      ["C1", "Call back", "2026-05-04 09:20:00.000"],
      ["C2", "Complaint received", "2026-05-05 08:00:00.000"],
      ["C2", "Refund issued", "2026-05-06 08:00:00.000"],
      ["C3", "Complaint received", "2026-05-07 08:00:00.123"],
    ]);
    expect(JSON.parse(rows[1]?.properties ?? "")).toEqual({
      "case:channel": "phone",
      lifecycle: "start",
      resource: "Ben",
    });
    expect(rows.every((r) => r.source === "import" && r.historical === 1)).toBe(true);

    expect(await run(ws, data)).toMatchObject({ rows: 6, accepted: 0, duplicates: 6, rejected: 0 });
    expect(await facts(ws)).toHaveLength(6);
  });

  it("imports the same log as XES with the preset to the same events", async () => {
    const { workspaceId: ws } = await seedWorkspace(stores, "Xes");
    const xes = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<log xmlns="http://www.xes-standard.org/">
 <trace><string key="concept:name" value="C1"/><string key="channel" value="phone"/>
  <event><string key="concept:name" value="Complaint received"/><string key="lifecycle:transition" value="complete"/>
   <string key="org:resource" value="Ana"/><date key="time:timestamp" value="2026-05-04T09:00:00.000+02:00"/></event>
  <event><string key="concept:name" value="Call back"/><string key="lifecycle:transition" value="start"/>
   <string key="org:resource" value="Ben"/><date key="time:timestamp" value="2026-05-04T11:00:00.000+02:00"/></event>
 </trace>
</log>`);
    expect(await run(ws, xes, { format: "xes" })).toMatchObject({ rows: 2, accepted: 2, rejected: 0 });
    const rows = await facts(ws);
    expect(rows.map((r) => r.event)).toEqual(["Complaint received", "Call back (start)"]);
    expect(JSON.parse(rows[1]?.properties ?? "")).toEqual({
      "case:channel": "phone",
      lifecycle: "start",
      resource: "Ben",
    });
  });

  it("skips bad rows and reports them by row and column, keeping them in failed_events", async () => {
    const { workspaceId: ws } = await seedWorkspace(stores, "Bad");
    const data = Buffer.from(
      `${LOG}C4,Complaint received,31.02.2026 10:00,complete,Ana,web\n,Call back,2026-05-08T10:00:00Z,complete,Ben,web\n`,
    );
    const result = await run(ws, data);
    expect(result).toMatchObject({ rows: 8, accepted: 6, rejected: 2 });
    expect(result.errors).toEqual([
      {
        pointer: "/rows/8/time:timestamp",
        code: "invalid_date",
        message: 'row 8, time:timestamp: "31.02.2026 10:00" is not a date (ISO 8601 expected)',
      },
      {
        pointer: "/rows/9/case:concept:name",
        code: "required",
        message: "row 9, case:concept:name: the case id is empty",
      },
    ]);
    const failed = await stores.sor.db
      .selectFrom("failed_events")
      .select(["source", "code", "payload"])
      .where("workspace_id", "=", ws)
      .orderBy("code")
      .execute();
    expect(failed.map((f) => [f.source, f.code, JSON.parse(f.payload).row])).toEqual([
      ["import", "invalid_date", 8],
      ["import", "required", 9],
    ]);
  });

  it("refuses rows of an erased person's ids, without keeping their cells", async () => {
    const { workspaceId: ws } = await seedWorkspace(stores, "Erased");
    await stores.sor.db
      .insertInto("suppressions")
      .values({ workspace_id: ws, distinct_id: "user:C2", reason: "erasure", created_by: null })
      .execute();
    forgetSuppressions();
    const result = await run(ws, Buffer.from(LOG));
    expect(result).toMatchObject({ rows: 6, accepted: 4, rejected: 2 });
    expect(result.errors.map((e) => [e.pointer, e.code])).toEqual([
      ["/rows/5", "suppressed"],
      ["/rows/6", "suppressed"],
    ]);
    expect(new Set((await facts(ws)).map((e) => e.user_id))).toEqual(new Set(["C1", "C3"]));
    const failed = await stores.sor.db
      .selectFrom("failed_events")
      .select(["code", "payload"])
      .where("workspace_id", "=", ws)
      .execute();
    expect(failed.map((f) => f.code)).toEqual(["suppressed", "suppressed"]);
    for (const f of failed) expect(JSON.parse(f.payload).cells).toEqual({});
  });

  it("refuses a mapping naming a column the file lacks, before storing anything", async () => {
    const { workspaceId: ws } = await seedWorkspace(stores, "Mapping");
    const err = await run(ws, Buffer.from(LOG), {
      mapping: { caseId: "Fall", activity: "concept:name", timestamp: "time:timestamp" },
      preset: false,
    }).catch((e: unknown) => e);
    expect(isAppError(err) && err.errors[0]).toMatchObject({
      pointer: "/query/mapping/caseId",
      code: "unknown_column",
    });
    expect(await facts(ws)).toHaveLength(0);
  });

  it("resumes an interrupted import after the last durable chunk", async () => {
    const { workspaceId: ws } = await seedWorkspace(stores, "Resume");
    const data = Buffer.from(LOG);
    const fingerprint = await fingerprintOf(bytes(data));
    // Cut inside row 5: chunks of two rows, so rows 2–5 (the first four records) are durable.
    const cut = LOG.indexOf("C2,Refund") + 5;
    const killed = await run(ws, data, { source: interrupted(data, cut), chunkRows: 2 }).catch(
      (e: unknown) => e,
    );
    expect((killed as Error).message).toBe("connection reset");
    const state = await stores.sor.db
      .selectFrom("event_imports")
      .select(["status", "rows_read", "accepted"])
      .where("workspace_id", "=", ws)
      .where("file_fingerprint", "=", fingerprint)
      .executeTakeFirstOrThrow();
    expect(state).toEqual({ status: "failed", rows_read: 4, accepted: 4 });

    const resumed = await run(ws, data, { chunkRows: 2 });
    expect(resumed).toMatchObject({ resumedFrom: 4, rows: 6, accepted: 6, duplicates: 0 });
    expect(await facts(ws)).toHaveLength(6);
  });

  // Real logs (../shared/data/eventlogs, read at run time): counts as their README states them.
  const realLogs = [
    { file: "eventlogs/helpdesk.csv", events: 21_348, cases: 4_580, activities: 14 },
    { file: "eventlogs/receipt.csv", events: 8_577, cases: 1_434, activities: 27 },
    { file: "eventlogs/helpdesk.xes.gz", events: 21_348, cases: 4_580, activities: 14 },
    // Statuses only (Accepted, Queued, Completed, Unmatched); the sub-status stays a property.
    { file: "eventlogs/07_bpic2013_incidents.csv", events: 65_533, cases: 7_554, activities: 4 },
  ];
  for (const log of realLogs)
    it.skipIf(!existsSync(sharedDataFile(log.file)))(
      `imports ${log.file} completely`,
      { timeout: 120_000 },
      async () => {
        const { workspaceId: ws } = await seedWorkspace(stores, "Real");
        const path = sharedDataFile(log.file);
        const result = await importEventLog(stores, {
          workspaceId: ws,
          format: log.file.includes(".xes") ? "xes" : "csv",
          mapping: { ...XES_PRESET, appendLifecycle: false },
          preset: true,
          fingerprint: await fileFingerprint(path),
          source: createReadStream(path),
        });
        expect(result).toMatchObject({ rows: log.events, accepted: log.events, rejected: 0 });
        const [count] = await stores.facts.query<{ events: number; cases: number; activities: number }>(
          `SELECT count() AS events, uniqExact(user_id) AS cases, uniqExact(event) AS activities
         FROM ${stores.facts.database}.events FINAL WHERE workspace_id = {ws:UUID}`,
          { ws },
        );
        expect(count).toEqual({ events: log.events, cases: log.cases, activities: log.activities });
      },
    );
});
