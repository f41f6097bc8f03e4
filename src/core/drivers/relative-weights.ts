import { EigenvalueDecomposition, Matrix, solve } from "ml-matrix";

/**
 * Johnson's relative weights (Johnson 2000, DESIGN §3): the share of R² each driver accounts for,
 * robust to correlated drivers. On standardised variables (so the result does not depend on a driver's
 * unit):
 *   R_xx = V diag(λ) Vᵀ (driver correlations), Λ = V diag(√λ) Vᵀ (the symmetric square root: the
 *   orthogonal variables Z = X Λ⁻¹ closest to X), β = Λ⁻¹ r_xy (outcome on Z), ε_j = Σ_k Λ_jk² β_k².
 * The raw weights ε_j sum to R² of the OLS regression of the outcome on all drivers.
 */

/** Eigenvalues of R_xx at or below this (relative to the largest) make it (near) singular. */
export const SINGULAR_TOLERANCE = 1e-8;
/** A driver whose standard deviation is at most this (relative to its mean magnitude, or absolute) is constant. */
const CONSTANT_TOLERANCE = 1e-12;

export class DriverAnalysisError extends Error {
  constructor(
    readonly code: "constant_driver" | "constant_outcome" | "singular" | "too_few_rows" | "bad_input",
    message: string,
    readonly driver?: string,
  ) {
    super(message);
    this.name = "DriverAnalysisError";
  }
}

export interface DriverWeight {
  /** The driver's name as given. */
  driver: string;
  /** Raw relative weight ε_j (in units of R²). */
  weight: number;
  /** ε_j / R² (0…1); 0 when R² is 0. */
  share: number;
  /**
   * Sign of the driver–outcome correlation r_xy (−1, 0, 1). Chosen over the sign of the regression
   * coefficient because that one can flip with correlated drivers (suppression) while the weight stays
   * positive; the correlation says how the driver moves with the outcome on its own.
   */
  sign: -1 | 0 | 1;
  /** Driver–outcome correlation. */
  r: number;
}

export interface RelativeWeightsResult {
  weights: DriverWeight[];
  r2: number;
  /** Rows used (after listwise deletion). */
  n: number;
}

/** Rows with every driver and the outcome present (finite numbers): listwise deletion. */
export function completeRows(
  x: readonly (readonly number[])[],
  y: readonly number[],
): { x: number[][]; y: number[] } {
  const outX: number[][] = [];
  const outY: number[] = [];
  for (let i = 0; i < y.length; i++) {
    const row = x[i];
    const yi = y[i];
    if (!row || yi === undefined || !Number.isFinite(yi) || !row.every((v) => Number.isFinite(v))) continue;
    outX.push([...row]);
    outY.push(yi);
  }
  return { x: outX, y: outY };
}

/** Columns standardised to mean 0 and standard deviation 1 (sample, n − 1); throws on a constant column. */
function standardise(columns: number[][], names: readonly string[], isOutcome = false): number[][] {
  return columns.map((col, j) => {
    const n = col.length;
    const mean = col.reduce((s, v) => s + v, 0) / n;
    const ss = col.reduce((s, v) => s + (v - mean) ** 2, 0);
    const sd = Math.sqrt(ss / (n - 1));
    const scale = Math.max(1, Math.abs(mean));
    if (!(sd > CONSTANT_TOLERANCE * scale)) {
      if (isOutcome)
        throw new DriverAnalysisError("constant_outcome", "the outcome is constant: nothing to explain");
      const name = names[j] ?? String(j);
      throw new DriverAnalysisError("constant_driver", `driver "${name}" is constant (no variance)`, name);
    }
    return col.map((v) => (v - mean) / sd);
  });
}

/** The correlation matrix of driver columns and the driver–outcome correlations (complete data). */
export function correlations(
  x: readonly (readonly number[])[],
  y: readonly number[],
  names: readonly string[],
): { rxx: number[][]; rxy: number[]; n: number } {
  const n = y.length;
  const p = names.length;
  const cols: number[][] = Array.from({ length: p }, (_, j) => x.map((row) => row[j] as number));
  const zx = standardise(cols, names);
  const [zy] = standardise([[...y]], ["outcome"], true) as [number[]];
  const rxx: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const rxy = new Array<number>(p).fill(0);
  for (let a = 0; a < p; a++) {
    const ca = zx[a] as number[];
    let sy = 0;
    for (let i = 0; i < n; i++) sy += (ca[i] as number) * (zy[i] as number);
    rxy[a] = sy / (n - 1);
    (rxx[a] as number[])[a] = 1;
    for (let b = a + 1; b < p; b++) {
      const cb = zx[b] as number[];
      let s = 0;
      for (let i = 0; i < n; i++) s += (ca[i] as number) * (cb[i] as number);
      const r = s / (n - 1);
      (rxx[a] as number[])[b] = r;
      (rxx[b] as number[])[a] = r;
    }
  }
  return { rxx, rxy, n };
}

/** Relative weights from a correlation matrix R_xx and driver–outcome correlations r_xy. */
export function relativeWeightsFromCorrelations(
  rxx: readonly (readonly number[])[],
  rxy: readonly number[],
  names: readonly string[],
  tolerance = SINGULAR_TOLERANCE,
): { weights: DriverWeight[]; r2: number } {
  const p = names.length;
  if (p === 0) throw new DriverAnalysisError("bad_input", "at least one driver is needed");
  const eig = new EigenvalueDecomposition(new Matrix(rxx.map((r) => [...r])), { assumeSymmetric: true });
  const lambda = eig.realEigenvalues;
  const v = eig.eigenvectorMatrix;
  const max = Math.max(...lambda);
  const minAt = lambda.indexOf(Math.min(...lambda));
  if (!((lambda[minAt] as number) > tolerance * Math.max(1, max))) {
    // The eigenvector of the smallest eigenvalue shows which drivers are (nearly) linearly dependent.
    const involved = names.filter((_, j) => Math.abs(v.get(j, minAt)) > 0.1);
    throw new DriverAnalysisError(
      "singular",
      `the drivers are (nearly) linearly dependent: ${involved.map((d) => `"${d}"`).join(", ")}`,
    );
  }
  // Λ = V diag(√λ) Vᵀ and Λ⁻¹ = V diag(1/√λ) Vᵀ.
  const sqrtL = Matrix.diag(lambda.map((l) => Math.sqrt(l)));
  const invSqrtL = Matrix.diag(lambda.map((l) => 1 / Math.sqrt(l)));
  const big = v.mmul(sqrtL).mmul(v.transpose());
  const bigInv = v.mmul(invSqrtL).mmul(v.transpose());
  const beta = bigInv.mmul(Matrix.columnVector([...rxy])).getColumn(0);
  const raw = names.map((_, j) => {
    let s = 0;
    for (let k = 0; k < p; k++) s += big.get(j, k) ** 2 * (beta[k] as number) ** 2;
    return s;
  });
  const r2 = raw.reduce((s, w) => s + w, 0);
  return {
    r2,
    weights: names.map((driver, j) => {
      const r = rxy[j] as number;
      return {
        driver,
        weight: raw[j] as number,
        share: r2 > 0 ? (raw[j] as number) / r2 : 0,
        sign: r > 0 ? 1 : r < 0 ? -1 : 0,
        r,
      };
    }),
  };
}

/**
 * Relative weights of drivers (columns of `x`, one row per respondent) on `y`. Rows with a missing
 * (non-finite) driver or outcome are left out (listwise deletion) before anything is computed, so every
 * correlation rests on the same rows and R_xx is a proper correlation matrix. Errors: fewer than
 * drivers + 2 complete rows (`too_few_rows`), a constant driver (`constant_driver`, naming it), a constant
 * outcome, (nearly) linearly dependent drivers (`singular`, smallest eigenvalue of R_xx ≤ tolerance).
 */
export function relativeWeights(
  x: readonly (readonly number[])[],
  y: readonly number[],
  names: readonly string[],
  tolerance = SINGULAR_TOLERANCE,
): RelativeWeightsResult {
  if (x.length !== y.length) throw new DriverAnalysisError("bad_input", "x and y have different lengths");
  if (x.some((row) => row.length !== names.length))
    throw new DriverAnalysisError("bad_input", "every row needs one value per driver");
  const complete = completeRows(x, y);
  const n = complete.y.length;
  if (n < names.length + 2)
    throw new DriverAnalysisError(
      "too_few_rows",
      `${n} complete rows for ${names.length} drivers: at least drivers + 2 = ${names.length + 2} are needed`,
    );
  const { rxx, rxy } = correlations(complete.x, complete.y, names);
  const { weights, r2 } = relativeWeightsFromCorrelations(rxx, rxy, names, tolerance);
  return { weights, r2, n };
}

/** R² of the OLS regression of standardised y on the drivers `subset` (indices), from correlations. */
export function r2OfSubset(
  rxx: readonly (readonly number[])[],
  rxy: readonly number[],
  subset: readonly number[],
) {
  if (subset.length === 0) return 0;
  const a = new Matrix(subset.map((i) => subset.map((j) => (rxx[i] as number[])[j] as number)));
  const b = Matrix.columnVector(subset.map((i) => rxy[i] as number));
  // R² = r_xyᵀ R_xx⁻¹ r_xy on the subset.
  const beta = solve(a, b).getColumn(0);
  let r2 = 0;
  for (let k = 0; k < subset.length; k++) r2 += b.get(k, 0) * (beta[k] as number);
  return r2;
}
