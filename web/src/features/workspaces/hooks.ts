import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, fetchAllPages } from "../../api/client";
import { sessionKey } from "../../api/query-client";
import type { Workspace } from "../../api/types";

export const workspacesKey = ["workspaces"] as const;
export const workspaceKey = (workspaceId: string) => ["workspace", workspaceId] as const;

export function useWorkspaces() {
  return useQuery({
    queryKey: workspacesKey,
    queryFn: ({ signal }) => fetchAllPages<Workspace>("/workspaces", signal),
  });
}

export function useWorkspace(workspaceId: string) {
  return useQuery({
    queryKey: workspaceKey(workspaceId),
    queryFn: ({ signal }) => api.get<Workspace>(`/workspaces/${encodeURIComponent(workspaceId)}`, signal),
  });
}

export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string }) => api.post<Workspace>("/workspaces", body),
    onSuccess: (workspace) => {
      queryClient.setQueryData(workspaceKey(workspace.id), workspace);
      void queryClient.invalidateQueries({ queryKey: workspacesKey });
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}
