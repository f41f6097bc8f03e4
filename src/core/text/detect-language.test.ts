import { existsSync, readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sharedDataFile } from "../../testing/shared-data.js";
import { detectLanguage, detectTextLanguage } from "./detect-language.js";

const GERMEVAL = sharedDataFile("feedback_de/germeval2017_dev_docs.jsonl");
const REVIEWS = sharedDataFile("feedback_en/womens_clothing_ecommerce_reviews_subset.csv");

describe("detectLanguage", () => {
  it("tells German from English by function words and German letters", () => {
    expect(detectLanguage("Der Techniker ist nicht gekommen und niemand hat abgesagt.")).toBe("de");
    expect(detectLanguage("Größte Enttäuschung überhaupt")).toBe("de");
    expect(detectLanguage("Sehr gut")).toBe("de");
    expect(detectLanguage("The technician did not show up and nobody called.")).toBe("en");
    expect(detectLanguage("Love it")).toBe("en");
  });

  it("says null when the evidence is thin or mixed", () => {
    for (const text of ["", "OK", "12345 !!!", "Bonjour tout le monde", "Top", "Die the", "https://t.co/x"])
      expect(detectLanguage(text)).toBeNull();
  });

  it("is total and deterministic on any text, and follows a clear majority of function words", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = detectLanguage(s);
        expect([null, "de", "en"]).toContain(r);
        expect(detectLanguage(s)).toBe(r);
      }),
    );
    const de = fc.constantFrom("und", "nicht", "der", "ist", "mit", "auch", "sehr", "leider");
    const en = fc.constantFrom("the", "and", "not", "with", "this", "very", "would", "because");
    const noise = fc.constantFrom("Paket", "Hotline", "Service", "Termin", "App", "42");
    fc.assert(
      fc.property(
        fc.array(de, { minLength: 2, maxLength: 20 }),
        fc.array(noise, { maxLength: 10 }),
        (w, n) => {
          expect(detectLanguage([...w, ...n].join(" "))).toBe("de");
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.array(en, { minLength: 2, maxLength: 20 }),
        fc.array(noise, { maxLength: 10 }),
        (w, n) => {
          expect(detectLanguage([...n, ...w].join(" "))).toBe("en");
        },
      ),
    );
  });

  it.skipIf(!existsSync(GERMEVAL) || !existsSync(REVIEWS))(
    "recognises real German and English feedback (needs ../shared/data; skipped without it)",
    () => {
      const german = readFileSync(GERMEVAL, "utf8")
        .trim()
        .split("\n")
        .map((l) => (JSON.parse(l) as { text: string }).text);
      const english = (parse(readFileSync(REVIEWS), { columns: true }) as Record<string, string>[])
        .map((r) => `${r.Title ?? ""} ${r.ReviewText ?? ""}`.trim())
        .filter(Boolean);
      const share = (texts: string[], lang: string | null) =>
        texts.filter((t) => detectLanguage(t) === lang).length / texts.length;
      // GermEval holds tweets of hashtags and links with no sentence at all: those may stay null.
      expect(share(german, "de")).toBeGreaterThan(0.9);
      expect(share(german, "en")).toBeLessThan(0.01);
      expect(share(english, "en")).toBeGreaterThan(0.98);
      expect(share(english, "de")).toBe(0);
      const shareText = (texts: string[], lang: string) =>
        texts.filter((t) => detectTextLanguage(t) === lang).length / texts.length;
      expect(shareText(german, "de")).toBeGreaterThan(0.97);
      expect(shareText(english, "en")).toBeGreaterThan(0.99);
    },
  );
});

describe("detectTextLanguage", () => {
  it("decides short feedback by word lists, with shared words going to the fallback", () => {
    expect(detectTextLanguage("passt")).toBe("de");
    expect(detectTextLanguage("Danke!")).toBe("de");
    expect(detectTextLanguage("Alles bestens")).toBe("de");
    expect(detectTextLanguage("Great!")).toBe("en");
    expect(detectTextLanguage("thanks")).toBe("en");
    expect(detectTextLanguage("Top!")).toBe("de");
    expect(detectTextLanguage("Top!", "en")).toBe("en");
    expect(detectTextLanguage("Super 👍")).toBe("de");
  });

  it("uses the n-gram model for longer texts without function words, and finds other languages", () => {
    expect(detectTextLanguage("Hat ewig gedauert")).toBe("de");
    expect(detectTextLanguage("Kundenservice nicht erreichbar")).toBe("de");
    expect(detectTextLanguage("Schnelle Lieferung, freundlicher Fahrer")).toBe("de");
    expect(detectTextLanguage("Fast delivery, friendly driver")).toBe("en");
    expect(detectTextLanguage("The app keeps crashing")).toBe("en");
    expect(detectTextLanguage("Merci beaucoup, très bien, le service était parfait")).toBe("other");
    expect(detectTextLanguage("La entrega fue rápida y el producto llegó perfecto")).toBe("other");
    expect(detectTextLanguage("")).toBe("other");
    expect(detectTextLanguage("12345 !!! 😡")).toBe("other");
  });

  it("never throws on any string, including lone surrogates and NUL", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (s) => {
        expect(["de", "en", "other"]).toContain(detectTextLanguage(s));
      }),
    );
    expect(detectTextLanguage(`\uD800${"Lieferung \u0000".repeat(10_000)}`)).toBe("de");
  });
});
