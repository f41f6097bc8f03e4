/** A unit-length sparse vector: ascending term indexes and their weights. */
export interface SparseVector {
  terms: number[];
  weights: number[];
}

export interface KMeansResult {
  assignment: Int32Array;
  /** Cosine similarity of each vector to its centroid. */
  similarity: Float64Array;
  /** Unit-length centroids (dense over the vocabulary). */
  centroids: Float64Array[];
}

const MAX_ITERATIONS = 30;
const RESTARTS = 3;

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so a re-run finds the same topics. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const dot = (v: SparseVector, c: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < v.terms.length; i++)
    s += (v.weights[i] as number) * (c[v.terms[i] as number] as number);
  return s;
};

/**
 * Spherical k-means (cosine similarity) with k-means++ seeding; the best of a few seeded restarts
 * by total similarity. Cost per iteration: vectors × k × terms per vector.
 */
export function kmeans(vectors: SparseVector[], dims: number, k: number, seed: number): KMeansResult {
  let best: { result: KMeansResult; total: number } | undefined;
  for (let r = 0; r < RESTARTS; r++) {
    const result = run(vectors, dims, Math.min(k, vectors.length), seededRandom(seed + r * 7919));
    const total = result.similarity.reduce((a, b) => a + b, 0);
    if (!best || total > best.total + 1e-9) best = { result, total };
  }
  return (best as { result: KMeansResult }).result;
}

function run(vectors: SparseVector[], dims: number, k: number, random: () => number): KMeansResult {
  const n = vectors.length;
  const centroids = seedCentroids(vectors, dims, k, random);
  const assignment = new Int32Array(n).fill(-1);
  const similarity = new Float64Array(n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let bestC = 0;
      let bestSim = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const s = dot(vectors[i] as SparseVector, centroids[c] as Float64Array);
        if (s > bestSim) {
          bestSim = s;
          bestC = c;
        }
      }
      similarity[i] = bestSim;
      if (assignment[i] !== bestC) {
        assignment[i] = bestC;
        changed++;
      }
    }
    if (changed === 0) break;
    recompute(vectors, assignment, centroids);
  }
  return { assignment, similarity, centroids };
}

function seedCentroids(
  vectors: SparseVector[],
  dims: number,
  k: number,
  random: () => number,
): Float64Array[] {
  const n = vectors.length;
  const toDense = (v: SparseVector) => {
    const c = new Float64Array(dims);
    v.terms.forEach((t, i) => {
      c[t] = v.weights[i] as number;
    });
    return c;
  };
  const centroids = [toDense(vectors[Math.floor(random() * n)] as SparseVector)];
  // Squared distance (1 − cosine)² to the nearest chosen centroid. Greedy k-means++: of a few
  // D²-sampled candidates the one that lowers the total most wins, since short texts are far apart
  // even within a theme and plain D² sampling then often leaves a theme without a seed.
  const nearest = new Float64Array(n);
  const distances = (c: Float64Array, into: Float64Array, bound?: Float64Array) => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.max(0, 1 - dot(vectors[i] as SparseVector, c));
      into[i] = bound ? Math.min(bound[i] as number, d * d) : d * d;
      total += into[i] as number;
    }
    return total;
  };
  let total = distances(centroids[0] as Float64Array, nearest);
  const trials = 2 + Math.floor(Math.log(k));
  const candidate = new Float64Array(n);
  const bestNearest = new Float64Array(n);
  while (centroids.length < k) {
    let best: { total: number; centroid: Float64Array<ArrayBuffer> } | undefined;
    for (let t = 0; t < trials; t++) {
      let pick = Math.floor(random() * n);
      let target = random() * total;
      for (let i = 0; i < n && total > 0; i++) {
        target -= nearest[i] as number;
        if (target <= 0) {
          pick = i;
          break;
        }
      }
      const centroid = toDense(vectors[pick] as SparseVector);
      const after = distances(centroid, candidate, nearest);
      if (!best || after < best.total) {
        best = { total: after, centroid };
        bestNearest.set(candidate);
      }
    }
    const chosen = best as { total: number; centroid: Float64Array<ArrayBuffer> };
    centroids.push(chosen.centroid);
    nearest.set(bestNearest);
    total = chosen.total;
  }
  return centroids;
}

function recompute(vectors: SparseVector[], assignment: Int32Array, centroids: Float64Array[]): void {
  const sums = centroids.map((c) => new Float64Array(c.length));
  const counts = new Int32Array(centroids.length);
  vectors.forEach((v, i) => {
    const c = assignment[i] as number;
    const sum = sums[c] as Float64Array;
    counts[c] = (counts[c] as number) + 1;
    v.terms.forEach((t, j) => {
      sum[t] = (sum[t] as number) + (v.weights[j] as number);
    });
  });
  sums.forEach((sum, c) => {
    // An emptied cluster keeps its old centroid; it may win members back next round.
    if (counts[c] === 0) return;
    let norm = 0;
    for (const x of sum) norm += x * x;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let t = 0; t < sum.length; t++) sum[t] = (sum[t] as number) / norm;
    centroids[c] = sum;
  });
}

/** Mean silhouette (cosine distance) over an even sample of at most `max` vectors. */
export function silhouette(vectors: SparseVector[], assignment: Int32Array, max: number): number {
  const step = Math.max(1, vectors.length / max);
  const sample: number[] = [];
  for (let x = 0; x < vectors.length && sample.length < max; x += step) sample.push(Math.floor(x));
  const k = 1 + Math.max(...assignment);
  const dense = new Map<number, number>();
  let total = 0;
  for (const i of sample) {
    const v = vectors[i] as SparseVector;
    dense.clear();
    for (let j = 0; j < v.terms.length; j++) dense.set(v.terms[j] as number, v.weights[j] as number);
    const sum = new Float64Array(k);
    const count = new Int32Array(k);
    for (const j of sample) {
      if (j === i) continue;
      const w = vectors[j] as SparseVector;
      let s = 0;
      for (let m = 0; m < w.terms.length; m++)
        s += (dense.get(w.terms[m] as number) ?? 0) * (w.weights[m] as number);
      const c = assignment[j] as number;
      sum[c] = (sum[c] as number) + (1 - s);
      count[c] = (count[c] as number) + 1;
    }
    const own = assignment[i] as number;
    if ((count[own] as number) === 0) continue;
    const a = (sum[own] as number) / (count[own] as number);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++)
      if (c !== own && (count[c] as number) > 0) b = Math.min(b, (sum[c] as number) / (count[c] as number));
    if (b === Number.POSITIVE_INFINITY) continue;
    total += (b - a) / Math.max(a, b);
  }
  return total / sample.length;
}
