import { correlations, DriverAnalysisError, r2OfSubset } from "./relative-weights.js";

/** Exact Shapley decomposition is 2^p regressions: kept to small driver sets. */
export const SHAPLEY_MAX_DRIVERS = 10;

export interface ShapleyResult {
  /** Per driver, its Shapley value (share of R² in R² units), in the order of `names`. */
  values: { driver: string; value: number; share: number }[];
  r2: number;
  n: number;
}

/**
 * Exact Shapley (LMG) decomposition of R²: each driver's average gain in R² over all orders of
 * entering the model, computed over all 2^p subsets, R² of each subset from the OLS regression on
 * complete rows (R²(S) = r_Sᵀ R_SS⁻¹ r_S on the correlations; same as OLS with an intercept).
 * Listwise deletion as `relativeWeights`. The values sum to the full model's R².
 */
export function shapleyR2(
  x: readonly (readonly number[])[],
  y: readonly number[],
  names: readonly string[],
): ShapleyResult {
  const p = names.length;
  if (p === 0 || p > SHAPLEY_MAX_DRIVERS)
    throw new DriverAnalysisError(
      "bad_input",
      `exact Shapley takes 1–${SHAPLEY_MAX_DRIVERS} drivers, not ${p}`,
    );
  const rows = x
    .map((r, i) => ({ r, y: y[i] as number }))
    .filter((row) => Number.isFinite(row.y) && row.r.every((v) => Number.isFinite(v)));
  if (rows.length < p + 2)
    throw new DriverAnalysisError("too_few_rows", `${rows.length} complete rows for ${p} drivers`);
  const { rxx, rxy } = correlations(
    rows.map((r) => r.r),
    rows.map((r) => r.y),
    names,
  );
  const full = (1 << p) - 1;
  const r2 = new Float64Array(1 << p);
  for (let mask = 1; mask <= full; mask++) {
    const subset: number[] = [];
    for (let j = 0; j < p; j++) if (mask & (1 << j)) subset.push(j);
    r2[mask] = r2OfSubset(rxx, rxy, subset);
  }
  const fact = [1];
  for (let k = 1; k <= p; k++) fact.push((fact[k - 1] as number) * k);
  const values = names.map((driver, j) => {
    const bit = 1 << j;
    let value = 0;
    for (let mask = 0; mask <= full; mask++) {
      if (mask & bit) continue;
      let size = 0;
      for (let m = mask; m; m &= m - 1) size++;
      const w = ((fact[size] as number) * (fact[p - size - 1] as number)) / (fact[p] as number);
      value += w * ((r2[mask | bit] as number) - (r2[mask] as number));
    }
    return { driver, value, share: 0 };
  });
  const total = r2[full] as number;
  for (const v of values) v.share = total > 0 ? v.value / total : 0;
  return { values, r2: total, n: rows.length };
}
