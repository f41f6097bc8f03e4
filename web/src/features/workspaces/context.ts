import { createContext, useContext } from "react";
import type { Workspace } from "../../api/types";

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useCurrentWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error("useCurrentWorkspace outside a workspace route");
  return workspace;
}

export const canManageWorkspace = (workspace: Workspace) =>
  workspace.role === "owner" || workspace.role === "admin";
