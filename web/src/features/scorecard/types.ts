import type { JourneyKpi } from "../../api/journey-design";
import type { KpiInterval, KpiValues } from "../kpis/types";

/** Mirrors src/core/scorecard/scorecard.schema.ts (docs/api/measure-the-gap.md §4). */
export interface Score {
  n: number;
  rated: number;
  bySentiment: number;
  mean: number | null;
  interval: KpiInterval | null;
  warning: "small_sample" | null;
}

export interface ScorecardStep {
  stepId: string;
  title: string;
  stageId: string;
  touchpointId: string | null;
  signature: boolean;
  momentOfTruth: boolean;
  designedRating: number | null;
  score: Score;
  emotion: {
    designed: number | null;
    measured: number | null;
    measuredInterval: { low: number; high: number } | null;
    below: boolean;
    belowSignificant: boolean;
  };
}

export interface Differentiation {
  stepId: string;
  title: string;
  signature: boolean;
  importance: number | null;
  target: number | null;
  measured: number | null;
  shortfall: number | null;
  potential: number | null;
  rank: number | null;
}

export interface Scorecard {
  journeyId: string;
  title: string;
  range: { from: string; to: string };
  definitions: { score: string; emotion: string; potential: string };
  kpis: JourneyKpi[];
  catalogue: KpiValues[];
  overall: Score;
  stages: {
    stageId: string;
    name: string;
    score: Score;
    designedEmotion: number | null;
    measuredEmotion: number | null;
  }[];
  steps: ScorecardStep[];
  signatureInteractions: {
    stepId: string;
    title: string;
    score: Score;
    csat: { n: number; value: number | null; interval: KpiInterval | null };
    instances: number;
    conversion: number | null;
    waitMedianSeconds: number | null;
    contactRate: number | null;
  }[];
  belowDesign: { stepId: string; title: string; by: number; significant: boolean }[];
  importanceSource: "drivers" | "volume";
  differentiation: Differentiation[];
}

export interface ScorecardRequest {
  journeyId: string;
  target: number | "designed";
  from?: string;
  to?: string;
}
