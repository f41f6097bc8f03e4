import type { Db } from "../db/connect.js";
import { AppError, type FieldError } from "../errors.js";
import type { TJourneyDocument } from "./document.schema.js";

interface Known {
  touchpoints: Set<string>;
  personas: Set<string>;
  members: Set<string>;
}

/** Which of the document's references exist in the workspace: one query per kind. */
async function knownReferences(db: Db, workspaceId: string, doc: TJourneyDocument): Promise<Known> {
  const touchpointIds = [
    ...new Set(doc.stages.flatMap((s) => s.steps.map((x) => x.touchpointId)).filter((id) => id !== null)),
  ];
  const touchpoints =
    touchpointIds.length === 0
      ? []
      : await db
          .selectFrom("touchpoints")
          .select("id")
          .where("workspace_id", "=", workspaceId)
          .where("id", "in", touchpointIds)
          .execute();
  const personas =
    doc.personaId === null
      ? []
      : await db
          .selectFrom("personas")
          .select("id")
          .where("workspace_id", "=", workspaceId)
          .where("id", "=", doc.personaId)
          .execute();
  const members =
    doc.ownerId === null
      ? []
      : await db
          .selectFrom("memberships")
          .select("user_id as id")
          .where("workspace_id", "=", workspaceId)
          .where("user_id", "=", doc.ownerId)
          .execute();
  const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
  return { touchpoints: ids(touchpoints), personas: ids(personas), members: ids(members) };
}

/**
 * Checks what the schema cannot: stage and step ids are unique, and every reference points into
 * this workspace (a foreign id reads as unknown, never as "belongs to someone else").
 */
export async function checkDocument(
  db: Db,
  workspaceId: string,
  doc: TJourneyDocument,
  base = "/body/document",
): Promise<void> {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const unique = (id: string, pointer: string) => {
    if (seen.has(id))
      errors.push({ pointer, code: "duplicate_id", message: `the id ${id} is used twice in this document` });
    seen.add(id);
  };
  const known = await knownReferences(db, workspaceId, doc);
  if (doc.personaId !== null && !known.personas.has(doc.personaId))
    errors.push({
      pointer: `${base}/personaId`,
      code: "unknown_persona",
      message: "no persona with this id in the workspace",
    });
  if (doc.ownerId !== null && !known.members.has(doc.ownerId))
    errors.push({
      pointer: `${base}/ownerId`,
      code: "not_a_member",
      message: "the owner must be a member of the workspace",
    });
  doc.stages.forEach((stage, i) => {
    unique(stage.id, `${base}/stages/${i}/id`);
    stage.steps.forEach((step, j) => {
      const at = `${base}/stages/${i}/steps/${j}`;
      unique(step.id, `${at}/id`);
      if (step.touchpointId !== null && !known.touchpoints.has(step.touchpointId))
        errors.push({
          pointer: `${at}/touchpointId`,
          code: "unknown_touchpoint",
          message: `no touchpoint ${step.touchpointId} in the workspace (step "${step.title}")`,
        });
    });
  });
  if (errors.length > 0)
    throw new AppError("validation_failed", errors.map((e) => `${e.pointer}: ${e.message}`).join("; "), {
      errors,
    });
}

/**
 * The document with references that no longer resolve set to null, as deleting a touchpoint with
 * `detach` does: an old revision stays restorable after its touchpoints or persona are gone.
 */
export async function detachDangling(
  db: Db,
  workspaceId: string,
  doc: TJourneyDocument,
): Promise<TJourneyDocument> {
  const known = await knownReferences(db, workspaceId, doc);
  return {
    ...doc,
    personaId: doc.personaId !== null && known.personas.has(doc.personaId) ? doc.personaId : null,
    ownerId: doc.ownerId !== null && known.members.has(doc.ownerId) ? doc.ownerId : null,
    stages: doc.stages.map((s) => ({
      ...s,
      steps: s.steps.map((x) => ({
        ...x,
        touchpointId:
          x.touchpointId !== null && known.touchpoints.has(x.touchpointId) ? x.touchpointId : null,
      })),
    })),
  };
}
