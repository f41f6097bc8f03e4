export type Backoff = (attempt: number) => number;

export interface BackoffOptions {
  /** Delay ceiling after the first failed attempt; doubles per attempt. */
  baseMs?: number;
  capMs?: number;
  /** Injectable for tests; `Math.random` by default. */
  random?: () => number;
}

/**
 * Exponential backoff with "equal jitter": the delay after attempt n lies in [d/2, d] with
 * d = min(cap, base·2^(n−1)). The fixed half guarantees progress; the random half keeps workers
 * that failed together (a dependency outage) from retrying in lockstep.
 */
export function exponentialBackoff({
  baseMs = 5_000,
  capMs = 3_600_000,
  random = Math.random,
}: BackoffOptions = {}): Backoff {
  return (attempt) => {
    const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(ceiling / 2 + random() * (ceiling / 2));
  };
}

/** 2.5–5 s after the first failure, up to 1 h; 8 attempts span roughly 10–20 minutes. */
export const defaultBackoff: Backoff = exponentialBackoff();
