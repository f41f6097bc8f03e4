import type { Db } from "../db/connect.js";
import { isAppError } from "../errors.js";
import type { TEventMatcher } from "../expressions/validate.js";
import type { TJourney } from "../journeys/journeys.schema.js";
import { loadJourney } from "../journeys/load-journey.js";
import { SqlParams } from "./scope.js";
import { stepsCondition } from "./steps.js";

export interface JourneyStepRef {
  stepId: string;
  title: string;
  stageId: string;
  touchpointId: string | null;
}

export interface MappedStep extends JourneyStepRef {
  touchpointId: string;
}

export type SkipReason = "no_touchpoint" | "no_matchers" | "unreadable_matchers";

export interface JourneySteps {
  journey: TJourney;
  /** Every step in journey order (stages, then steps). */
  steps: JourneyStepRef[];
  /** Steps whose touchpoint has matchers the reports can read, in journey order. */
  mapped: MappedStep[];
  skipped: { stepId: string; reason: SkipReason }[];
  /** The readable matchers of each mapping touchpoint. */
  matchers: Map<string, TEventMatcher[]>;
}

/**
 * A journey of this workspace (else 404) with its steps mapped to events: a step is mapped when its
 * touchpoint has event matchers the reports can read (the register also accepts paths outside
 * properties, context and traits; such a touchpoint is skipped as `unreadable_matchers`).
 */
export async function journeySteps(db: Db, workspaceId: string, journeyId: string): Promise<JourneySteps> {
  const journey = await loadJourney(db, workspaceId, journeyId);
  const steps: JourneyStepRef[] = journey.document.stages.flatMap((stage) =>
    stage.steps.map((s) => ({
      stepId: s.id,
      title: s.title,
      stageId: stage.id,
      touchpointId: s.touchpointId,
    })),
  );
  const ids = [...new Set(steps.map((s) => s.touchpointId).filter((id): id is string => id !== null))];
  const matchers = new Map<string, TEventMatcher[]>();
  const unreadable = new Set<string>();
  if (ids.length > 0)
    for (const t of await db
      .selectFrom("touchpoints")
      .select(["id", "event_matchers"])
      .where("workspace_id", "=", workspaceId)
      .where("id", "in", ids)
      .execute()) {
      const list = t.event_matchers as TEventMatcher[];
      if (list.length === 0) continue;
      try {
        stepsCondition(list, new SqlParams(), "/touchpoint");
        matchers.set(t.id, list);
      } catch (e) {
        if (!isAppError(e)) throw e;
        unreadable.add(t.id);
      }
    }
  const skipped: JourneySteps["skipped"] = [];
  const mapped: MappedStep[] = [];
  for (const s of steps) {
    if (s.touchpointId && matchers.has(s.touchpointId)) mapped.push({ ...s, touchpointId: s.touchpointId });
    else
      skipped.push({
        stepId: s.stepId,
        reason: !s.touchpointId
          ? "no_touchpoint"
          : unreadable.has(s.touchpointId)
            ? "unreadable_matchers"
            : "no_matchers",
      });
  }
  return { journey, steps, mapped, skipped, matchers };
}
