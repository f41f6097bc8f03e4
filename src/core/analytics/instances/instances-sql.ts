import type { FactsStore } from "../../facts/client.js";
import { chDateTime, type SqlParams } from "../scope.js";

/**
 * The live journey instances of one journey as a subquery (docs/api/journey-analytics.md §6): the
 * newest version of each, not deleted, started in `[from, to)`, with their status as of `now`:
 * `completed`, else `dropped` when the last matched event is older than the inactivity, else
 * `in_progress`. Columns: the table's, plus `status`.
 */
export function instancesSql(
  facts: FactsStore,
  workspaceId: string,
  journeyId: string,
  range: { from: Date; to: Date },
  params: SqlParams,
  options: { inactivityDays: number; now: Date },
): string {
  const cutoff = params.add(
    "DateTime64(3, 'UTC')",
    chDateTime(new Date(options.now.getTime() - options.inactivityDays * 86_400_000)),
  );
  return `(SELECT *,
      multiIf(completed = 1, 'completed', ended_at < ${cutoff}, 'dropped', 'in_progress') AS status
    FROM ${facts.database}.journey_instances FINAL
    WHERE workspace_id = ${params.add("UUID", workspaceId)} AND journey_id = ${params.add("UUID", journeyId)}
      AND deleted = 0
      AND started_at >= ${params.add("DateTime64(3, 'UTC')", chDateTime(range.from))}
      AND started_at < ${params.add("DateTime64(3, 'UTC')", chDateTime(range.to))})`;
}

/**
 * An instance's longest wait in seconds as SQL over `instancesSql` columns: the longest gap between
 * consecutive matched events (`step_times`); an instance with one matched event waits 0.
 */
export const LONGEST_WAIT_SECONDS_SQL = `if(length(step_times) < 2, 0,
        arrayMax(arrayDifference(arrayMap(t -> toUnixTimestamp64Milli(t), step_times))) / 1000)`;
