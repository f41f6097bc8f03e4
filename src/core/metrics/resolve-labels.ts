import type { Db } from "../db/connect.js";
import { isUuid } from "../ids.js";
import { readStoredDocument } from "../journeys/document-migrations.js";
import type { GroupBy } from "./metrics.schema.js";

type Names = Map<string, string>;

async function stageNames(db: Db, workspaceId: string): Promise<Names> {
  const names: Names = new Map();
  const journeys = await db
    .selectFrom("journeys")
    .select(["id", "document"])
    .where("workspace_id", "=", workspaceId)
    .execute();
  for (const j of journeys) {
    try {
      for (const stage of readStoredDocument(j.document, j.id).stages) names.set(stage.id, stage.name);
    } catch {
      // An unreadable document only costs its stage labels; the figures stay right.
    }
  }
  return names;
}

async function namedRows(db: Db, workspaceId: string, groupBy: GroupBy, ids: string[]) {
  switch (groupBy) {
    case "touchpoint":
      return db
        .selectFrom("touchpoints")
        .select(["id", "name"])
        .where("workspace_id", "=", workspaceId)
        .where("id", "in", ids)
        .execute();
    case "persona":
      return db
        .selectFrom("personas")
        .select(["id", "name"])
        .where("workspace_id", "=", workspaceId)
        .where("id", "in", ids)
        .execute();
    case "survey":
      return db
        .selectFrom("surveys")
        .select(["id", "name"])
        .where("workspace_id", "=", workspaceId)
        .where("id", "in", ids)
        .execute();
    case "journey":
      return db
        .selectFrom("journeys")
        .select(["id", "title as name"])
        .where("workspace_id", "=", workspaceId)
        .where("id", "in", ids)
        .execute();
    default:
      return [];
  }
}

/**
 * Display names for group keys, read from the system of record and scoped by workspace: touchpoint
 * and persona names, journey titles, stage names (from the journeys' current documents), survey
 * names. Keys without a name (deleted records) are absent; value groups (dates, channels,
 * languages, traits) are labelled by the caller.
 */
export async function resolveLabels(
  db: Db,
  workspaceId: string,
  groupBy: GroupBy,
  keys: readonly string[],
): Promise<Names> {
  const ids = keys.filter(isUuid);
  if (groupBy === "stage") return stageNames(db, workspaceId);
  if (ids.length === 0) return new Map();
  const rows = await namedRows(db, workspaceId, groupBy, ids);
  return new Map(rows.map((r) => [r.id, r.name]));
}
