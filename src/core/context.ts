import type { Db } from "./db/connect.js";
import type { WorkspaceAccess } from "./permissions/index.js";

/** What a workspace-scoped use case needs: the database, who acts with which rights, and the request. */
export interface WorkspaceContext {
  db: Db;
  access: WorkspaceAccess;
  requestId?: string | undefined;
}
