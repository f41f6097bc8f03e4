import { instancesSql } from "../../analytics/instances/instances-sql.js";
import { SqlParams } from "../../analytics/scope.js";
import type { ReportContext } from "../../metrics/report-context.js";

export interface JourneySpread {
  /** Instances started in the range, and the sample variance of their contact counts. */
  instances: number;
  contactsVariance: number | null;
  /** The completion times (days) at the two order-statistic ranks asked for; null without ranks. */
  durationAtRanks: [number, number] | null;
}

/**
 * The spread behind two journey KPIs (docs/api/measure-the-gap.md §3): the variance of contacts per
 * instance, and the completion times at ranks `[j, k]` (1-based, ascending) for the median's interval.
 * Same instances as the journey KPIs report (started in `[from, to)`, inactivity 30 days).
 */
export async function journeySpread(
  ctx: ReportContext,
  journeyId: string,
  range: { from: Date; to: Date },
  ranks: [number, number] | null,
  now = new Date(),
): Promise<JourneySpread> {
  const params = new SqlParams();
  const inst = instancesSql(ctx.facts, ctx.access.workspaceId, journeyId, range, params, {
    inactivityDays: 30,
    now,
  });
  const [j, k] = ranks ?? [1, 1];
  const rj = params.add("UInt64", j);
  const rk = params.add("UInt64", k);
  const [row] = await ctx.facts.query<{ total: string; var: number | null; lo: number; hi: number }>(
    `SELECT total, var, arrayElement(d, ${rj}) AS lo, arrayElement(d, ${rk}) AS hi
      FROM (SELECT count() AS total, if(count() > 1, varSamp(toFloat64(contacts)), NULL) AS var,
          arraySort(groupArrayIf((toUnixTimestamp64Milli(ended_at) - toUnixTimestamp64Milli(started_at)) / 86400000,
            status = 'completed')) AS d
        FROM ${inst} AS i)`,
    params.values,
  );
  const variance = row?.var === null || row?.var === undefined ? null : Number(row.var);
  return {
    instances: Number(row?.total ?? 0),
    contactsVariance: variance !== null && Number.isFinite(variance) ? variance : null,
    durationAtRanks: ranks && row ? [Number(row.lo), Number(row.hi)] : null,
  };
}
