import { instancesSql } from "../analytics/instances/instances-sql.js";
import { DEFAULT_INACTIVITY_DAYS } from "../analytics/instances/refresh.js";
import { SqlParams } from "../analytics/scope.js";
import type { Db } from "../db/connect.js";
import type { FactsStore } from "../facts/client.js";
import { loadJourney } from "../journeys/load-journey.js";
import type { LoadedRule } from "./rule-row.js";
import type { RuleSignal } from "./signals.js";

export type StuckRule = Extract<LoadedRule, { kind: "stuck" }>;

const HOUR_MS = 3_600_000;
const MAX_INSTANCES = 100_000;

interface InstanceRow {
  unit: string;
  seq: number;
  step_ids: string[];
  step_times: string[];
}

const msOf = (chTime: string) => new Date(`${chTime.replace(" ", "T")}Z`).getTime();
const hours = (ms: number) => Math.round(ms / HOUR_MS);

/**
 * Signals of stuck rules: in-progress instances of the rule's journey (not completed, last event
 * within the inactivity) whose current stage, the stage of their last matched step, was entered
 * longer ago than the stage's target. The ref names the rule, instance, stage and entry time, so an
 * instance raises one signal per stay in a stage, however often this runs.
 */
export async function stuckSignals(
  db: Db,
  facts: FactsStore,
  workspaceId: string,
  rules: readonly StuckRule[],
  now: Date,
): Promise<RuleSignal[]> {
  const signals: RuleSignal[] = [];
  for (const rule of rules) {
    if (!rule.journey_id) continue;
    const journey = await loadJourney(db, workspaceId, rule.journey_id).catch(() => undefined);
    if (!journey) continue;
    const stageOfStep = new Map<string, { id: string; name: string }>();
    for (const stage of journey.document.stages)
      for (const step of stage.steps) stageOfStep.set(step.id, { id: stage.id, name: stage.name });
    const targets = new Map(rule.parsed.stageTargets.map((t) => [t.stageId, t.targetHours]));
    const minTarget = Math.min(
      ...[...targets.values(), rule.parsed.defaultTargetHours ?? Number.POSITIVE_INFINITY],
    );
    const params = new SqlParams();
    const inst = instancesSql(
      facts,
      workspaceId,
      journey.id,
      { from: new Date(0), to: new Date(now.getTime() - minTarget * HOUR_MS) },
      params,
      { inactivityDays: DEFAULT_INACTIVITY_DAYS, now },
    );
    const rows = await facts.query<InstanceRow>(
      `SELECT unit, seq, step_ids, arrayMap(t -> toString(t), step_times) AS step_times
       FROM ${inst} AS i WHERE status = 'in_progress' ORDER BY unit, seq LIMIT ${MAX_INSTANCES}`,
      params.values,
    );
    for (const r of rows) {
      const last = r.step_ids.length - 1;
      const stage = stageOfStep.get(r.step_ids[last] ?? "");
      if (!stage) continue;
      const target = targets.get(stage.id) ?? rule.parsed.defaultTargetHours;
      if (target === undefined) continue;
      // The stay in the current stage began at the first of the trailing steps in that stage.
      let first = last;
      while (first > 0 && stageOfStep.get(r.step_ids[first - 1] ?? "")?.id === stage.id) first--;
      const enteredMs = msOf(r.step_times[first] ?? "");
      const stayMs = now.getTime() - enteredMs;
      if (!Number.isFinite(enteredMs) || stayMs <= target * HOUR_MS) continue;
      signals.push({
        rule,
        kind: "stuck",
        ref: `${rule.id}:${r.unit}:${r.seq}:${stage.id}:${enteredMs}`,
        customerId: r.unit,
        journeyId: journey.id,
        instanceKey: String(r.seq),
        touchpointId: rule.touchpoint_id,
        channel: null,
        aspect: null,
        summary: `In stage "${stage.name}" for ${hours(stayMs)} h (target ${target} h)`,
        occurredAt: new Date(enteredMs + target * HOUR_MS),
      });
    }
  }
  return signals;
}
