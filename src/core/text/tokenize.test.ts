import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_ANALYSED_CHARS, tokenize } from "./tokenize.js";

const kinds = (s: string) => tokenize(s).map((t) => `${t.kind}:${t.norm}`);

describe("tokenize", () => {
  it("splits words, numbers, punctuation and keeps offsets into the original", () => {
    const text = "Die Lieferung kam 3 Tage zu spät!!! Nicht gut.";
    const tokens = tokenize(text);
    expect(kinds(text)).toEqual([
      "word:die",
      "word:lieferung",
      "word:kam",
      "number:3",
      "word:tage",
      "word:zu",
      "word:spät",
      "punct:!!!",
      "word:nicht",
      "word:gut",
      "punct:.",
    ]);
    for (const t of tokens) expect(text.slice(t.from, t.to)).toBe(t.text);
  });

  it("keeps hyphenated compounds, apostrophes and digits inside words together", () => {
    expect(kinds("Service-Hotline don't ICE3 E-Mail")).toEqual([
      "word:service-hotline",
      "word:don't",
      "word:ice3",
      "word:e-mail",
    ]);
  });

  it("recognises emoji with modifiers and emoticons", () => {
    expect(kinds("Top 👍🏽 :-( :) <3 😡")).toEqual([
      "word:top",
      "emoji:👍🏽",
      "emoji::-(",
      "emoji::)",
      "emoji:<3",
      "emoji:😡",
    ]);
  });

  it("never throws and returns in-bounds spans for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => {
        for (const t of tokenize(s)) {
          expect(t.from).toBeGreaterThanOrEqual(0);
          expect(t.to).toBeLessThanOrEqual(s.length);
          expect(s.slice(t.from, t.to)).toBe(t.text);
        }
      }),
    );
  });

  it("skips lone surrogates and NUL, and caps very long texts", () => {
    expect(kinds("gut\uD800\u0000schlecht")).toEqual(["word:gut", "word:schlecht"]);
    const long = "wort ".repeat(40_000);
    const tokens = tokenize(long);
    expect(tokens.at(-1)?.to).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
  });
});
