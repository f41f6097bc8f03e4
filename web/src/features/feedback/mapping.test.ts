import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { guessMapping, MAPPED_FIELDS, missingColumns } from "./mapping";

describe("import column mapping", () => {
  it("recognises German and English column names", () => {
    expect(
      guessMapping([
        "Vorgangsnummer",
        "Datum",
        "Kundennummer",
        "Betreff",
        "Kommentar",
        "Sterne",
        "NPS",
        "Sprache",
      ]),
    ).toEqual({
      externalId: "Vorgangsnummer",
      receivedAt: "Datum",
      customerId: "Kundennummer",
      title: "Betreff",
      text: "Kommentar",
      language: "Sprache",
      ratings: [
        { column: "Sterne", metric: "csat", scale: { min: 1, max: 5 } },
        { column: "NPS", metric: "nps" },
      ],
    });
    expect(guessMapping(["review_id", "E-Mail", "Review", "Rating"])).toEqual({
      externalId: "review_id",
      email: "E-Mail",
      text: "Review",
      ratings: [{ column: "Rating", metric: "csat", scale: { min: 1, max: 5 } }],
    });
  });

  it("maps every column at most once and only to columns of the file", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 12 }), { maxLength: 15 }), (columns) => {
        const mapping = guessMapping(columns);
        const mapped = [
          ...MAPPED_FIELDS.map((f) => mapping[f]).filter(Boolean),
          ...(mapping.ratings ?? []).map((r) => r.column),
        ];
        expect(new Set(mapped).size).toBe(mapped.length);
        expect(missingColumns(mapping, columns)).toEqual([]);
      }),
    );
  });
});
