import { describe, expect, it } from "vitest";
import { compileLexicon } from "./lexicon-format.js";
import { splitCompound, wordValue } from "./lookup.js";

// A small lexicon of our own, so the splitting rules are pinned independently of the word lists.
const lexicon = compileLexicon(`
verzöger* -1.8
problem -1.7
katastrophe -3
super 2.6
leid -2
ärger -2
klasse 2
träge* -1.5
geräumt -1
`);

describe("splitCompound", () => {
  it("finds the longest known head that ends the word", () => {
    expect(splitCompound(lexicon, "lieferverzögerung")).toEqual({
      modifier: "liefer",
      head: "verzögerung",
      value: -1.8,
    });
    expect(splitCompound(lexicon, "wartezeitenproblem")).toMatchObject({ head: "problem", value: -1.7 });
  });

  it("lets a strong modifier decide when the head is unknown, without its linking element", () => {
    expect(splitCompound(lexicon, "katastrophenservice")).toEqual({
      modifier: "katastrophe",
      head: "service",
      value: -3,
    });
    expect(splitCompound(lexicon, "superservice")).toEqual({
      modifier: "super",
      head: "service",
      value: 2.6,
    });
  });

  it("does not split at short heads, verb prefixes, nouns that double as praise, or inside words", () => {
    expect(splitCompound(lexicon, "kundenärger")).toMatchObject({ modifier: "kunden", head: "ärger" });
    expect(splitCompound(lexicon, "abendkleid")).toBeNull();
    expect(splitCompound(lexicon, "eingeräumt")).toBeNull();
    expect(splitCompound(lexicon, "businessklasse")).toBeNull();
    expect(splitCompound(lexicon, "trägerkarte")).toBeNull();
    expect(splitCompound(lexicon, "kurz")).toBeNull();
  });
});

describe("wordValue", () => {
  it("reads exact words, stems, compounds and hyphenated words of the real lexicons", () => {
    expect(wordValue("de", "lieferverzögerung")).toBeLessThan(0);
    expect(wordValue("de", "verspätungs-app")).toBeUndefined();
    expect(wordValue("de", "horror-fahrt")).toBeLessThan(0);
    expect(wordValue("en", "terrible")).toBeLessThan(0);
    expect(wordValue("en", "don’t")).toBeUndefined();
  });
});
