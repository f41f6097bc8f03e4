/** Types of the key driver API (docs/api/measure-the-gap.md §1). */
export const DRIVER_OUTCOMES = ["nps", "csat", "detractor"] as const;
export type DriverOutcome = (typeof DRIVER_OUTCOMES)[number];
export const DRIVER_SETS = ["touchpoints", "stages", "aspects", "operations"] as const;
export type DriverSet = (typeof DRIVER_SETS)[number];
export const QUADRANTS = ["strength", "weakness", "maintain", "opportunity"] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export interface KeyDriversRequest {
  from?: string;
  to?: string;
  journeyId?: string;
  outcome: DriverOutcome;
  driverSet: DriverSet;
  minN?: number;
  missing?: "listwise" | "mean";
  resamples?: number;
}

export interface KeyDriver {
  key: string;
  label: string;
  weight: number;
  share: number;
  sign: -1 | 0 | 1;
  ci: [number, number] | null;
  significant: boolean | null;
  n: number;
  performance: number;
  scale: { min: number; max: number; higherIsBetter: boolean };
  quadrant: Quadrant;
}

export interface AspectCost {
  key: string;
  label: string;
  n: number;
  nps: number | null;
  npsWithout: number | null;
  nWithout: number;
  cost: number | null;
}

export interface KeyDriversResult {
  outcome: DriverOutcome;
  driverSet: DriverSet;
  journeyId: string | null;
  method: string;
  definition: string;
  missing: "listwise" | "mean";
  n: number;
  r2: number | null;
  respondents: number;
  drivers: KeyDriver[];
  excluded: { key: string; label: string; n: number; reason: "min_n" | "constant" | "too_many" }[];
  medians: { share: number | null; performance: number | null };
  bootstrap: { resamples: number; seed: number; level: number } | null;
  aspectCosts: AspectCost[] | null;
}
