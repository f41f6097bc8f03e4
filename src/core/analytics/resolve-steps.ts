import type { Db } from "../db/connect.js";
import { AppError, isAppError, notFound } from "../errors.js";
import type { TEventMatcher } from "../expressions/validate.js";
import { isUuid } from "../ids.js";
import { SqlParams } from "./scope.js";
import { stepsCondition, type TStep } from "./steps.js";

export interface ResolvedStep {
  label: string;
  /** Any of these matches the step. */
  matchers: TEventMatcher[];
}

/**
 * Resolves report steps to their matchers: a `{ touchpointId }` step takes the event matchers of that
 * touchpoint of this workspace (404 for a foreign or unknown one). Every condition is checked here, so
 * a bad path is a 400 before any query runs: at `<pointer>/<i>/where` for a step's own matcher, at
 * `<pointer>/<i>/touchpointId` for a touchpoint's.
 */
export async function resolveSteps(
  db: Db,
  workspaceId: string,
  steps: readonly TStep[],
  pointer: string,
): Promise<ResolvedStep[]> {
  const ids = [...new Set(steps.flatMap((s) => ("touchpointId" in s ? [s.touchpointId] : [])))];
  if (ids.some((id) => !isUuid(id))) throw notFound("Touchpoint");
  const rows =
    ids.length === 0
      ? []
      : await db
          .selectFrom("touchpoints")
          .select(["id", "name", "event_matchers"])
          .where("workspace_id", "=", workspaceId)
          .where("id", "in", ids)
          .execute();
  const touchpoints = new Map(rows.map((r) => [r.id, r]));

  return steps.map((step, i) => {
    const at = `${pointer}/${i}`;
    if (!("touchpointId" in step)) {
      const matcher: TEventMatcher = step.where
        ? { event: step.event, where: step.where }
        : { event: step.event };
      stepsCondition([matcher], new SqlParams(), at);
      return { label: step.label || step.event, matchers: [matcher] };
    }
    const tp = touchpoints.get(step.touchpointId);
    if (!tp) throw notFound("Touchpoint");
    const matchers = tp.event_matchers as TEventMatcher[];
    const field = `${at}/touchpointId`;
    if (matchers.length === 0) {
      const message = `the touchpoint "${tp.name}" has no event matchers`;
      throw new AppError("validation_failed", `${field}: ${message}`, {
        errors: [{ pointer: field, code: "no_matchers", message }],
      });
    }
    try {
      stepsCondition(matchers, new SqlParams(), field);
    } catch (e) {
      if (!isAppError(e) || e.code !== "validation_failed") throw e;
      // The touchpoint register allows paths reports cannot read; the request names the touchpoint.
      const errors = e.errors.map((err) => ({
        ...err,
        pointer: field,
        message: `the touchpoint "${tp.name}": ${err.message}`,
      }));
      throw new AppError("validation_failed", errors.map((err) => `${field}: ${err.message}`).join("; "), {
        errors,
      });
    }
    return { label: step.label || tp.name, matchers };
  });
}
