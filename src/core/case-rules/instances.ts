import { XO_GRACE_DAYS } from "../analytics/xo.schema.js";
import type { FactsStore } from "../facts/client.js";

export interface UnitInstance {
  seq: number;
  startedMs: number;
  endedMs: number;
}

const UNITS_PER_QUERY = 2_000;

/** The live journey instances of these units (docs/api/journey-analytics.md §6), per unit. */
export async function unitInstances(
  facts: FactsStore,
  workspaceId: string,
  journeyId: string,
  units: readonly string[],
): Promise<Map<string, UnitInstance[]>> {
  const found = new Map<string, UnitInstance[]>();
  for (let i = 0; i < units.length; i += UNITS_PER_QUERY) {
    const rows = await facts.query<{ unit: string; seq: number; s: number | string; e: number | string }>(
      `SELECT unit, seq, toUnixTimestamp64Milli(started_at) AS s, toUnixTimestamp64Milli(ended_at) AS e
       FROM ${facts.database}.journey_instances FINAL
       WHERE workspace_id = {ws:UUID} AND journey_id = {j:UUID} AND deleted = 0 AND unit IN {units:Array(String)}`,
      { ws: workspaceId, j: journeyId, units: units.slice(i, i + UNITS_PER_QUERY) },
    );
    for (const r of rows) {
      const list = found.get(r.unit) ?? [];
      list.push({ seq: Number(r.seq), startedMs: Number(r.s), endedMs: Number(r.e) });
      found.set(r.unit, list);
    }
  }
  return found;
}

/**
 * The key of the instance a signal at `at` belongs to, as feedback is linked to instances
 * (docs/api/journey-analytics.md §8): the latest started one with `started_at ≤ at ≤ ended_at + 30 days`;
 * null when none (the case then belongs to the customer and journey only).
 */
export function instanceKeyAt(instances: readonly UnitInstance[], at: Date): string | null {
  const t = at.getTime();
  const grace = XO_GRACE_DAYS * 86_400_000;
  let best: UnitInstance | undefined;
  for (const i of instances)
    if (i.startedMs <= t && t <= i.endedMs + grace && (!best || i.startedMs > best.startedMs)) best = i;
  return best ? String(best.seq) : null;
}
