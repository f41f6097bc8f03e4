import { describe, expect, it } from "vitest";
import { generateTopicTexts } from "../../../testing/topic-texts.js";
import { extractKeywords } from "../keywords.js";
import { tokenize } from "../tokenize.js";
import { clusterTexts, type TopicDoc } from "./cluster-texts.js";

const generated = generateTopicTexts(15);
const docs: TopicDoc[] = generated.map((g, i) => ({
  id: `doc-${String(i).padStart(3, "0")}`,
  terms: extractKeywords(tokenize(g.text), g.language),
}));
const themeOf = new Map(docs.map((d, i) => [d.id, generated[i]?.theme ?? null]));

describe("clusterTexts", () => {
  it("finds the generated themes: k chosen by silhouette, every cluster one theme, labels from its terms", () => {
    const clusters = clusterTexts(docs);
    const summary = clusters.map((c) => ({
      themes: [...new Set(c.members.map((id) => themeOf.get(id)))],
      size: c.members.length,
      label: c.label,
    }));
    expect(summary.map((s) => s.themes)).toHaveLength(4);
    for (const s of summary) expect(s.themes).toHaveLength(1);
    expect(summary.map((s) => s.themes[0]).sort()).toEqual(["breakfast", "lifts", "parking", "pets"]);
    for (const s of summary) expect(s.size).toBeGreaterThanOrEqual(12);
    const labels = Object.fromEntries(summary.map((s) => [s.themes[0], s.label]));
    expect(labels.parking).toMatch(/parkplatz/);
    expect(labels.breakfast).toMatch(/frühstück/);
    expect(labels.pets).toMatch(/dog/);
    expect(labels.lifts).toMatch(/elevator|lift/);
    for (const c of clusters) expect(c.keywords.length).toBeLessThanOrEqual(8);
  });

  it("is deterministic and follows a given k; tiny or empty input gives no topics", () => {
    expect(clusterTexts(docs)).toEqual(clusterTexts(docs));
    const two = clusterTexts(docs, { k: 2 });
    expect(two.length).toBeLessThanOrEqual(2);
    expect(clusterTexts([])).toEqual([]);
    expect(clusterTexts(docs.slice(0, 2))).toEqual([]);
    expect(clusterTexts(docs.map((d) => ({ id: d.id, terms: [] })))).toEqual([]);
  });
});
