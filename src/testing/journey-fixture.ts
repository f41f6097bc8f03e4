import type { WorkspaceContext } from "../core/context.js";
import type { TEventMatcher } from "../core/expressions/validate.js";
import { createJourney } from "../core/journeys/create-journey.js";
import { parseJourneyDocument } from "../core/journeys/document.js";
import type { TJourney } from "../core/journeys/journeys.schema.js";
import type { Stores } from "../core/stores.js";
import { createTouchpoint } from "../core/touchpoints/create-touchpoint.js";
import { resolveAccess } from "../core/workspaces/resolve-access.js";

export interface FixtureStep {
  title: string;
  /** The step's touchpoint's matchers; none: a step without touchpoint. */
  matchers?: TEventMatcher[];
  /** Reuse the touchpoint of an earlier step with this title (one touchpoint serving two steps). */
  sameTouchpointAs?: string;
}

/** A workspace context with the system actor, for calling core functions in tests. */
export async function systemContext(stores: Stores, workspaceId: string): Promise<WorkspaceContext> {
  const access = await resolveAccess(stores.sor.db, { kind: "system" }, workspaceId);
  if (!access) throw new Error(`no access to workspace ${workspaceId}`);
  return { db: stores.sor.db, access };
}

/**
 * A journey whose steps map to events: each step with matchers gets its own touchpoint holding them.
 * Returns the journey and the step ids by title.
 */
export async function createMappedJourney(
  stores: Stores,
  workspaceId: string,
  title: string,
  stages: { name: string; steps: FixtureStep[] }[],
  extra: { kpis?: { performance?: unknown[]; brand?: unknown[] } } = {},
): Promise<{ journey: TJourney; stepIds: Record<string, string>; touchpointIds: Record<string, string> }> {
  const ctx = await systemContext(stores, workspaceId);
  const touchpointIds: Record<string, string> = {};
  for (const stage of stages)
    for (const step of stage.steps) {
      if (step.sameTouchpointAs) touchpointIds[step.title] = touchpointIds[step.sameTouchpointAs] as string;
      else if (step.matchers)
        touchpointIds[step.title] = (
          await createTouchpoint(ctx, { name: `${title}: ${step.title}`, eventMatchers: step.matchers })
        ).id;
    }
  const journey = await createJourney(ctx, {
    document: parseJourneyDocument({
      title,
      ...(extra.kpis && { kpis: extra.kpis }),
      stages: stages.map((stage) => ({
        name: stage.name,
        steps: stage.steps.map((s) => ({ title: s.title, touchpointId: touchpointIds[s.title] ?? null })),
      })),
    }),
  });
  const stepIds: Record<string, string> = {};
  for (const stage of journey.document.stages) for (const s of stage.steps) stepIds[s.title] = s.id;
  return { journey, stepIds, touchpointIds };
}
