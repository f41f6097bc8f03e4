import { dot, kmeans, type SparseVector, silhouette } from "./kmeans.js";

export interface TopicDoc {
  id: string;
  /** The text's keywords (lower case); repeated terms count once. */
  terms: readonly string[];
}

export interface TopicCluster {
  /** The top 2–3 terms of the centroid, e.g. "parkplatz / gebühr". */
  label: string;
  /** Up to 8 terms, most central first. */
  keywords: string[];
  /** Member ids, closest to the centroid first. */
  members: string[];
}

export interface ClusterOptions {
  /** Number of clusters; when omitted, chosen by silhouette (2–12) and similar clusters joined. */
  k?: number;
  seed?: number;
}

export const MIN_CLUSTER_SIZE = 3;
export const MAX_K = 12;
/** A text shares too little with every centroid below this cosine similarity: it joins no topic. */
const MIN_SIMILARITY = 0.1;
/** Choosing k runs k-means on at most this many texts; silhouettes are measured on fewer. */
const K_SAMPLE = 3000;
const SILHOUETTE_SAMPLE = 400;
const MAX_VOCABULARY = 5000;
/** Clusters whose centroids are at least this similar (cosine) are one topic. */
const MERGE_SIMILARITY = 0.2;

/**
 * Topics among texts: TF-IDF over their keywords (binary term frequency; inflection variants share
 * a key), spherical k-means with seeded k-means++ (deterministic), clusters under three texts
 * dropped, labels from the centroid's top terms.
 */
export function clusterTexts(docs: readonly TopicDoc[], options: ClusterOptions = {}): TopicCluster[] {
  const seed = options.seed ?? 42;
  const { vectors, ids, vocabulary } = vectorize(docs);
  if (vectors.length < MIN_CLUSTER_SIZE) return [];
  const maxK = Math.max(1, Math.min(MAX_K, Math.floor(vectors.length / MIN_CLUSTER_SIZE)));
  const k =
    options.k !== undefined ? Math.max(1, Math.min(options.k, vectors.length)) : chooseK(vectors, maxK, seed);
  const result = kmeans(vectors, vocabulary.length, k, seed);
  // A k the caller asked for is kept; a chosen one may have split themes (see mergeSimilar).
  const centroids =
    options.k === undefined ? mergeSimilar(result.centroids, result.assignment) : result.centroids;

  const groups = new Map<number, { id: string; sim: number }[]>();
  vectors.forEach((v, i) => {
    const c = result.assignment[i] as number;
    const sim = dot(v, centroids[c] as Float64Array);
    if (sim < MIN_SIMILARITY) return;
    const g = groups.get(c) ?? [];
    g.push({ id: ids[i] as string, sim });
    groups.set(c, g);
  });
  const clusters: TopicCluster[] = [];
  for (const [c, members] of groups) {
    if (members.length < MIN_CLUSTER_SIZE) continue;
    const centroid = centroids[c] as Float64Array;
    const top = [...centroid.keys()]
      .filter((t) => (centroid[t] as number) > 0)
      .sort((a, b) => (centroid[b] as number) - (centroid[a] as number) || a - b)
      .slice(0, 8);
    const keywords = top.map((t) => vocabulary[t] as string);
    // A third term joins the label only when it is nearly as central as the first.
    const strong = top.filter(
      (t, i) => i < 2 || (centroid[t] as number) >= 0.6 * (centroid[top[0] as number] as number),
    );
    members.sort((a, b) => b.sim - a.sim || (a.id < b.id ? -1 : 1));
    clusters.push({
      label: strong
        .slice(0, 3)
        .map((t) => vocabulary[t])
        .join(" / "),
      keywords,
      members: members.map((m) => m.id),
    });
  }
  return clusters.sort((a, b) => b.members.length - a.members.length || (a.label < b.label ? -1 : 1));
}

/** "Rechnungen" and "Rechnung", "Parkplätze" and "Parkplatz", "delays" and "delay" count as one term. */
function termKey(term: string): string {
  const folded = term.replace(/ä/g, "a").replace(/ö/g, "o").replace(/ü/g, "u");
  const m = /^(.{3,}?)(?:es|en|e|n|s)$/.exec(folded);
  return m ? (m[1] as string) : folded;
}

/**
 * Silhouettes favour splitting a theme whose texts share few words ("Parkplatz belegt" vs
 * "Tiefgarage voll"); clusters whose centroids still point the same way are joined again,
 * most similar pair first. Rewrites `assignment` to the surviving cluster indexes.
 */
function mergeSimilar(initial: Float64Array[], assignment: Int32Array): (Float64Array | undefined)[] {
  const centroids: (Float64Array | undefined)[] = [...initial];
  const sizes = centroids.map((_, c) => assignment.filter((a) => a === c).length);
  for (;;) {
    let best = { a: -1, b: -1, sim: MERGE_SIMILARITY };
    for (let a = 0; a < centroids.length; a++) {
      for (let b = a + 1; b < centroids.length; b++) {
        const ca = centroids[a];
        const cb = centroids[b];
        if (!ca || !cb || sizes[a] === 0 || sizes[b] === 0) continue;
        let sim = 0;
        for (let t = 0; t < ca.length; t++) sim += (ca[t] as number) * (cb[t] as number);
        if (sim >= best.sim) best = { a, b, sim };
      }
    }
    if (best.a < 0) return centroids;
    const { a, b } = best;
    const ca = centroids[a] as Float64Array;
    const cb = centroids[b] as Float64Array;
    const merged = new Float64Array(ca.length);
    let norm = 0;
    for (let t = 0; t < ca.length; t++) {
      merged[t] = (ca[t] as number) * (sizes[a] as number) + (cb[t] as number) * (sizes[b] as number);
      norm += (merged[t] as number) ** 2;
    }
    for (let t = 0; t < merged.length; t++) merged[t] = (merged[t] as number) / Math.sqrt(norm);
    centroids[a] = merged;
    centroids[b] = undefined;
    sizes[a] = (sizes[a] as number) + (sizes[b] as number);
    sizes[b] = 0;
    for (let i = 0; i < assignment.length; i++) if (assignment[i] === b) assignment[i] = a;
  }
}

function vectorize(docs: readonly TopicDoc[]) {
  const df = new Map<string, number>();
  const surface = new Map<string, Map<string, number>>();
  const keyed = docs.map((d) => {
    const keys = new Set<string>();
    for (const term of d.terms) {
      const key = termKey(term);
      keys.add(key);
      const forms = surface.get(key) ?? new Map<string, number>();
      forms.set(term, (forms.get(term) ?? 0) + 1);
      surface.set(key, forms);
    }
    for (const key of keys) df.set(key, (df.get(key) ?? 0) + 1);
    return keys;
  });
  const n = docs.length;
  // Terms of a single text say nothing about a group; terms in most texts do not separate groups.
  const maxDf = n >= 20 ? 0.6 * n : n;
  const kept = [...df]
    .filter(([, count]) => count >= 2 && count <= maxDf)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_VOCABULARY);
  const index = new Map(kept.map(([key], i) => [key, i]));
  const idf = kept.map(([, count]) => Math.log(n / count) + 1);
  // The label shows the form people wrote most often.
  const vocabulary = kept.map(([key]) => {
    const forms = [...(surface.get(key) as Map<string, number>)];
    forms.sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1));
    return (forms[0] as [string, number])[0];
  });
  const vectors: SparseVector[] = [];
  const ids: string[] = [];
  keyed.forEach((keys, i) => {
    const terms = [...keys].map((k) => index.get(k)).filter((t): t is number => t !== undefined);
    if (terms.length === 0) return;
    terms.sort((a, b) => a - b);
    const weights = terms.map((t) => idf[t] as number);
    const norm = Math.hypot(...weights);
    vectors.push({ terms, weights: weights.map((w) => w / norm) });
    ids.push((docs[i] as TopicDoc).id);
  });
  return { vectors, ids, vocabulary };
}

function chooseK(vectors: SparseVector[], maxK: number, seed: number): number {
  if (maxK <= 2) return maxK;
  const sample = evenSample(vectors, K_SAMPLE);
  const dims = 1 + Math.max(0, ...sample.flatMap((v) => v.terms));
  let best = { k: 2, score: Number.NEGATIVE_INFINITY };
  for (let k = 2; k <= maxK; k++) {
    const r = kmeans(sample, dims, k, seed);
    const score = silhouette(sample, r.assignment, SILHOUETTE_SAMPLE);
    if (score > best.score + 1e-9) best = { k, score };
  }
  return best.k;
}

function evenSample<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  const step = items.length / max;
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)] as T);
}
