import { journeyKpis } from "../analytics/reports/journey-kpis.js";
import { journeyMeasures } from "../analytics/reports/journey-measures.js";
import { rangeOf } from "../analytics/scope.js";
import { touchpointImportance } from "../drivers/key-drivers.js";
import { loadJourney } from "../journeys/load-journey.js";
import { kpiValues } from "../kpis/kpi-values.js";
import { getMetrics } from "../metrics/get-metrics.js";
import type { ReportContext } from "../metrics/report-context.js";
import {
  addSums,
  EMPTY_SUMS,
  emotionPoint,
  emotionToScore,
  rankDifferentiation,
  type ScoreSums,
  scoreOf,
  scoreToEmotion,
} from "./emotion-math.js";
import { stepScores } from "./reports/step-scores.js";
import type { TScorecard, TScorecardRequest, TScorecardStep } from "./scorecard.schema.js";

const DEFINITIONS = {
  score:
    "per linked feedback record: the mean of its ratings mapped onto 1–5 (1 + 4·(v − min)/(max − min)), or " +
    "without a rating its sentiment as 3 + 2·score; mean ± 1.96·s/√n",
  emotion: "measured emotion = 1.5·(score − 3): 1 → −3, 3 → 0, 5 → +3 (the map's designed emotion scale)",
  potential:
    "potential = importance × max(0, target − measured score); importance = the step touchpoint's share of R² " +
    "in the key driver analysis (journey NPS) when it covers at least half of the scored steps, else the step's " +
    "share of the journey's scored feedback (volume)",
};

const avg = (xs: number[]): number | null =>
  xs.length === 0 ? null : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;

/**
 * A journey's scorecard (docs/api/measure-the-gap.md §4): KPIs against targets, stage and step scores,
 * signature interactions with their measures, designed vs measured emotion per step, the steps below
 * their design, and the emotional-differentiation ranking.
 */
export async function journeyScorecard(
  ctx: ReportContext,
  input: TScorecardRequest,
  now = new Date(),
): Promise<TScorecard> {
  const workspaceId = ctx.access.workspaceId;
  const journey = await loadJourney(ctx.db, workspaceId, input.journeyId);
  const range = rangeOf(input, now);
  const iso = { from: range.from.toISOString(), to: range.to.toISOString() };
  const days = Math.max(1, Math.round((range.to.getTime() - range.from.getTime()) / 86_400_000));
  const [kpis, measures, scores, weights, catalogue] = await Promise.all([
    journeyKpis(ctx, { journeyId: journey.id, ...iso, inactivityDays: 30, repeatWithinDays: 7 }, now),
    journeyMeasures(ctx, { journeyId: journey.id, ...iso, inactivityDays: 30 }, now),
    stepScores(ctx.facts, { workspaceId, journeyId: journey.id, ...range }),
    touchpointImportance(ctx, { ...iso, journeyId: journey.id }),
    kpiValues(ctx, { journeyId: journey.id, to: iso.to, days, granularity: "month", periods: 6 }, now),
  ]);

  const sumsOfStep = new Map<string, ScoreSums>();
  const sumsOfStage = new Map<string, ScoreSums>();
  let total = EMPTY_SUMS;
  for (const r of scores) {
    total = addSums(total, r);
    if (r.stepId) sumsOfStep.set(r.stepId, addSums(sumsOfStep.get(r.stepId) ?? EMPTY_SUMS, r));
    if (r.stageId) sumsOfStage.set(r.stageId, addSums(sumsOfStage.get(r.stageId) ?? EMPTY_SUMS, r));
  }

  const steps: TScorecardStep[] = journey.document.stages.flatMap((stage) =>
    stage.steps.map((s) => {
      const score = scoreOf(sumsOfStep.get(s.id) ?? EMPTY_SUMS);
      return {
        stepId: s.id,
        title: s.title,
        stageId: stage.id,
        touchpointId: s.touchpointId,
        signature: s.signature,
        momentOfTruth: s.momentOfTruth,
        designedRating: s.customerRating,
        score,
        emotion: emotionPoint(s.emotion, score),
      };
    }),
  );

  const stages = journey.document.stages.map((stage) => {
    const score = scoreOf(sumsOfStage.get(stage.id) ?? EMPTY_SUMS);
    return {
      stageId: stage.id,
      name: stage.name,
      score,
      designedEmotion: avg(stage.steps.flatMap((s) => (s.emotion === null ? [] : [s.emotion]))),
      measuredEmotion: score.mean === null ? null : scoreToEmotion(score.mean),
    };
  });

  const measured = new Map(measures.steps.map((m) => [m.stepId, m]));
  const signatureSteps = steps.filter((s) => s.signature);
  const csats = await Promise.all(
    signatureSteps.map((s) =>
      s.touchpointId === null
        ? null
        : getMetrics(ctx, {
            metric: "csat",
            groupBy: "none",
            tz: "UTC",
            ...iso,
            touchpointId: s.touchpointId,
            journeyId: journey.id,
          }),
    ),
  );
  const signatureInteractions = signatureSteps.map((s, i) => {
    const m = measured.get(s.stepId);
    const csat = csats[i]?.overall;
    return {
      stepId: s.stepId,
      title: s.title,
      score: s.score,
      csat: { n: csat?.n ?? 0, value: csat?.value ?? null, interval: csat?.interval ?? null },
      instances: m?.instances ?? 0,
      conversion: m?.conversion ?? null,
      waitMedianSeconds: m?.waitMedianSeconds ?? null,
      contactRate: m?.contactRate ?? null,
    };
  });

  const belowDesign = steps
    .filter((s) => s.emotion.below)
    .map((s) => ({
      stepId: s.stepId,
      title: s.title,
      by: Math.round(((s.emotion.designed as number) - (s.emotion.measured as number)) * 100) / 100,
      significant: s.emotion.belowSignificant,
    }))
    .sort((a, b) => b.by - a.by);

  // Driver weights when the model covers at least half of the scored steps' touchpoints (one scale for
  // the whole ranking); else every step by its share of the scored feedback.
  const scored = steps.filter((s) => s.score.n > 0);
  const covered = scored.filter((s) => s.touchpointId !== null && weights.has(s.touchpointId));
  const byDrivers = scored.length > 0 && covered.length * 2 >= scored.length;
  const scoredTotal = steps.reduce((sum, s) => sum + s.score.n, 0);
  const importanceOf = (s: TScorecardStep): number | null =>
    byDrivers
      ? s.touchpointId === null
        ? null
        : (weights.get(s.touchpointId)?.share ?? null)
      : scoredTotal === 0
        ? null
        : s.score.n / scoredTotal;
  const designedTarget = (stepId: string): number | null => {
    const step = journey.document.stages.flatMap((st) => st.steps).find((x) => x.id === stepId);
    if (!step) return null;
    return step.customerRating ?? (step.emotion === null ? null : emotionToScore(step.emotion));
  };
  const differentiation = rankDifferentiation(
    steps.map((s) => ({
      stepId: s.stepId,
      title: s.title,
      signature: s.signature,
      importance: importanceOf(s),
      target: input.target === "designed" ? designedTarget(s.stepId) : input.target,
      measured: s.score.mean,
    })),
  );

  return {
    journeyId: journey.id,
    title: journey.document.title,
    range: iso,
    definitions: DEFINITIONS,
    kpis: kpis.items,
    catalogue: catalogue.items,
    overall: scoreOf(total),
    stages,
    steps,
    signatureInteractions,
    belowDesign,
    importanceSource: byDrivers ? "drivers" : "volume",
    differentiation,
  };
}
