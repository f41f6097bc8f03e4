import { resolvePath } from "../expressions/evaluate.js";
import { matchesEvent, type TEventMatcher } from "../expressions/validate.js";
import type { TFunnelBreakdown, TFunnelFigures, TFunnelOrder, TFunnelResult } from "./funnel.schema.js";

/** An event as the oracle sees it: already resolved to its unit, time in epoch ms. */
export interface OracleEvent {
  unit: string;
  event: string;
  timestamp: number;
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
  traits: Record<string, unknown>;
  channel: string;
}

export interface OracleQuery {
  /** A step is a matcher, or several (a touchpoint's): any of them. */
  steps: readonly (
    | (TEventMatcher & { label?: string | undefined })
    | { label: string; matchers: readonly TEventMatcher[] }
  )[];
  windowMs: number;
  order: TFunnelOrder;
  from: number;
  to: number;
  breakdown?: TFunnelBreakdown | undefined;
}

/**
 * The funnel computed the slow, obvious way over in-memory events, independent of the SQL report
 * (docs/api/journey-analytics.md §3); property tests compare both. Ties in time are ordered by the
 * bitmask of matched steps, then by group (byte order, as ClickHouse compares strings).
 */
export function funnelOracle(events: readonly OracleEvent[], q: OracleQuery): TFunnelResult {
  const n = q.steps.length;
  const byUnit = new Map<string, OracleEvent[]>();
  for (const e of events) {
    if (e.timestamp < q.from || e.timestamp >= q.to + q.windowMs) continue;
    byUnit.set(e.unit, [...(byUnit.get(e.unit) ?? []), e]);
  }
  const winners: { unit: string; times: number[]; group: string }[] = [];
  for (const [unit, list] of byUnit) {
    const keyed = list.map((e) => {
      const record = { properties: e.properties, context: e.context, traits: e.traits };
      const m = q.steps.map((s) =>
        "matchers" in s
          ? s.matchers.some((x) => matchesEvent(x, e.event, record))
          : matchesEvent(s, e.event, record),
      );
      const mask = m.reduce((acc, hit, k) => acc + (hit ? 2 ** k : 0), 0);
      return { e, m, mask, group: m[0] ? rawGroup(e, q.breakdown) : "" };
    });
    keyed.sort(compareEvents);
    const sorted = keyed.map((k) => k.e);
    const matches = keyed.map((k) => k.m);
    let best: { times: number[]; entry: number } | undefined;
    sorted.forEach((e, i) => {
      if (!matches[i]?.[0] || e.timestamp < q.from || e.timestamp >= q.to) return;
      const later = sorted
        .map((ev, j) => ({ t: ev.timestamp, m: matches[j] as boolean[], j }))
        .filter((x) => x.j > i && x.t <= e.timestamp + q.windowMs);
      const times = [e.timestamp, ...reach(later, q.order, n)];
      if (!best || times.length > best.times.length) best = { times, entry: i };
    });
    if (best) {
      const entry = sorted[best.entry] as OracleEvent;
      winners.push({ unit, times: best.times, group: rawGroup(entry, q.breakdown) || "(none)" });
    }
  }
  const result: TFunnelResult = figures(winners, q);
  if (!q.breakdown) return result;
  const groups = [...new Set(winners.map((w) => w.group))]
    .map((g) => ({ g, units: winners.filter((w) => w.group === g) }))
    .sort((a, b) => b.units.length - a.units.length || Buffer.compare(utf8(a.g), utf8(b.g)));
  result.breakdown = groups.slice(0, 20).map(({ g, units }) => ({ group: g, ...figures(units, q) }));
  const rest = groups.slice(20).flatMap((x) => x.units);
  if (rest.length) result.breakdown.push({ group: "(other)", ...figures(rest, q) });
  return result;
}

type Later = { t: number; m: boolean[] };

/** Times of steps 2.. reached by the events after the entry (within the window). */
function reach(later: readonly Later[], order: TFunnelOrder, n: number): number[] {
  if (order === "ordered") {
    const times: number[] = [];
    let from = 0;
    for (let k = 1; k < n; k++) {
      const idx = later.findIndex((x, j) => j >= from && x.m[k]);
      if (idx < 0) break;
      times.push((later[idx] as Later).t);
      from = idx + 1;
    }
    return times;
  }
  if (order === "strict") {
    const times: number[] = [];
    for (const [j, x] of later.entries()) {
      if (j + 1 >= n || !x.m[j + 1]) break;
      times.push(x.t);
    }
    return times;
  }
  // Any order: step k is reached at the first event after which steps 1..k can be matched to
  // distinct events (bipartite matching by augmenting paths).
  const times: number[] = [];
  for (let k = 1; k < n; k++) {
    const end = later.findIndex((_, j) => coverable(later.slice(0, j + 1), k));
    if (end < 0) break;
    times.push((later[end] as Later).t);
  }
  return times;
}

function coverable(events: readonly Later[], k: number): boolean {
  const owner: (number | undefined)[] = events.map(() => undefined);
  const tryStep = (step: number, seen: Set<number>): boolean => {
    for (const [j, e] of events.entries()) {
      if (!e.m[step] || seen.has(j)) continue;
      seen.add(j);
      const current = owner[j];
      if (current === undefined || tryStep(current, seen)) {
        owner[j] = step;
        return true;
      }
    }
    return false;
  };
  for (let step = 1; step <= k; step++) if (!tryStep(step, new Set())) return false;
  return true;
}

const utf8 = (s: string) => Buffer.from(s, "utf8");

type Keyed = { e: OracleEvent; mask: number; group: string };

function compareEvents(a: Keyed, b: Keyed): number {
  if (a.e.timestamp !== b.e.timestamp) return a.e.timestamp - b.e.timestamp;
  return a.mask - b.mask || Buffer.compare(utf8(a.group), utf8(b.group));
}

/** The entering event's breakdown value as text; "" when missing, null or without breakdown. */
function rawGroup(e: OracleEvent, breakdown: TFunnelBreakdown | undefined): string {
  if (!breakdown) return "";
  const value =
    breakdown.by === "channel"
      ? e.channel
      : resolvePath({ properties: e.properties, traits: e.traits }, breakdown.path.split("."));
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function figures(units: readonly { times: number[] }[], q: OracleQuery): TFunnelFigures {
  const entered = units.length;
  const share = (a: number, b: number) => (b === 0 ? null : a / b);
  const pct = (values: number[], p: number) => {
    if (values.length === 0) return null;
    const s = [...values].sort((a, b) => a - b);
    const h = (s.length - 1) * p;
    const lower = s[Math.floor(h)] as number;
    // Reported to 0.1 ms: interpolated quantiles of whole milliseconds are multiples of it.
    return (
      Math.round((lower + (h - Math.floor(h)) * ((s[Math.ceil(h)] as number) - lower)) * 10_000) / 10_000
    );
  };
  const reachedAt = (k: number) => units.filter((u) => u.times.length > k);
  const steps = q.steps.map((s, k) => {
    const reached = reachedAt(k).length;
    const previous = k === 0 ? entered : reachedAt(k - 1).length;
    const secs =
      k === 0 ? [] : reachedAt(k).map((u) => ((u.times[k] as number) - (u.times[k - 1] as number)) / 1000);
    return {
      index: k,
      label: "matchers" in s ? s.label : (s.label ?? s.event),
      reached,
      conversion: share(reached, entered),
      stepConversion: share(reached, previous),
      medianSeconds: pct(secs, 0.5),
      p90Seconds: pct(secs, 0.9),
      dropped: previous - reached,
    };
  });
  return { entered, steps, overallConversion: share(reachedAt(q.steps.length - 1).length, entered) };
}
