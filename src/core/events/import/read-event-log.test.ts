import { gzipSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { isAppError } from "../../errors.js";
import { type EventLogFormat, type LogRecord, readEventLog } from "./read-event-log.js";

/** A file delivered in small pieces, as a socket or a file stream would. */
async function* pieces(data: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function read(format: EventLogFormat, data: Uint8Array, size?: number): Promise<LogRecord[]> {
  const out: LogRecord[] = [];
  for await (const r of readEventLog(format, pieces(data, size))) out.push(r);
  return out;
}

const CSV = `case;activity;time;note
A-1;Antrag gestellt;2026-03-02T09:00:00+01:00;"Kunde sagt: ""schnell""; bitte"

A-1;Antrag geprüft;2026-03-02T10:30:00+01:00;"zwei
Zeilen"
`;

describe("readEventLog", () => {
  it("streams CSV with ';', quoted fields and line breaks in cells; row numbers are lines", async () => {
    const rows = await read("csv", Buffer.from(`\uFEFF${CSV}`));
    expect(rows).toEqual([
      {
        row: 2,
        cells: {
          case: "A-1",
          activity: "Antrag gestellt",
          time: "2026-03-02T09:00:00+01:00",
          note: 'Kunde sagt: "schnell"; bitte',
        },
      },
      {
        row: 4,
        cells: {
          case: "A-1",
          activity: "Antrag geprüft",
          time: "2026-03-02T10:30:00+01:00",
          note: "zwei\nZeilen",
        },
      },
    ]);
  });

  it("reads gzip by its magic bytes, in pieces split anywhere", async () => {
    const plain = await read("csv", Buffer.from(CSV.replaceAll(";", ",").replace(", bitte", " bitte")));
    const gz = await read(
      "csv",
      gzipSync(Buffer.from(CSV.replaceAll(";", ",").replace(", bitte", " bitte"))),
      3,
    );
    expect(gz).toEqual(plain);
    expect(gz).toHaveLength(2);
  });

  it("reads XES: trace attributes as case:<key>, typed event attributes, nested ones skipped", async () => {
    const xes = `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <global scope="event"><string key="concept:name" value="UNKNOWN"/></global>
  <string key="concept:name" value="the log"/>
  <trace>
    <string key="concept:name" value="T-7"/>
    <int key="AMOUNT_REQ" value="5000"/>
    <event>
      <string key="concept:name" value="Bestellung &amp; Zahlung"/>
      <string key="lifecycle:transition" value="start"/>
      <date key="time:timestamp" value="2026-01-05T08:00:00.000+01:00"/>
      <float key="cost" value="12.5"><string key="currency" value="EUR"/></float>
    </event>
    <event>
      <string key="concept:name" value="Lieferung"/>
      <date key="time:timestamp" value="2026-01-06T08:00:00.000+01:00"/>
      <boolean key="late" value="true"/>
    </event>
  </trace>
  <trace><string key="concept:name" value="T-8"/><event><string key="concept:name" value="Retoure"/></event></trace>
</log>`;
    const rows = await read("xes", Buffer.from(xes), 11);
    expect(rows).toEqual([
      {
        row: 1,
        cells: {
          "case:concept:name": "T-7",
          "case:AMOUNT_REQ": "5000",
          "concept:name": "Bestellung & Zahlung",
          "lifecycle:transition": "start",
          "time:timestamp": "2026-01-05T08:00:00.000+01:00",
          cost: "12.5",
        },
      },
      {
        row: 2,
        cells: {
          "case:concept:name": "T-7",
          "case:AMOUNT_REQ": "5000",
          "concept:name": "Lieferung",
          "time:timestamp": "2026-01-06T08:00:00.000+01:00",
          late: "true",
        },
      },
      { row: 3, cells: { "case:concept:name": "T-8", "concept:name": "Retoure" } },
    ]);
  });

  it("refuses broken XML as a 400 on /body", async () => {
    const err = await read("xes", Buffer.from("<log><trace><event></trace></log>")).catch((e: unknown) => e);
    expect(isAppError(err) && err.errors[0]).toMatchObject({ pointer: "/body", code: "invalid_xes" });
  });

  it("streams the first sheet of an XLSX file with its row numbers", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Log");
    sheet.addRow(["Fall", "Aktivität", "Zeit"]);
    sheet.addRow(["F1", "Anruf", "2026-02-01T10:00:00Z"]);
    sheet.addRow([]);
    sheet.addRow(["F1", "Rückruf", new Date("2026-02-01T11:00:00Z")]);
    wb.addWorksheet("Other").addRow(["x"]);
    const data = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await read("xlsx", data, 1000)).toEqual([
      { row: 2, cells: { Fall: "F1", Aktivität: "Anruf", Zeit: "2026-02-01T10:00:00Z" } },
      { row: 4, cells: { Fall: "F1", Aktivität: "Rückruf", Zeit: "2026-02-01T11:00:00.000Z" } },
    ]);
  });

  it("names a duplicate header column", async () => {
    const err = await read("csv", Buffer.from("a,b,a\n1,2,3\n")).catch((e: unknown) => e);
    expect(isAppError(err) && err.errors[0]).toMatchObject({
      pointer: "/rows/1/a",
      code: "duplicate_column",
    });
  });
});
