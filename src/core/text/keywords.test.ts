import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractKeywords, MAX_KEYWORDS } from "./keywords.js";
import { STOP_WORDS } from "./stopwords.js";
import { tokenize } from "./tokenize.js";

const kw = (text: string, language: "de" | "en") => extractKeywords(tokenize(text), language);

describe("extractKeywords", () => {
  it("keeps German content words and compounds whole, in lower case, without stop words", () => {
    expect(
      kw("Die Zählerablesung war leider falsch und die Abschlagszahlung ist viel zu hoch.", "de"),
    ).toEqual(["abschlagszahlung", "zählerablesung", "falsch", "hoch"]);
    expect(kw("Der WLAN-Router fällt ständig aus, das ist echt nervig!", "de")).toEqual([
      "wlan-router",
      "ständig",
      "nervig",
      "fällt",
    ]);
  });

  it("puts repeated words first and drops possessive 's and stop words in English", () => {
    expect(
      kw("The router keeps dropping. The router is new and the technician's visit didn't help.", "en"),
    ).toEqual(["router", "technician", "dropping", "keeps", "visit", "help"]);
    expect(kw("Thanks, it was really good and I would do it again!", "en")).toEqual([]);
  });

  it("returns at most ten distinct keywords and takes any input", () => {
    const long = Array.from(
      { length: 30 },
      (_, i) => `Schlagwort${String.fromCharCode(97 + (i % 26))}${i}`,
    ).join(" ");
    expect(kw(long, "de")).toHaveLength(MAX_KEYWORDS);
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.constantFrom("de" as const, "en" as const), (s, lang) => {
        const out = extractKeywords(tokenize(s), lang);
        expect(out.length).toBeLessThanOrEqual(MAX_KEYWORDS);
        expect(new Set(out).size).toBe(out.length);
        for (const w of out) expect(STOP_WORDS[lang].has(w)).toBe(false);
      }),
    );
  });

  it("has stop lists of about 300 words each", () => {
    expect(STOP_WORDS.de.size).toBeGreaterThan(280);
    expect(STOP_WORDS.en.size).toBeGreaterThan(280);
  });
});
