import { AppError } from "../../errors.js";
import type { ReportContext } from "../../metrics/report-context.js";
import { PATH_END, type TPaths, type TPathsRequest } from "../paths.schema.js";
import { chDateTime, eventsOfUnits, rangeOf, SqlParams, scopedEvents, windowMs } from "../scope.js";
import { stepsCondition } from "../steps.js";
import { resolveNamedSteps } from "./waiting-times.js";

/**
 * Paths from or to an anchor (docs/api/journey-analytics.md §5). Per unit: its first anchor event in
 * `[from, to)`; the unit's events in time order (ties by name) within the window after (or before) it,
 * by name, with consecutive repeats of one name collapsed — the anchor's own name included, so repeats
 * of the anchor event do not count as a step; then the first `depth` names, and "(end)" when there are
 * fewer. Events after the anchor may lie up to the window past `to` (before it: before `from`).
 */
export async function paths(ctx: ReportContext, input: TPathsRequest, now = new Date()): Promise<TPaths> {
  const after = input.direction === "after";
  if (input.unless && !after) {
    const pointer = "/body/unless";
    const message = "only with direction after: the step the units did not reach after the anchor";
    throw new AppError("validation_failed", `${pointer}: ${message}`, {
      errors: [{ pointer, code: "invalid", message }],
    });
  }
  const { anchor, unless } = input.unless
    ? await resolveNamedSteps(ctx.db, ctx.access.workspaceId, { anchor: input.anchor, unless: input.unless })
    : {
        ...(await resolveNamedSteps(ctx.db, ctx.access.workspaceId, { anchor: input.anchor })),
        unless: null,
      };
  const params = new SqlParams();
  const range = rangeOf(input, now);
  const winMs = windowMs(input.window);
  const condition = stepsCondition(anchor.matchers, params, "/body/anchor");
  // Only units with an anchor event in [from, to) have a path: their ids narrow the scan first.
  const anchored = `(SELECT DISTINCT unit FROM ${scopedEvents(ctx.facts, ctx.access.workspaceId, range, input, params, condition)})`;
  const events = scopedEvents(
    ctx.facts,
    ctx.access.workspaceId,
    after
      ? { from: range.from, to: new Date(range.to.getTime() + winMs) }
      : { from: new Date(range.from.getTime() - winMs), to: range.to },
    input,
    params,
    eventsOfUnits(ctx.facts, ctx.access.workspaceId, anchored, params),
  );
  const from = params.add("DateTime64(3, 'UTC')", chDateTime(range.from));
  const to = params.add("DateTime64(3, 'UTC')", chDateTime(range.to));
  const win = params.add("Int64", winMs);
  // With `unless`: whether the unit reached it at the anchor's time or later within the window (the
  // anchor event itself aside); without, nothing extra is read or sorted.
  const unlessCondition = unless ? stepsCondition(unless.matchers, params, "/body/unless") : null;
  const unlessArrays = unlessCondition
    ? {
        collect: `, groupArray(is_unless) AS u0`,
        column: `, toUInt8(${unlessCondition}) AS is_unless`,
        reached: `, arrayExists((u, t, i) -> u = 1 AND i != idx AND t >= ts[idx]
              AND toUnixTimestamp64Milli(t) - at <= ${win}, arraySort((u, t, e, a) -> (t, e, a), u0, t0, e0, a0),
              ts, arrayEnumerate(ts)) AS reached`,
        filter: "AND NOT reached",
      }
    : { collect: "", column: "", reached: "", filter: "" };
  const depth = params.add("UInt32", input.depth);
  const end = params.add("String", PATH_END);
  // The names on the anchor's side of it, nearest first, the anchor's own included as the first element.
  const side = after
    ? `arrayFilter((n, t) -> toUnixTimestamp64Milli(t) - at <= ${win}, arraySlice(names, idx), arraySlice(ts, idx))`
    : `arrayFilter((n, t) -> at - toUnixTimestamp64Milli(t) <= ${win},
        arrayReverse(arraySlice(names, 1, idx)), arrayReverse(arraySlice(ts, 1, idx)))`;
  // Plain arrays sorted by one key (time, then name) rather than one array of tuples: faster on
  // millions of events.
  const seq = `(SELECT unit,
        arrayConcat(arraySlice(collapsed, 2, ${depth}),
          if(length(collapsed) - 1 < ${depth}, [${end}], CAST([], 'Array(String)'))) AS path
      FROM (
        SELECT unit, ${side} AS near,
          arrayFilter((n, p, i) -> i = 1 OR n != p, near, arrayPushFront(arrayPopBack(near), ''),
            arrayEnumerate(near)) AS collapsed
        FROM (
          SELECT unit, arraySort(t0) AS ts, arraySort((e, t, a) -> (t, e, a), e0, t0, a0) AS names,
            arraySort((a, t, e) -> (t, e, a), a0, t0, e0) AS anchors,
            arrayFirstIndex((a, t) -> a = 1 AND t >= ${from} AND t < ${to}, anchors, ts) AS idx,
            toUnixTimestamp64Milli(ts[idx]) AS at${unlessArrays.reached}
          FROM (
            SELECT unit, groupArray(timestamp) AS t0, groupArray(event) AS e0,
              groupArray(is_anchor) AS a0${unlessArrays.collect}
            FROM (SELECT unit, timestamp, event, toUInt8(${condition}) AS is_anchor${unlessArrays.column}
              FROM ${events} AS ev)
            GROUP BY unit
            HAVING max(is_anchor) = 1
          )
        )
        WHERE idx > 0 ${unlessArrays.filter}
      ))`;
  // One pass: every distinct path with its units; the top paths and the sankey links come from them.
  const counted = await ctx.facts.query<{ steps: string[]; units: number }>(
    `SELECT path AS steps, count() AS units FROM ${seq} AS seq GROUP BY path`,
    params.values,
  );
  const rows = counted.map((r) => ({ steps: r.steps, units: Number(r.units), text: r.steps.join(" > ") }));
  const total = rows.reduce((n, r) => n + r.units, 0);
  const top = [...rows]
    .sort((a, b) => b.units - a.units || compareText(a.text, b.text))
    .slice(0, input.limit);
  const linkCounts = new Map<string, { depth: number; source: string; target: string; units: number }>();
  for (const r of rows) {
    const nodes = [anchor.label, ...r.steps];
    r.steps.forEach((_, i) => {
      const d = i + 1;
      const [source, target] = after
        ? [nodes[d - 1] as string, nodes[d] as string]
        : [nodes[d] as string, nodes[d - 1] as string];
      const key = JSON.stringify([d, source, target]);
      const link = linkCounts.get(key);
      if (link) link.units += r.units;
      else linkCounts.set(key, { depth: d, source, target, units: r.units });
    });
  }
  const links = [...linkCounts.values()].sort(
    (a, b) =>
      a.depth - b.depth ||
      b.units - a.units ||
      compareText(a.source, b.source) ||
      compareText(a.target, b.target),
  );
  return {
    units: total,
    paths: top.map((r) => ({ steps: r.steps, units: r.units, share: r.units / total })),
    links,
  };
}

/** ClickHouse's string order (bytes), which the report used when it sorted in SQL. */
const compareText = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));
