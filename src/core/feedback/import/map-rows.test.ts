import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors.js";
import { checkMappingColumns, parseMapping } from "./import-mapping.js";
import { mapFeedbackRows } from "./map-rows.js";
import { parseDateCell } from "./parse-date.js";
import type { FeedbackTable } from "./read-feedback-file.js";

const pointers = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e.errors.map((x) => x.pointer);
    throw e;
  }
  return [];
};
const table = (columns: string[], rows: string[][]): FeedbackTable => ({
  columns,
  rows: rows.map((cells, i) => ({
    row: i + 2,
    cells: Object.fromEntries(columns.map((c, j) => [c, cells[j] ?? ""])),
  })),
});

describe("parseDateCell", () => {
  it("reads ISO, US and German dates, UTC unless an offset is given", () => {
    expect(parseDateCell("2026-05-31")?.toISOString()).toBe("2026-05-31T00:00:00.000Z");
    expect(parseDateCell("2026-05-31T14:30:00+02:00")?.toISOString()).toBe("2026-05-31T12:30:00.000Z");
    expect(parseDateCell("2026-05-31 14:30")?.toISOString()).toBe("2026-05-31T14:30:00.000Z");
    expect(parseDateCell("2026-05-31T14:30:00.25Z")?.toISOString()).toBe("2026-05-31T14:30:00.250Z");
    expect(parseDateCell("5/31/2026 2:30:15 PM")?.toISOString()).toBe("2026-05-31T14:30:15.000Z");
    expect(parseDateCell("5/31/2026 12:05 AM")?.toISOString()).toBe("2026-05-31T00:05:00.000Z");
    expect(parseDateCell("5/31/2026 17:45:00")?.toISOString()).toBe("2026-05-31T17:45:00.000Z");
    expect(parseDateCell("31.5.2026")?.toISOString()).toBe("2026-05-31T00:00:00.000Z");
    expect(parseDateCell("31.05.2026 09:05")?.toISOString()).toBe("2026-05-31T09:05:00.000Z");
    for (const bad of [
      "31/5/2026",
      "2026-02-30",
      "30.2.2026",
      "yesterday",
      "2026-05-31T25:00",
      "13/1/2026 1:00 PM",
      "",
    ])
      expect(parseDateCell(bad)).toBeNull();
  });

  it("round-trips any instant through each format (to the second)", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1970-01-01T00:00:00Z"),
          max: new Date("2999-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        (d) => {
          const t = new Date(Math.floor(d.getTime() / 1000) * 1000);
          const p = (n: number) => String(n).padStart(2, "0");
          const [y, mo, day, h, mi, s] = [
            t.getUTCFullYear(),
            t.getUTCMonth() + 1,
            t.getUTCDate(),
            t.getUTCHours(),
            t.getUTCMinutes(),
            t.getUTCSeconds(),
          ];
          const h12 = h % 12 === 0 ? 12 : h % 12;
          for (const text of [
            t.toISOString(),
            `${mo}/${day}/${y} ${h}:${p(mi)}:${p(s)}`,
            `${mo}/${day}/${y} ${h12}:${p(mi)}:${p(s)} ${h < 12 ? "AM" : "PM"}`,
            `${day}.${mo}.${y} ${h}:${p(mi)}:${p(s)}`,
          ])
            expect(parseDateCell(text)?.getTime()).toBe(t.getTime());
        },
      ),
    );
  });
});

describe("import mapping", () => {
  it("names the mapping field of each error", () => {
    expect(pointers(() => parseMapping("{"))).toEqual(["/query/mapping"]);
    expect(
      pointers(() =>
        parseMapping(
          JSON.stringify({
            texts: "A",
            ratings: [
              { column: "R", metric: "stars" },
              { column: "S", metric: "rating" },
            ],
          }),
        ),
      ).sort(),
    ).toEqual(["/query/mapping", "/query/mapping/ratings/0/metric", "/query/mapping/ratings/1/scale"]);
    expect(pointers(() => parseMapping("{}"))).toEqual(["/query/mapping/text"]);
    const m = parseMapping(
      JSON.stringify({ text: "Text", ratings: [{ column: "Stars", metric: "csat" }], metadata: ["A", "B"] }),
    );
    expect(pointers(() => checkMappingColumns(m, ["Text", "A"]))).toEqual([
      "/query/mapping/ratings/0/column",
      "/query/mapping/metadata/1",
    ]);
  });
});

describe("mapFeedbackRows", () => {
  const mapping = parseMapping(
    JSON.stringify({
      text: "Text",
      title: "Title",
      receivedAt: "Date",
      email: "Mail",
      language: "Lang",
      ratings: [
        { column: "Stars", metric: "csat" },
        { column: "NPS", metric: "nps" },
      ],
      metadata: ["Shop"],
      touchpointKey: "Touchpoint",
    }),
  );
  const columns = ["Text", "Title", "Date", "Mail", "Lang", "Stars", "NPS", "Shop", "Touchpoint"];

  it("maps cells to fields: empty ratings are no rating, metadata keeps its column names", () => {
    const { items, errors } = mapFeedbackRows(
      table(columns, [
        ["Schnelle Lieferung", "", "1.6.2026", "A@Example.com", "DE", "5", "", "Nord", "lieferung"],
      ]),
      mapping,
      {
        channel: "web_review",
        touchpoints: new Map([["lieferung", "0193a1c2-7d4e-7f00-8a00-00000000a001"]]),
      },
    );
    expect(errors).toEqual([]);
    expect(items).toEqual([
      {
        row: 2,
        input: {
          externalId: expect.stringMatching(/^row:[0-9a-f]{40}:1$/),
          channel: "web_review",
          receivedAt: "2026-06-01T00:00:00.000Z",
          customer: { email: "A@Example.com" },
          touchpointId: "0193a1c2-7d4e-7f00-8a00-00000000a001",
          ratings: [{ metric: "csat", value: 5 }],
          text: "Schnelle Lieferung",
          language: "de",
          metadata: { Shop: "Nord" },
        },
      },
    ]);
  });

  it("reports every bad cell as /rows/<n>/<column>", () => {
    const { items, errors } = mapFeedbackRows(
      table(columns, [
        ["ok", "", "2026-13-01", "nope", "deutsch", "4.5", "11", "", "unknown"],
        ["", "", "", "", "", "", "", "", ""],
      ]),
      mapping,
      { channel: "web_review" },
    );
    expect(items).toEqual([]);
    expect(errors.map((e) => e.pointer)).toEqual([
      "/rows/2/Date",
      "/rows/2/Stars",
      "/rows/2/Touchpoint",
      "/rows/2/Mail",
      "/rows/2/NPS",
      "/rows/2/Lang",
      "/rows/3/Text",
    ]);
    expect(errors[0]?.message).toBe(
      'row 2, Date: "2026-13-01" is not a date; use ISO 8601 (2024-05-31, 2024-05-31T14:30:00Z, 2024-05-31 14:30), M/D/YYYY H:mm:ss (5/31/2024 2:30:00 PM) or D.M.YYYY H:mm (31.5.2024 14:30); times without an offset are UTC',
    );
    const noChannel = mapFeedbackRows(table(["Text"], [["a"]]), parseMapping('{"text":"Text"}'));
    expect(noChannel.errors.map((e) => e.pointer)).toEqual(["/rows/2/channel"]);
  });

  it("keys rows without an id column by content and occurrence, stable across reads", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("gut", "schlecht", "ok"), { minLength: 1, maxLength: 30 }),
        (texts) => {
          const t = table(
            ["Text", "Other"],
            texts.map((x) => [x, "ignored"]),
          );
          const m = parseMapping('{"text":"Text"}');
          const a = mapFeedbackRows(t, m, { channel: "email" }).items.map((i) => i.input.externalId);
          const b = mapFeedbackRows(
            table(
              ["Other", "Text"],
              texts.map((x) => ["changed", x]),
            ),
            m,
            { channel: "email" },
          ).items.map((i) => i.input.externalId);
          expect(b).toEqual(a);
          expect(new Set(a).size).toBe(texts.length);
        },
      ),
    );
  });
});
