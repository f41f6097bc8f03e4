import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Stores } from "../../core/stores.js";
import { type SeededWorkspace, SYSTEM_TOKEN, seedWorkspace, testApp } from "../../testing/app.js";
import { insertTouchpoint } from "../../testing/journeys.js";
import { storeVariants } from "../../testing/stores.js";

const CSV = [
  "Nr;Datum;Bewertung;Titel;Kommentar;Filiale;Touchpoint",
  "1;31.5.2026 14:30;2;Lange Wartezeit;Drei Wochen auf den Techniker gewartet.;Nord;techniker",
  "2;1.6.2026;5;;Schnell und freundlich, sehr gut.;Süd;",
  "3;2026-06-02T08:00:00Z;;Nur ein Titel;;;",
].join("\n");
const MAPPING = {
  externalId: "Nr",
  receivedAt: "Datum",
  title: "Titel",
  text: "Kommentar",
  ratings: [{ column: "Bewertung", metric: "csat" }],
  metadata: ["Filiale"],
  touchpointKey: "Touchpoint",
};

describe.each(storeVariants().map((v) => [v.name, v] as const))("feedback import on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let app: ReturnType<typeof testApp>;
  let touchpointId: string;
  const base = () => `/api/v1/workspaces/${ws.workspaceId}/feedback`;
  async function post(path: string, body: string | Uint8Array, contentType = "text/csv") {
    const res = await app.request(path, {
      method: "POST",
      headers: { authorization: `Bearer ${SYSTEM_TOKEN}`, "content-type": contentType },
      body: body as BodyInit,
    });
    return { status: res.status, body: await res.json() };
  }
  const importPath = (mapping: unknown, channel = "complaint_form") =>
    `${base()}/import?channel=${channel}&mapping=${encodeURIComponent(JSON.stringify(mapping))}`;
  const count = async () =>
    Number(
      (
        await stores.sor.db
          .selectFrom("feedback")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("workspace_id", "=", ws.workspaceId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Import");
    app = testApp(stores);
    touchpointId = await insertTouchpoint(stores, ws.workspaceId, { name: "Techniker" });
    await stores.sor.db
      .updateTable("touchpoints")
      .set({ key: "techniker" })
      .where("id", "=", touchpointId)
      .execute();
  });
  afterAll(() => stores.close());

  it("previews columns, the first rows and the row count", async () => {
    const res = await post(`${base()}/import/preview`, `,Text\n0,a\n1,b\n`);
    expect(res).toEqual({
      status: 200,
      body: {
        columns: ["column_1", "Text"],
        sampleRows: [
          { column_1: "0", Text: "a" },
          { column_1: "1", Text: "b" },
        ],
        rowCount: 2,
      },
    });
    const big = await post(`${base()}/import/preview`, `T\n${"x\n".repeat(25)}`);
    expect(big.body.sampleRows).toHaveLength(10);
    expect(big.body.rowCount).toBe(25);
    const dup = await post(`${base()}/import/preview`, "A,A\n1,2\n");
    expect(dup.body.errors[0]).toMatchObject({ pointer: "/rows/1/A", code: "duplicate_column" });
  });

  it("imports a CSV once: dates, ratings, metadata and touchpoints mapped; a re-import adds nothing", async () => {
    const first = await post(importPath(MAPPING), CSV);
    expect(first).toEqual({ status: 200, body: { accepted: 3, duplicates: 0, rows: 3 } });
    const rows = await stores.sor.db
      .selectFrom("feedback")
      .select([
        "source_key",
        "received_at",
        "ratings",
        "score_band",
        "title",
        "text",
        "metadata",
        "touchpoint_id",
        "language",
      ])
      .where("workspace_id", "=", ws.workspaceId)
      .orderBy("source_key")
      .execute();
    expect(rows).toEqual([
      {
        source_key: "complaint_form:1",
        received_at: new Date("2026-05-31T14:30:00Z"),
        ratings: [{ metric: "csat", value: 2, min: 1, max: 5 }],
        score_band: "negative",
        title: "Lange Wartezeit",
        text: "Drei Wochen auf den Techniker gewartet.",
        metadata: { Filiale: "Nord" },
        touchpoint_id: touchpointId,
        language: "de",
      },
      expect.objectContaining({
        source_key: "complaint_form:2",
        received_at: new Date("2026-06-01T00:00:00Z"),
        score_band: "positive",
      }),
      expect.objectContaining({
        source_key: "complaint_form:3",
        ratings: [],
        score_band: null,
        title: "Nur ein Titel",
        text: "",
        language: null,
      }),
    ]);
    expect((await post(importPath(MAPPING), CSV)).body).toEqual({ accepted: 0, duplicates: 3, rows: 3 });
    const audit = await stores.sor.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "feedback.import")
      .execute();
    expect(audit.map((a) => a.details)).toEqual([
      { format: "csv", rows: 3, channel: "complaint_form", accepted: 3 },
      { format: "csv", rows: 3, channel: "complaint_form", accepted: 0 },
    ]);
  });

  it("keys rows without an id column by content, so identical rows both count and re-imports add nothing", async () => {
    const csv = "Comment,Stars\nGreat,5\nGreat,5\nBad,1\n";
    const mapping = {
      text: "Comment",
      ratings: [{ column: "Stars", metric: "rating", scale: { min: 1, max: 5 } }],
    };
    expect((await post(importPath(mapping, "web_review"), csv)).body).toEqual({
      accepted: 3,
      duplicates: 0,
      rows: 3,
    });
    expect((await post(importPath(mapping, "web_review"), `${csv}Great,5\n`)).body).toEqual({
      accepted: 1,
      duplicates: 3,
      rows: 4,
    });
  });

  it("refuses bad mappings and bad rows naming the field, and stores nothing", async () => {
    const before = await count();
    const mapping = await post(
      importPath({ ...MAPPING, text: "Comment", ratings: [{ column: "Bewertung", metric: "stars" }] }),
      CSV,
    );
    expect(mapping.status).toBe(400);
    expect(mapping.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      "/query/mapping/ratings/0/metric",
    ]);
    const column = await post(importPath({ ...MAPPING, text: "Comment" }), CSV);
    expect(column.body.errors).toEqual([
      expect.objectContaining({
        pointer: "/query/mapping/text",
        code: "unknown_column",
        message: expect.stringContaining('"Kommentar"'),
      }),
    ]);
    const badCsv = `${CSV}\n4;32.5.2026;6;;x;;\n5;1.1.2026;3;;y;;nirgends\n6;;;;;;`;
    const rows = await post(importPath(MAPPING), badCsv);
    expect(rows.status).toBe(400);
    expect(rows.body.detail).toBe("4 error(s) in the file; nothing was imported");
    expect(rows.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      "/rows/5/Datum",
      "/rows/5/Bewertung",
      "/rows/6/Touchpoint",
      "/rows/7/Kommentar",
    ]);
    const noChannel = await post(
      `${base()}/import?mapping=${encodeURIComponent(JSON.stringify(MAPPING))}`,
      CSV,
    );
    expect(noChannel.body.errors[0].pointer).toBe("/rows/2/channel");
    const badChannel = await post(importPath(MAPPING, "fax"), CSV);
    expect(badChannel.body.errors[0].pointer).toBe("/query/channel");
    expect(await count()).toBe(before);
  });

  it("imports XLSX and JSON rows with the same mapping rules", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Feedback");
    sheet.addRow(["ID", "When", "NPS", "Text", "Kanal"]);
    sheet.addRow([
      "x-1",
      new Date("2026-04-01T10:00:00Z"),
      9,
      "The app is great and I use it every day",
      "app_review",
    ]);
    sheet.addRow(["x-2", "4/2/2026 3:00:00 PM", 0, "Crashes all the time, not usable at all", ""]);
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    const mapping = {
      externalId: "ID",
      receivedAt: "When",
      text: "Text",
      channel: "Kanal",
      ratings: [{ column: "NPS", metric: "nps" }],
    };
    const res = await post(
      importPath(mapping, "social"),
      xlsx,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(res.body).toEqual({ accepted: 2, duplicates: 0, rows: 2 });
    const rows = await stores.sor.db
      .selectFrom("feedback")
      .select(["source_key", "received_at", "score_band", "language"])
      .where("source_key", "in", ["app_review:x-1", "social:x-2"])
      .orderBy("source_key")
      .execute();
    expect(rows).toEqual([
      {
        source_key: "app_review:x-1",
        received_at: new Date("2026-04-01T10:00:00Z"),
        score_band: "positive",
        language: "en",
      },
      {
        source_key: "social:x-2",
        received_at: new Date("2026-04-02T15:00:00Z"),
        score_band: "negative",
        language: "en",
      },
    ]);
    const json = await post(
      importPath({ text: "t", externalId: "id" }, "chat"),
      JSON.stringify([{ id: 7, t: "Hallo, wo bleibt mein Paket?" }]),
      "application/json",
    );
    expect(json.body).toEqual({ accepted: 1, duplicates: 0, rows: 1 });
    const bad = await post(importPath({ text: "t" }, "chat"), JSON.stringify({ t: "x" }), "application/json");
    expect(bad.body.errors[0]).toMatchObject({ pointer: "/body", code: "invalid_type" });
    const unknown = await post(importPath({ text: "t" }, "chat"), "t\nx\n", "text/plain");
    expect(unknown.body.errors[0].pointer).toBe("/query/format");
  });
});
