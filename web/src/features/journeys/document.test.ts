import { describe, expect, it } from "vitest";
import {
  addStage,
  addStep,
  canonical,
  emptyDocument,
  emptyStage,
  emptyStep,
  findStep,
  moveStage,
  moveStep,
  normalizeDocument,
  removeStep,
  sameDocument,
  shiftStep,
  updateStep,
} from "./document";

function sample() {
  let doc = emptyDocument({ title: "Umzug" });
  const a = emptyStage("Information");
  const b = emptyStage("Auftrag");
  doc = addStage(addStage(doc, a), b);
  const [s1, s2, s3] = [emptyStep("Suche"), emptyStep("Vergleich"), emptyStep("Bestellung")];
  doc = addStep(addStep(addStep(doc, a.id, s1), a.id, s2), b.id, s3);
  return { doc, a, b, s1, s2, s3 };
}

const titles = (doc: ReturnType<typeof emptyDocument>) =>
  doc.stages.map((s) => s.steps.map((st) => st.title));

describe("journey document edits", () => {
  it("adds stages and steps in order", () => {
    const { doc } = sample();
    expect(titles(doc)).toEqual([["Suche", "Vergleich"], ["Bestellung"]]);
  });

  it("moves a step within and across stages without mutating the original", () => {
    const { doc, a, b, s1 } = sample();
    const within = moveStep(doc, s1.id, a.id, 1);
    expect(titles(within)).toEqual([["Vergleich", "Suche"], ["Bestellung"]]);
    const across = moveStep(doc, s1.id, b.id, 1);
    expect(titles(across)).toEqual([["Vergleich"], ["Bestellung", "Suche"]]);
    expect(titles(doc)).toEqual([["Suche", "Vergleich"], ["Bestellung"]]);
  });

  it("shifts a step over stage edges and stops at the journey's ends", () => {
    const { doc, s2, s3, s1 } = sample();
    expect(titles(shiftStep(doc, s2.id, 1))).toEqual([["Suche"], ["Vergleich", "Bestellung"]]);
    expect(titles(shiftStep(doc, s3.id, -1))).toEqual([["Suche", "Vergleich", "Bestellung"], []]);
    expect(shiftStep(doc, s1.id, -1)).toBe(doc);
    expect(shiftStep(doc, s3.id, 1)).toBe(doc);
  });

  it("updates and removes steps by id", () => {
    const { doc, s2 } = sample();
    const updated = updateStep(doc, s2.id, { emotion: -2, signature: true });
    expect(findStep(updated, s2.id)?.step).toMatchObject({ emotion: -2, signature: true });
    expect(findStep(removeStep(updated, s2.id), s2.id)).toBeUndefined();
  });

  it("moves stages and ignores moves past the ends", () => {
    const { doc, a } = sample();
    expect(moveStage(doc, a.id, 1).stages.map((s) => s.name)).toEqual(["Auftrag", "Information"]);
    expect(moveStage(doc, a.id, -1)).toBe(doc);
  });

  it("compares documents whatever their key order", () => {
    const { doc } = sample();
    const reverse = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverse)
        : v && typeof v === "object"
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverse(x)]),
            )
          : v;
    const reordered = reverse(doc);
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(doc));
    expect(canonical(reordered)).toBe(canonical(doc));
    expect(sameDocument(doc, normalizeDocument(JSON.parse(JSON.stringify(doc))))).toBe(true);
    expect(sameDocument(doc, updateStep(doc, doc.stages[0]?.steps[0]?.id ?? "", { title: "x" }))).toBe(false);
  });

  it("fills missing fields", () => {
    const doc = normalizeDocument({
      title: "T",
      stages: [{ id: "s", name: "A", steps: [{ id: "x", title: "Y" }] }],
    } as never);
    expect(doc.stages[0]?.steps[0]).toMatchObject({ id: "x", title: "Y", painPoints: [], emotion: null });
    expect(doc.kpis).toEqual({ performance: [], brand: [] });
  });
});
