import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RuleLanguage, SentimentResult, Span } from "../analysis.js";
import { tokenize } from "../tokenize.js";
import { analyzeSentiment } from "./analyze-sentiment.js";

function expectWellFormed(text: string, r: SentimentResult): void {
  const inBounds = (s: Span) => {
    expect(s.from).toBeGreaterThanOrEqual(0);
    expect(s.to).toBeGreaterThanOrEqual(s.from);
    expect(s.to).toBeLessThanOrEqual(text.length);
    expect(s.text).toBe(text.slice(s.from, s.to));
  };
  expect(r.score).toBeGreaterThanOrEqual(-1);
  expect(r.score).toBeLessThanOrEqual(1);
  expect(Number.isNaN(r.score)).toBe(false);
  for (const c of r.clauses) {
    inBounds(c);
    expect(Math.abs(c.score)).toBeLessThanOrEqual(1);
    for (const q of c.cues) {
      inBounds(q);
      expect(Number.isFinite(q.value)).toBe(true);
    }
  }
}

const languages = fc.constantFrom<RuleLanguage>("de", "en");
const words = fc.constantFrom(
  "nicht",
  "kein",
  "gut",
  "schlecht",
  "zu",
  "teuer",
  "aber",
  "sehr",
  "not",
  "too",
  "but",
  "really",
  "good",
  "bad",
  "niemand",
  "dreimal",
  "no",
  "one",
  "called",
  "😡",
  ":-)",
  "!!!",
  "??",
  ",",
  ".",
  "\n",
  "Lieferverzögerung",
  "https://x.y/z",
  "\uD800",
  "\0",
);

describe("analyzeSentiment on arbitrary input", () => {
  it("never throws and keeps scores in [-1, 1] and spans in bounds (binary strings)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), languages, (text, language) => {
        expectWellFormed(text, analyzeSentiment(text, tokenize(text), language));
      }),
      { numRuns: 500 },
    );
  });

  it("holds for sequences of the words the rules react to", () => {
    fc.assert(
      fc.property(fc.array(words, { maxLength: 40 }), languages, (list, language) => {
        const text = list.join(" ");
        expectWellFormed(text, analyzeSentiment(text, tokenize(text), language));
      }),
      { numRuns: 500 },
    );
  });

  it("handles lone surrogates, NUL and a 100 KB text", () => {
    const big = "Nicht gut, aber sehr schnell!!! 😡 \uDC00\0 zu teuer. ".repeat(2_000).slice(0, 100_000);
    for (const text of ["\uD800", "\uDFFF gut \uD800", "\0\0nicht\0gut", big]) {
      for (const language of ["de", "en"] as const)
        expectWellFormed(text, analyzeSentiment(text, tokenize(text), language));
    }
    const r = analyzeSentiment(big, tokenize(big), "de");
    expect(r.clauses.length).toBeGreaterThan(100);
    expect(r.score).toBeLessThan(0);
  });
});
