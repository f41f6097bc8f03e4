import type { TJourneyDocument, TJourneyStage, TJourneyStep } from "./document.schema.js";

export interface StageChange {
  id: string;
  name: string;
  change: "added" | "removed" | "renamed" | "modified" | "moved";
  /** renamed/modified: the stage fields that differ; moved: ["position"]. */
  fields: string[];
}

export interface StepChange {
  id: string;
  title: string;
  /** The stage the step is in now (for removed steps: the stage it was in). */
  stageId: string;
  change: "added" | "removed" | "modified" | "moved";
  /** modified: the step fields that differ; moved: ["stageId"] or ["position"]. */
  fields: string[];
}

export interface DocumentDiff {
  stages: StageChange[];
  steps: StepChange[];
  /** Journey-level fields (title, status, …) that differ. */
  header: string[];
}

export interface RevisionSummary {
  stagesAdded: number;
  stagesRemoved: number;
  stepsAdded: number;
  stepsRemoved: number;
  stepsChanged: number;
  stepsMoved: number;
}

const HEADER_FIELDS = [
  "title",
  "scenario",
  "personaId",
  "ownerId",
  "status",
  "description",
  "goals",
  "kpis",
] as const satisfies readonly (keyof TJourneyDocument)[];
const STAGE_FIELDS = ["name", "description"] as const satisfies readonly (keyof TJourneyStage)[];
const STEP_FIELDS = [
  "title",
  "touchpointId",
  "customerAction",
  "expectation",
  "thoughts",
  "emotion",
  "customerRating",
  "painPoints",
  "insights",
  "ideas",
  "momentOfTruth",
  "signature",
] as const satisfies readonly (keyof TJourneyStep)[];

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
const changedFields = <T, K extends keyof T>(a: T, b: T, fields: readonly K[]): string[] =>
  fields.filter((f) => !same(a[f], b[f])).map(String);

/**
 * Ids whose relative order changed: everything outside one longest common subsequence. Reporting
 * the fewest moves keeps one dragged step from marking all its neighbours as moved.
 */
export function reordered(before: readonly string[], after: readonly string[]): Set<string> {
  const n = before.length;
  const m = after.length;
  const len: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const at = (i: number, j: number) => len[i]?.[j] ?? 0;
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      (len[i] as number[])[j] =
        before[i] === after[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (before[i] === after[j]) {
      kept.add(before[i] as string);
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  return new Set(before.filter((id) => !kept.has(id)));
}

interface Placed {
  step: TJourneyStep;
  stageId: string;
}

const placeSteps = (doc: TJourneyDocument) =>
  new Map<string, Placed>(
    doc.stages.flatMap((s) => s.steps.map((step) => [step.id, { step, stageId: s.id }])),
  );

/** What changed from `a` to `b`, matched by stage and step ids. */
export function diffDocuments(a: TJourneyDocument, b: TJourneyDocument): DocumentDiff {
  const stagesA = new Map(a.stages.map((s) => [s.id, s]));
  const stagesB = new Map(b.stages.map((s) => [s.id, s]));
  const movedStages = reordered(
    a.stages.filter((s) => stagesB.has(s.id)).map((s) => s.id),
    b.stages.filter((s) => stagesA.has(s.id)).map((s) => s.id),
  );
  const stages: StageChange[] = [];
  for (const s of b.stages) {
    const old = stagesA.get(s.id);
    if (!old) {
      stages.push({ id: s.id, name: s.name, change: "added", fields: [] });
      continue;
    }
    const fields = changedFields(old, s, STAGE_FIELDS);
    if (fields.length > 0)
      stages.push({
        id: s.id,
        name: s.name,
        change: fields.includes("name") ? "renamed" : "modified",
        fields,
      });
    if (movedStages.has(s.id)) stages.push({ id: s.id, name: s.name, change: "moved", fields: ["position"] });
  }
  for (const s of a.stages)
    if (!stagesB.has(s.id)) stages.push({ id: s.id, name: s.name, change: "removed", fields: [] });

  const stepsA = placeSteps(a);
  const stepsB = placeSteps(b);
  const stayed = (id: string) => stepsA.get(id)?.stageId === stepsB.get(id)?.stageId;
  const movedInStage = new Set<string>();
  for (const s of b.stages) {
    const before = stagesA.get(s.id)?.steps.map((x) => x.id) ?? [];
    for (const id of reordered(
      before.filter((id) => stepsB.has(id) && stayed(id)),
      s.steps.map((x) => x.id).filter((id) => stepsA.has(id) && stayed(id)),
    ))
      movedInStage.add(id);
  }
  const steps: StepChange[] = [];
  for (const [id, { step, stageId }] of stepsB) {
    const old = stepsA.get(id);
    const entry = { id, title: step.title, stageId };
    if (!old) {
      steps.push({ ...entry, change: "added", fields: [] });
      continue;
    }
    const fields = changedFields(old.step, step, STEP_FIELDS);
    if (fields.length > 0) steps.push({ ...entry, change: "modified", fields });
    if (old.stageId !== stageId) steps.push({ ...entry, change: "moved", fields: ["stageId"] });
    else if (movedInStage.has(id)) steps.push({ ...entry, change: "moved", fields: ["position"] });
  }
  for (const [id, { step, stageId }] of stepsA)
    if (!stepsB.has(id)) steps.push({ id, title: step.title, stageId, change: "removed", fields: [] });

  return { stages, steps, header: changedFields(a, b, HEADER_FIELDS) };
}

export function summarizeDiff(diff: DocumentDiff): RevisionSummary {
  const count = <T extends { change: string }>(list: T[], change: string) =>
    list.filter((c) => c.change === change).length;
  return {
    stagesAdded: count(diff.stages, "added"),
    stagesRemoved: count(diff.stages, "removed"),
    stepsAdded: count(diff.steps, "added"),
    stepsRemoved: count(diff.steps, "removed"),
    stepsChanged: count(diff.steps, "modified"),
    stepsMoved: count(diff.steps, "moved"),
  };
}

/** The document a first version is compared against. */
export const EMPTY_DOCUMENT: TJourneyDocument = {
  schemaVersion: 1,
  title: "",
  scenario: "",
  personaId: null,
  ownerId: null,
  status: "draft",
  description: "",
  goals: [],
  kpis: { performance: [], brand: [] },
  stages: [],
};
