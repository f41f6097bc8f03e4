import type { Workspace } from "../../api/types";

/** Members who may change workspace data (re-analyse, discover topics, edit the taxonomy). */
export const canWrite = (workspace: Workspace) => workspace.role !== null && workspace.role !== "viewer";
