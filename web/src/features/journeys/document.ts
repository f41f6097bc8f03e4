import {
  JOURNEY_KPI_MEASURES,
  type JourneyDocument,
  type JourneyKpiMeasure,
  type Kpi,
  type Stage,
  type Step,
} from "../../api/journey-design";

/** Pure, immutable edits of a journey document; the map page keeps the draft and saves it whole. */

const newId = () => crypto.randomUUID();

export function emptyDocument(fields: Partial<JourneyDocument> = {}): JourneyDocument {
  return {
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
    ...fields,
  };
}

export function emptyStep(title: string): Step {
  return {
    id: newId(),
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
  };
}

export function emptyStage(name: string): Stage {
  return { id: newId(), name, description: "", steps: [] };
}

const mapStages = (doc: JourneyDocument, fn: (stage: Stage) => Stage): JourneyDocument => ({
  ...doc,
  stages: doc.stages.map(fn),
});

export function addStage(doc: JourneyDocument, stage: Stage, index = doc.stages.length): JourneyDocument {
  const stages = [...doc.stages];
  stages.splice(Math.max(0, Math.min(index, stages.length)), 0, stage);
  return { ...doc, stages };
}

export function updateStage(
  doc: JourneyDocument,
  stageId: string,
  patch: Partial<Omit<Stage, "id" | "steps">>,
) {
  return mapStages(doc, (s) => (s.id === stageId ? { ...s, ...patch } : s));
}

export function removeStage(doc: JourneyDocument, stageId: string): JourneyDocument {
  return { ...doc, stages: doc.stages.filter((s) => s.id !== stageId) };
}

export function moveStage(doc: JourneyDocument, stageId: string, delta: number): JourneyDocument {
  const from = doc.stages.findIndex((s) => s.id === stageId);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= doc.stages.length) return doc;
  const stages = [...doc.stages];
  const [stage] = stages.splice(from, 1);
  if (stage) stages.splice(to, 0, stage);
  return { ...doc, stages };
}

export function addStep(doc: JourneyDocument, stageId: string, step: Step, index?: number): JourneyDocument {
  return mapStages(doc, (s) => {
    if (s.id !== stageId) return s;
    const steps = [...s.steps];
    steps.splice(index === undefined ? steps.length : Math.max(0, Math.min(index, steps.length)), 0, step);
    return { ...s, steps };
  });
}

export function updateStep(doc: JourneyDocument, stepId: string, patch: Partial<Omit<Step, "id">>) {
  return mapStages(doc, (s) =>
    s.steps.some((st) => st.id === stepId)
      ? { ...s, steps: s.steps.map((st) => (st.id === stepId ? { ...st, ...patch } : st)) }
      : s,
  );
}

export function removeStep(doc: JourneyDocument, stepId: string): JourneyDocument {
  return mapStages(doc, (s) => ({ ...s, steps: s.steps.filter((st) => st.id !== stepId) }));
}

export interface StepLocation {
  stage: Stage;
  stageIndex: number;
  step: Step;
  index: number;
}

export function findStep(doc: JourneyDocument, stepId: string): StepLocation | undefined {
  for (const [stageIndex, stage] of doc.stages.entries()) {
    const index = stage.steps.findIndex((st) => st.id === stepId);
    const step = stage.steps[index];
    if (step) return { stage, stageIndex, step, index };
  }
  return undefined;
}

/** Moves a step to `index` in the target stage, where `index` counts the target's steps without it. */
export function moveStep(
  doc: JourneyDocument,
  stepId: string,
  toStageId: string,
  index: number,
): JourneyDocument {
  const at = findStep(doc, stepId);
  if (!at || !doc.stages.some((s) => s.id === toStageId)) return doc;
  const without = removeStep(doc, stepId);
  return addStep(without, toStageId, at.step, index);
}

/**
 * One position left or right across the whole journey: past a stage's edge the step moves into the
 * neighbouring stage (at its end when moving left, its start when moving right).
 */
export function shiftStep(doc: JourneyDocument, stepId: string, delta: -1 | 1): JourneyDocument {
  const at = findStep(doc, stepId);
  if (!at) return doc;
  const target = at.index + delta;
  if (target >= 0 && target < at.stage.steps.length) return moveStep(doc, stepId, at.stage.id, target);
  const neighbour = doc.stages[at.stageIndex + delta];
  if (!neighbour) return doc;
  return moveStep(doc, stepId, neighbour.id, delta < 0 ? neighbour.steps.length : 0);
}

export function allSteps(doc: JourneyDocument): { stage: Stage; step: Step }[] {
  return doc.stages.flatMap((stage) => stage.steps.map((step) => ({ stage, step })));
}

/** A JSON form with sorted keys, so documents compare equal whatever order the server wrote them in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

export const sameDocument = (a: JourneyDocument, b: JourneyDocument) => canonical(a) === canonical(b);

/** Fills fields a server or an older export may leave out, so the editor can rely on them. */
export function normalizeDocument(doc: Partial<JourneyDocument>): JourneyDocument {
  const base = emptyDocument();
  return {
    ...base,
    ...doc,
    schemaVersion: 1,
    goals: doc.goals ?? [],
    kpis: {
      performance: (doc.kpis?.performance ?? []).map(normalizeKpi),
      brand: (doc.kpis?.brand ?? []).map(normalizeKpi),
    },
    stages: (doc.stages ?? []).map((stage) => ({
      id: stage.id ?? newId(),
      name: stage.name ?? "",
      description: stage.description ?? "",
      steps: (stage.steps ?? []).map((step) => ({ ...emptyStep(""), ...step })),
    })),
  };
}

const isMeasure = (v: unknown): v is JourneyKpiMeasure =>
  typeof v === "string" && (JOURNEY_KPI_MEASURES as readonly string[]).includes(v);

/**
 * A KPI with every field the editor reads; its `measure` (the computed KPI its target applies to) is
 * kept as the server wrote it: a known key, null, or absent, so loading and saving leave it unchanged.
 */
export function normalizeKpi(kpi: Partial<Kpi>): Kpi {
  const out: Kpi = { name: kpi.name ?? "", target: kpi.target ?? null, unit: kpi.unit ?? "" };
  if (isMeasure(kpi.measure) || kpi.measure === null) out.measure = kpi.measure;
  return out;
}

/** A KPI while it is edited: the target as typed, the measure `""` for none. */
export interface KpiDraft {
  name: string;
  target: string;
  unit: string;
  measure: JourneyKpiMeasure | "";
  /** Whether the stored KPI had a `measure` field, so an unchanged "none" writes it back as it was. */
  hadMeasure: boolean;
}

export const kpiDraft = (kpi: Kpi): KpiDraft => ({
  name: kpi.name,
  target: kpi.target === null ? "" : String(kpi.target),
  unit: kpi.unit,
  measure: kpi.measure ?? "",
  hadMeasure: kpi.measure !== undefined,
});

/** A typed target: empty → null; "1,5" and "1.5" → 1.5; anything else → undefined (invalid). */
export function parseTarget(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(trimmed)) return undefined;
  const value = Number(trimmed.replace(",", "."));
  return Number.isFinite(value) ? value : undefined;
}

export type KpiDraftError = "name" | "target";

/**
 * The KPIs of edited rows: blank rows are dropped; a row with values but no name, or a target that
 * is no number, is an error (index → field).
 */
export function kpisFromDrafts(rows: readonly KpiDraft[]): {
  kpis: Kpi[];
  errors: Map<number, KpiDraftError>;
} {
  const kpis: Kpi[] = [];
  const errors = new Map<number, KpiDraftError>();
  rows.forEach((row, index) => {
    const name = row.name.trim();
    if (!name && !row.target.trim() && !row.unit.trim() && !row.measure) return;
    const target = parseTarget(row.target);
    if (!name) errors.set(index, "name");
    else if (target === undefined) errors.set(index, "target");
    if (!name || target === undefined) return;
    const kpi: Kpi = { name, target, unit: row.unit.trim() };
    if (row.measure) kpi.measure = row.measure;
    else if (row.hadMeasure) kpi.measure = null;
    kpis.push(kpi);
  });
  return { kpis, errors };
}
