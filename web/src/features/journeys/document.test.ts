import { describe, expect, it } from "vitest";
import {
  addStage,
  addStep,
  canonical,
  emptyDocument,
  emptyStage,
  emptyStep,
  findStep,
  kpiDraft,
  kpisFromDrafts,
  moveStage,
  moveStep,
  normalizeDocument,
  normalizeKpi,
  parseTarget,
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

describe("KPIs and their measure", () => {
  it("keeps a KPI's measure through loading, as a known key, null or absent", () => {
    const doc = normalizeDocument({
      title: "T",
      kpis: {
        performance: [
          { name: "Kontakte pro Umzug", target: 1, unit: "Anzahl", measure: "contacts_per_instance" },
          { name: "Schaltung am Wunschtermin", target: 90, unit: "%", measure: null },
        ],
        brand: [{ name: "NPS", target: 20, unit: "NPS" }],
      },
    } as never);
    expect(doc.kpis.performance).toEqual([
      { name: "Kontakte pro Umzug", target: 1, unit: "Anzahl", measure: "contacts_per_instance" },
      { name: "Schaltung am Wunschtermin", target: 90, unit: "%", measure: null },
    ]);
    expect(doc.kpis.brand).toEqual([{ name: "NPS", target: 20, unit: "NPS" }]);
    expect("measure" in (doc.kpis.brand[0] ?? {})).toBe(false);
    // Loaded twice (as after a save's answer) it stays the same document.
    expect(sameDocument(doc, normalizeDocument(JSON.parse(JSON.stringify(doc))))).toBe(true);
  });

  it("drops a measure it does not know and fills missing fields", () => {
    expect(normalizeKpi({ name: "X", measure: "nps" as never })).toEqual({
      name: "X",
      target: null,
      unit: "",
    });
  });

  it("parses typed targets with comma or point", () => {
    expect(parseTarget("")).toBeNull();
    expect(parseTarget(" 90 ")).toBe(90);
    expect(parseTarget("1,5")).toBe(1.5);
    expect(parseTarget("2.25")).toBe(2.25);
    expect(parseTarget("-3")).toBe(-3);
    expect(parseTarget("10 Tage")).toBeUndefined();
    expect(parseTarget("1,2,3")).toBeUndefined();
  });

  it("turns edited rows back into KPIs, unchanged rows exactly as they were", () => {
    const stored = [
      { name: "Kontakte pro Umzug", target: 1, unit: "Anzahl", measure: "contacts_per_instance" as const },
      { name: "Schaltung", target: 90, unit: "%", measure: null },
      { name: "NPS", target: null, unit: "NPS" },
    ];
    const rows = stored.map(kpiDraft);
    expect(rows[0]).toEqual({
      name: "Kontakte pro Umzug",
      target: "1",
      unit: "Anzahl",
      measure: "contacts_per_instance",
      hadMeasure: true,
    });
    expect(kpisFromDrafts(rows)).toEqual({ kpis: stored, errors: new Map() });

    const edited = [
      { ...rows[0], measure: "" as const },
      { ...rows[1], measure: "conversion" as const, target: "87,5" },
      { ...rows[2], measure: "time_to_complete" as const },
      { name: " ", target: "", unit: "", measure: "" as const, hadMeasure: false },
    ].map((r) => ({ ...r, hadMeasure: r.hadMeasure ?? false }));
    expect(kpisFromDrafts(edited as never).kpis).toEqual([
      { name: "Kontakte pro Umzug", target: 1, unit: "Anzahl", measure: null },
      { name: "Schaltung", target: 87.5, unit: "%", measure: "conversion" },
      { name: "NPS", target: null, unit: "NPS", measure: "time_to_complete" },
    ]);
  });

  it("reports rows without a name or with a target that is no number", () => {
    const { kpis, errors } = kpisFromDrafts([
      { name: "", target: "5", unit: "%", measure: "", hadMeasure: false },
      { name: "Dauer", target: "zehn", unit: "Tage", measure: "time_to_complete", hadMeasure: false },
      { name: "Quote", target: "3", unit: "%", measure: "drop_off_rate", hadMeasure: false },
    ]);
    expect(errors).toEqual(
      new Map([
        [0, "name"],
        [1, "target"],
      ]),
    );
    expect(kpis).toEqual([{ name: "Quote", target: 3, unit: "%", measure: "drop_off_rate" }]);
  });
});
