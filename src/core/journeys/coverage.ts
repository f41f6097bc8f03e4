import type { Db } from "../db/connect.js";
import type { TouchpointKind } from "../db/schema.js";
import type { TJourneyDocument } from "./document.schema.js";
import type { TFinding } from "./journeys.schema.js";

export interface CoverageTouchpoint {
  id: string;
  name: string;
  kind: TouchpointKind;
  hasOwner: boolean;
  hasMatcher: boolean;
}

/** The workspace's touchpoints (all of them, or those with the given ids) as coverage needs them. */
export async function coverageTouchpoints(
  db: Db,
  workspaceId: string,
  ids?: string[],
): Promise<Map<string, CoverageTouchpoint>> {
  if (ids?.length === 0) return new Map();
  let q = db
    .selectFrom("touchpoints")
    .select(["id", "name", "kind", "owner_user_id", "owner_team", "event_matchers"])
    .where("workspace_id", "=", workspaceId);
  if (ids) q = q.where("id", "in", ids);
  const rows = await q.orderBy("id").execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        kind: r.kind,
        hasOwner: r.owner_user_id !== null || (r.owner_team ?? "").trim() !== "",
        hasMatcher: Array.isArray(r.event_matchers) && r.event_matchers.length > 0,
      },
    ]),
  );
}

export const referencedTouchpoints = (doc: TJourneyDocument): string[] => [
  ...new Set(doc.stages.flatMap((s) => s.steps.flatMap((x) => (x.touchpointId ? [x.touchpointId] : [])))),
];

/**
 * Gaps in one journey map. A step whose touchpoint no longer exists is skipped: deleting a used
 * touchpoint detaches its steps, so such a step is transient.
 */
export function journeyFindings(
  journeyId: string,
  doc: TJourneyDocument,
  touchpoints: Map<string, CoverageTouchpoint>,
): TFinding[] {
  const findings: TFinding[] = [];
  if (doc.ownerId === null)
    findings.push({
      code: "journey_without_owner",
      severity: "warning",
      message: `Journey "${doc.title}" has no owner to watch it end to end`,
      journeyId,
    });
  for (const stage of doc.stages) {
    if (stage.steps.length === 0)
      findings.push({
        code: "stage_without_steps",
        severity: "warning",
        message: `Stage "${stage.name}" has no steps`,
        journeyId,
        stageId: stage.id,
      });
    for (const step of stage.steps) {
      const at = { journeyId, stageId: stage.id, stepId: step.id };
      if (step.touchpointId === null) {
        findings.push({
          code: "step_without_touchpoint",
          severity: "info",
          message: `Step "${step.title}" is a free moment without a touchpoint`,
          ...at,
        });
        continue;
      }
      const tp = touchpoints.get(step.touchpointId);
      if (!tp) continue;
      if (!tp.hasOwner)
        findings.push({
          code: "touchpoint_without_owner",
          severity: "warning",
          message: `Touchpoint "${tp.name}" of step "${step.title}" has no owner`,
          ...at,
          touchpointId: tp.id,
        });
      if (tp.kind === "hidden" && !tp.hasMatcher)
        findings.push({
          code: "hidden_without_matcher",
          severity: "warning",
          message: `Hidden touchpoint "${tp.name}" of step "${step.title}" has no event matcher, so it cannot be measured`,
          ...at,
          touchpointId: tp.id,
        });
    }
  }
  return findings;
}

/** Gaps in the register itself: touchpoints no journey uses, hidden ones no event can detect. */
export function registerFindings(
  touchpoints: Map<string, CoverageTouchpoint>,
  used: Set<string>,
): TFinding[] {
  const findings: TFinding[] = [];
  for (const tp of touchpoints.values()) {
    if (!used.has(tp.id))
      findings.push({
        code: "touchpoint_unused",
        severity: "info",
        message: `Touchpoint "${tp.name}" is used by no journey`,
        touchpointId: tp.id,
      });
    if (tp.kind === "hidden" && !tp.hasMatcher)
      findings.push({
        code: "hidden_without_matcher",
        severity: "warning",
        message: `Hidden touchpoint "${tp.name}" has no event matcher, so it cannot be measured`,
        touchpointId: tp.id,
      });
  }
  return findings;
}
