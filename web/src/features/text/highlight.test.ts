import { describe, expect, it } from "vitest";
import type { AspectHit, ClauseSentiment } from "../../api/text";
import { analysedParts, marksOf, segmentsOf, type TextPart } from "./highlight";

const TITLE = "Techniker kam nicht";
const TEXT = "Die Reparatur hat ewig gedauert, aber der Mitarbeiter war nett.";
const ANALYSED = `${TITLE}\n\n${TEXT}`;

/** A span of the analysed text by its first occurrence. */
function span(text: string, from = 0) {
  const at = ANALYSED.indexOf(text, from);
  if (at < 0) throw new Error(`"${text}" is not in the analysed text`);
  return { from: at, to: at + text.length, text };
}

describe("analysedParts", () => {
  it("places the text after the title and a blank line", () => {
    const parts = analysedParts(TITLE, TEXT);
    expect(parts.map((p) => [p.field, p.start])).toEqual([
      ["title", 0],
      ["text", TITLE.length + 2],
    ]);
    for (const p of parts) expect(ANALYSED.slice(p.start, p.start + p.value.length)).toBe(p.value);
  });

  it("leaves blank fields out, so the text starts at 0 without a title", () => {
    expect(analysedParts(null, TEXT)).toEqual([{ field: "text", value: TEXT, start: 0 }]);
    expect(analysedParts("   ", TEXT)).toEqual([{ field: "text", value: TEXT, start: 0 }]);
    expect(analysedParts(TITLE, " \n")).toEqual([{ field: "title", value: TITLE, start: 0 }]);
    expect(analysedParts(null, "")).toEqual([]);
  });
});

describe("segmentsOf", () => {
  const clauses: ClauseSentiment[] = [
    {
      ...span("Die Reparatur hat ewig gedauert"),
      label: "negative",
      score: -0.6,
      cues: [{ ...span("hat ewig gedauert"), kind: "phrase", value: -0.6 }],
    },
    {
      ...span("der Mitarbeiter war nett."),
      label: "positive",
      score: 0.4,
      cues: [{ ...span("nett"), kind: "word", value: 0.4 }],
    },
  ];
  const aspects: AspectHit[] = [
    { aspect: "appointment", label: "negative", score: -0.6, clause: 0, triggers: [span("Techniker")] },
    { aspect: "waiting_time", label: "negative", score: -0.6, clause: 0, triggers: [span("ewig")] },
  ];
  const [title, text] = analysedParts(TITLE, TEXT) as [TextPart, TextPart];
  const marks = marksOf(clauses, aspects);

  it("marks triggers in the title at their offsets", () => {
    expect(segmentsOf(title, marks)).toEqual([
      { text: "Techniker", tone: null, aspects: ["appointment"] },
      { text: " kam nicht", tone: null, aspects: [] },
    ]);
  });

  it("maps text offsets back past the title and splits a cue around a trigger inside it", () => {
    const segments = segmentsOf(text, marks);
    expect(segments.map((s) => s.text).join("")).toBe(TEXT);
    expect(segments.filter((s) => s.tone || s.aspects.length > 0)).toEqual([
      { text: "hat ", tone: "negative", aspects: [] },
      { text: "ewig", tone: "negative", aspects: ["waiting_time"] },
      { text: " gedauert", tone: "negative", aspects: [] },
      { text: "nett", tone: "positive", aspects: [] },
    ]);
  });

  it("clips spans beyond the part and ignores empty or inverted ones", () => {
    const odd = [
      { from: -5, to: 3, tone: "negative" as const },
      { from: 10, to: 10, tone: "positive" as const },
      { from: 12, to: 4, aspects: ["x"] },
      { from: ANALYSED.length - 2, to: ANALYSED.length + 40, aspects: ["y"] },
    ];
    expect(segmentsOf(title, odd)).toEqual([
      { text: "Tec", tone: "negative", aspects: [] },
      { text: "hniker kam nicht", tone: null, aspects: [] },
    ]);
    expect(segmentsOf(text, odd).at(-1)).toEqual({ text: "t.", tone: null, aspects: ["y"] });
  });

  it("returns the whole part unmarked without marks", () => {
    expect(segmentsOf(text, [])).toEqual([{ text: TEXT, tone: null, aspects: [] }]);
  });
});
