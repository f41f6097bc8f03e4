import type { TFunnelOrder } from "../funnel.schema.js";
import { NONE_GROUP } from "../funnel.schema.js";
import type { SqlParams } from "../scope.js";

/**
 * Lambda bodies over one unit's sorted arrays `ts` (epoch ms) and `masks` (steps matched, bit k =
 * step k): the times of the attempt entering at index `i` (1-based), one per reached step. `n` is
 * the step count, `w` the window placeholder.
 */
function attemptSql(order: TFunnelOrder, n: number, w: string): string {
  const after = "arraySlice(arrayEnumerate(ts), i + 1)";
  const inWindow = (j: string) => `ts[${j}] <= ts[i] + ${w}`;
  if (order === "ordered") {
    // Greedy: the first event after the previous step that matches the next one.
    return `arrayFold((acc, j) -> if(length(acc) < ${n} AND ${inWindow("j")} AND bitTest(masks[j], length(acc)),
        arrayPushBack(acc, ts[j]), acc), ${after}, [ts[i]])`;
  }
  if (order === "strict") {
    // The events right after the entry must be steps 1, 2, … in turn: the first that is not ends it.
    const broken = `arrayFirstIndex(k -> NOT (i + k <= length(ts) AND ${inWindow("i + k")}
        AND bitTest(masks[i + k], k)), range(1, ${n}))`;
    return `arraySlice(ts, i, if(${broken} = 0, ${n}, ${broken}))`;
  }
  // Any order: the family of step sets the events so far can cover, one step per event; step k is
  // reached when a set holds steps 1..k. Bit 0 (the entry) is never in a set.
  const grow = `arrayDistinct(arrayConcat(acc.1, arrayFlatten(arrayMap(S -> arrayMap(
      b -> bitOr(S, bitShiftLeft(toUInt16(1), b)),
      arrayFilter(b -> bitTest(masks[j], b) AND NOT bitTest(S, b), range(1, ${n}))), acc.1))))`;
  const covered = `arrayMax(arrayMap(S -> toInt64(arrayFirstIndex(b -> NOT bitTest(S, b), range(1, ${n + 1}))), ${grow}))`;
  return `(arrayFold((acc, j) -> if(NOT ${inWindow("j")}, acc, (${grow},
        arrayConcat(acc.2, arrayResize(CAST([] AS Array(Int64)), ${covered} - length(acc.2), ts[j])))),
      ${after}, (CAST([0] AS Array(UInt16)), [ts[i]]))).2`;
}

/**
 * One row per unit that entered, with the times of its winning attempt (`times`, one per reached step)
 * and the breakdown value of that attempt's entering event (`grp`): among the attempts (one per step-1
 * event in [from, to)) the one reaching the furthest step, ties → the earliest.
 */
export function winningAttemptsSql(
  sequences: string,
  o: { order: TFunnelOrder; stepCount: number; windowMs: number; fromMs: number; toMs: number },
  params: SqlParams,
): string {
  const w = params.add("Int64", o.windowMs);
  const from = params.add("Int64", o.fromMs);
  const to = params.add("Int64", o.toMs);
  const none = params.add("String", NONE_GROUP);
  return `(SELECT unit, attempts[best] AS times, if(groups[starts[best]] = '', ${none}, groups[starts[best]]) AS grp
    FROM (
      SELECT unit, groups,
        arrayFilter(i -> bitTest(masks[i], 0) AND ts[i] >= ${from} AND ts[i] < ${to}, arrayEnumerate(ts)) AS starts,
        arrayMap(i -> ${attemptSql(o.order, o.stepCount, w)}, starts) AS attempts,
        arrayMap(a -> length(a), attempts) AS lengths,
        arrayFirstIndex(l -> l = arrayMax(lengths), lengths) AS best
      FROM ${sequences}))`;
}
