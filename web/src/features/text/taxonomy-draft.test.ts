import { describe, expect, it } from "vitest";
import type { AspectDefinition } from "../../api/text";
import { type AspectDraft, draftProblems, fromDraft, keywordLines, toDraft } from "./taxonomy-draft";

const waiting: AspectDefinition = {
  key: "waiting_time",
  label: { de: "Wartezeit", en: "Waiting time" },
  keywords: { de: ["wartezeit", "*warteschleife", "ewig gedauert"], en: ["wait*", "on hold"] },
  enabled: true,
};

const draft = (patch: Partial<AspectDraft>): AspectDraft => ({ ...toDraft(waiting, "a"), ...patch });

describe("taxonomy drafts", () => {
  it("round-trip an aspect unchanged", () => {
    expect(fromDraft(toDraft(waiting, "a"))).toEqual(waiting);
  });

  it("keep a stored phrase with a line break in it as one keyword", () => {
    const odd = { ...waiting, keywords: { de: ["lange\n   gewartet"], en: [] } };
    expect(fromDraft(toDraft(odd, "a")).keywords.de).toEqual(["lange gewartet"]);
  });

  it("read keywords one a line: trimmed, lower case, without blanks or repeats", () => {
    expect(keywordLines("  Wartezeit \n\nwarte*\nWARTEZEIT\r\n on   hold ")).toEqual([
      "wartezeit",
      "warte*",
      "on hold",
    ]);
  });

  it("name what blocks saving, per aspect", () => {
    const problems = draftProblems([
      draft({}),
      draft({ id: "b", isNew: true }),
      draft({ id: "c", key: "Preis", labelEn: " " }),
      draft({ id: "d", key: "price", keywordsDe: "", keywordsEn: "\n" }),
      draft({
        id: "e",
        key: "fees",
        keywordsDe: `${"x".repeat(61)}\n${Array.from({ length: 201 }, (_, i) => `w${i}`).join("\n")}`,
      }),
    ]);
    expect(problems).toEqual([
      [],
      ["keyDuplicate"],
      ["keyInvalid", "labelMissing"],
      ["keywordsMissing"],
      ["tooManyKeywords", "keywordTooLong"],
    ]);
  });
});
