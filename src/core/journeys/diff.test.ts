import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffDocuments, EMPTY_DOCUMENT, reordered, summarizeDiff } from "./diff.js";
import type { TJourneyDocument, TJourneyStage, TJourneyStep } from "./document.schema.js";

const step = (id: string, title = id): TJourneyStep => ({
  id,
  title,
  touchpointId: null,
  customerAction: "",
  expectation: "",
  thoughts: "",
  emotion: null,
  customerRating: null,
  painPoints: [],
  insights: [],
  ideas: [],
  momentOfTruth: false,
  signature: false,
});
const stage = (id: string, steps: TJourneyStep[], name = id): TJourneyStage => ({
  id,
  name,
  description: "",
  steps,
});
const doc = (stages: TJourneyStage[]): TJourneyDocument => ({ ...EMPTY_DOCUMENT, title: "Reise", stages });

describe("diffDocuments", () => {
  const base = doc([
    stage("p1", [step("a"), step("b"), step("c")], "Information"),
    stage("p2", [step("d"), step("e"), step("i"), step("j")], "Kauf"),
    stage("p3", [step("f")], "Nutzung"),
    stage("p5", [step("k")], "Service"),
  ]);

  it("reports nothing for a document compared with itself", () => {
    expect(diffDocuments(base, structuredClone(base))).toEqual({ stages: [], steps: [], header: [] });
  });

  it("reports each kind of change, matched by id", () => {
    const next = doc([
      stage(
        "p2",
        [step("e"), step("i"), step("j"), { ...step("d"), emotion: 2, painPoints: ["Wartezeit"] }, step("a")],
        "Kauf",
      ),
      stage("p5", [step("k")], "Service"),
      stage("p1", [step("b"), step("c")], "Informationssuche"),
      stage("p4", [step("g", "Neu")], "Kündigung"),
    ]);
    next.status = "to_be";
    next.title = "Reise 2";
    const diff = diffDocuments(base, next);
    expect(diff.header).toEqual(["title", "status"]);
    expect(diff.stages).toEqual([
      { id: "p1", name: "Informationssuche", change: "renamed", fields: ["name"] },
      { id: "p1", name: "Informationssuche", change: "moved", fields: ["position"] },
      { id: "p4", name: "Kündigung", change: "added", fields: [] },
      { id: "p3", name: "Nutzung", change: "removed", fields: [] },
    ]);
    expect(diff.steps).toEqual([
      { id: "d", title: "d", stageId: "p2", change: "modified", fields: ["emotion", "painPoints"] },
      { id: "d", title: "d", stageId: "p2", change: "moved", fields: ["position"] },
      { id: "a", title: "a", stageId: "p2", change: "moved", fields: ["stageId"] },
      { id: "g", title: "Neu", stageId: "p4", change: "added", fields: [] },
      { id: "f", title: "f", stageId: "p3", change: "removed", fields: [] },
    ]);
    expect(summarizeDiff(diff)).toEqual({
      stagesAdded: 1,
      stagesRemoved: 1,
      stepsAdded: 1,
      stepsRemoved: 1,
      stepsChanged: 1,
      stepsMoved: 2,
    });
  });

  it("marks only the dragged item as moved, not its neighbours", () => {
    expect([...reordered(["a", "b", "c", "d", "e"], ["a", "c", "d", "e", "b"])]).toEqual(["b"]);
    expect([...reordered(["a", "b", "c", "d", "e"], ["e", "a", "b", "c", "d"])]).toEqual(["e"]);
    expect(reordered(["a", "b"], ["a", "b"]).size).toBe(0);
  });
});

type Op = {
  kind: "add" | "remove" | "move" | "modify" | "reorder" | "rename" | "addStage";
  a: number;
  b: number;
  c: number;
};
const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom("add", "remove", "move", "modify", "reorder", "rename", "addStage"),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
});

/** Applies random edits, each to a step or stage not edited before, and records what it did. */
function edit(original: TJourneyDocument, ops: Op[]) {
  const next = structuredClone(original);
  const touched = new Set<string>();
  const expected = {
    added: new Set<string>(),
    removed: new Set<string>(),
    crossMoved: new Set<string>(),
    modified: new Map<string, string[]>(),
    renamed: new Set<string>(),
    stagesAdded: new Set<string>(),
    reorders: 0,
  };
  let n = 0;
  const originals = () =>
    next.stages.flatMap((s) =>
      s.steps.filter((x) => !touched.has(x.id) && !expected.added.has(x.id)).map((x) => ({ s, x })),
    );
  for (const op of ops) {
    const candidates = originals();
    const pick = candidates[op.a % Math.max(1, candidates.length)];
    const target = next.stages[op.b % next.stages.length] as TJourneyStage;
    if (op.kind === "add") {
      const id = `new-${n++}`;
      target.steps.splice(op.c % (target.steps.length + 1), 0, step(id));
      expected.added.add(id);
    } else if (op.kind === "addStage") {
      const id = `stage-${n++}`;
      next.stages.splice(op.c % (next.stages.length + 1), 0, stage(id, []));
      expected.stagesAdded.add(id);
    } else if (op.kind === "rename") {
      const s = next.stages[op.a % next.stages.length] as TJourneyStage;
      if (expected.stagesAdded.has(s.id) || expected.renamed.has(s.id)) continue;
      s.name = `${s.name} (neu)`;
      expected.renamed.add(s.id);
    } else if (!pick) {
    } else if (op.kind === "remove") {
      pick.s.steps.splice(pick.s.steps.indexOf(pick.x), 1);
      touched.add(pick.x.id);
      expected.removed.add(pick.x.id);
    } else if (op.kind === "modify") {
      pick.x.title = `${pick.x.title}!`;
      pick.x.emotion = (op.c % 7) - 3;
      touched.add(pick.x.id);
      expected.modified.set(pick.x.id, pick.x.emotion === null ? ["title"] : ["title", "emotion"]);
    } else if (op.kind === "move") {
      if (target === pick.s) continue;
      pick.s.steps.splice(pick.s.steps.indexOf(pick.x), 1);
      target.steps.splice(op.c % (target.steps.length + 1), 0, pick.x);
      touched.add(pick.x.id);
      expected.crossMoved.add(pick.x.id);
    } else if (op.kind === "reorder") {
      const from = pick.s.steps.indexOf(pick.x);
      const to = op.c % pick.s.steps.length;
      if (to === from) continue;
      const order = () => pick.s.steps.map((x) => x.id).filter((id) => !expected.added.has(id));
      const before = order().join();
      pick.s.steps.splice(from, 1);
      pick.s.steps.splice(to, 0, pick.x);
      touched.add(pick.x.id);
      // Hopping over new steps only leaves the existing steps' order as it was.
      if (order().join() !== before) expected.reorders++;
    }
  }
  return { next, expected };
}

const docArb = fc.array(fc.nat({ max: 6 }), { minLength: 1, maxLength: 5 }).map((sizes) =>
  doc(
    sizes.map((k, i) =>
      stage(
        `p${i}`,
        Array.from({ length: k }, (_, j) => step(`p${i}s${j}`)),
        `Phase ${i}`,
      ),
    ),
  ),
);

describe("diffDocuments properties", () => {
  it("compare(a, a) is empty", () => {
    fc.assert(
      fc.property(docArb, (a) => {
        expect(diffDocuments(a, structuredClone(a))).toEqual({ stages: [], steps: [], header: [] });
      }),
    );
  });

  it("reports exactly the edits made: added, removed, modified, moved", () => {
    fc.assert(
      fc.property(docArb, fc.array(opArb, { maxLength: 10 }), (a, ops) => {
        const { next, expected } = edit(a, ops);
        const diff = diffDocuments(a, next);
        const ids = (change: string, fields?: string) =>
          new Set(
            diff.steps
              .filter((s) => s.change === change && (!fields || s.fields[0] === fields))
              .map((s) => s.id),
          );
        expect(ids("added")).toEqual(expected.added);
        expect(ids("removed")).toEqual(expected.removed);
        expect(ids("moved", "stageId")).toEqual(expected.crossMoved);
        expect(
          new Map(diff.steps.filter((s) => s.change === "modified").map((s) => [s.id, s.fields])),
        ).toEqual(expected.modified);
        expect(new Set(diff.stages.filter((s) => s.change === "renamed").map((s) => s.id))).toEqual(
          expected.renamed,
        );
        expect(new Set(diff.stages.filter((s) => s.change === "added").map((s) => s.id))).toEqual(
          expected.stagesAdded,
        );
        expect(diff.stages.filter((s) => s.change === "removed" || s.change === "moved")).toEqual([]);
        // Reordering within a stage: at most one reported move per reorder made, and taking the
        // reported steps out leaves the same order on both sides.
        const inStage = ids("moved", "position");
        expect(inStage.size).toBeLessThanOrEqual(expected.reorders);
        // A lone reorder always changes the order (removals could undo it, so only then).
        if (expected.reorders === 1 && expected.removed.size + expected.crossMoved.size === 0)
          expect(inStage.size).toBe(1);
        for (const s of next.stages) {
          const old = a.stages.find((x) => x.id === s.id);
          const stay = (list: TJourneyStep[], other: TJourneyStep[]) =>
            list.map((x) => x.id).filter((id) => other.some((o) => o.id === id) && !inStage.has(id));
          if (old) expect(stay(s.steps, old.steps)).toEqual(stay(old.steps, s.steps));
        }
        const summary = summarizeDiff(diff);
        expect(summary.stepsMoved).toBe(expected.crossMoved.size + inStage.size);
        expect(summary.stepsChanged).toBe(expected.modified.size);
      }),
      { numRuns: 300 },
    );
  });
});
