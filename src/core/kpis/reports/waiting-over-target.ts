import { instancesSql } from "../../analytics/instances/instances-sql.js";
import { DEFAULT_INACTIVITY_DAYS } from "../../analytics/instances/refresh.js";
import { SqlParams } from "../../analytics/scope.js";
import type { ReportContext } from "../../metrics/report-context.js";

/**
 * Waits of a journey's instances started in `[from, to)`: every gap between consecutive matched steps
 * of one instance is a wait (DESIGN §3); `over` counts those strictly longer than `targetMs`.
 */
export async function waitingOverTarget(
  ctx: ReportContext,
  journeyId: string,
  range: { from: Date; to: Date },
  targetMs: number,
  now = new Date(),
): Promise<{ waits: number; over: number }> {
  const params = new SqlParams();
  const inst = instancesSql(ctx.facts, ctx.access.workspaceId, journeyId, range, params, {
    inactivityDays: DEFAULT_INACTIVITY_DAYS,
    now,
  });
  const target = params.add("Int64", Math.round(targetMs));
  const [row] = await ctx.facts.query<{ waits: string; over: string }>(
    `SELECT sum(length(d)) AS waits, sum(arrayCount(x -> x > ${target}, d)) AS over
      FROM (SELECT arrayPopFront(arrayDifference(arrayMap(t -> toUnixTimestamp64Milli(t), step_times))) AS d
        FROM ${inst} AS i)`,
    params.values,
  );
  return { waits: Number(row?.waits ?? 0), over: Number(row?.over ?? 0) };
}
