/** Mirrors src/core/kpis/kpis.schema.ts (docs/api/measure-the-gap.md §3). */
export type KpiKind = "performance" | "brand";
export type KpiDirection = "higher" | "lower";

export type KpiMeasure =
  | { type: "journey"; measure: string; waitTargetHours?: number }
  | { type: "metric"; metric: string }
  | { type: "question"; surveyId: string; questionId: string; figure: "mean" | "top2" };

export interface Kpi {
  id: string;
  key: string;
  kind: KpiKind;
  name: string;
  definition: string;
  measure: KpiMeasure;
  journeyId: string | null;
  unit: string;
  direction: KpiDirection;
  target: number | null;
  owner: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
}

export interface KpiInterval {
  low: number;
  high: number;
  level: 0.95;
  method: "nps_se" | "wilson" | "normal_mean" | "order_statistic";
}

export interface KpiValue {
  from: string;
  to: string;
  value: number | null;
  n: number;
  interval: KpiInterval | null;
}

export interface KpiValues {
  kpi: Kpi;
  definitionUsed: string;
  current: KpiValue;
  previous: KpiValue;
  change: number | null;
  trend: "improving" | "worsening" | "flat" | null;
  met: boolean | null;
  series: KpiValue[];
}

export interface KpiValuesRequest {
  to?: string;
  days?: number;
  granularity?: "week" | "month";
  periods?: number;
  journeyId?: string;
}

export interface UpdateKpi {
  name?: string;
  definition?: string;
  unit?: string;
  direction?: KpiDirection;
  target?: number | null;
  ownerUserId?: string | null;
}
