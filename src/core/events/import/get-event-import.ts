import { notFound } from "../../errors.js";
import type { Stores } from "../../stores.js";

export interface EventImportState {
  fingerprint: string;
  status: "running" | "done" | "failed";
  /** Records of the file stored or reported so far: a resumed import starts after them. */
  rowsRead: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  error: string | null;
  updatedAt: string;
}

/** The state of a workspace's import of one file (by its sha256 fingerprint); 404 when never started. */
export async function getEventImport(
  stores: Stores,
  workspaceId: string,
  fingerprint: string,
): Promise<EventImportState> {
  const row = await stores.sor.db
    .selectFrom("event_imports")
    .select([
      "file_fingerprint",
      "status",
      "rows_read",
      "accepted",
      "duplicates",
      "rejected",
      "error",
      "updated_at",
    ])
    .where("workspace_id", "=", workspaceId)
    .where("file_fingerprint", "=", fingerprint)
    .executeTakeFirst();
  if (!row) throw notFound("Event import");
  return {
    fingerprint: row.file_fingerprint,
    status: row.status as EventImportState["status"],
    rowsRead: row.rows_read,
    accepted: row.accepted,
    duplicates: row.duplicates,
    rejected: row.rejected,
    error: row.error,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
