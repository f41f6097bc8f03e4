import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, fetchAllPages } from "../../api/client";
import type { Persona, PersonaInput } from "../../api/journey-design";
import { workspaceKey } from "../workspaces/hooks";

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/personas`;
export const personasKey = (workspaceId: string) => [...workspaceKey(workspaceId), "personas"] as const;

export function usePersonas(workspaceId: string) {
  return useQuery({
    queryKey: personasKey(workspaceId),
    queryFn: ({ signal }) => fetchAllPages<Persona>(base(workspaceId), signal),
  });
}

export function useSavePersona(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: PersonaInput }) =>
      id
        ? api.patch<Persona>(`${base(workspaceId)}/${encodeURIComponent(id)}`, body)
        : api.post<Persona>(base(workspaceId), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personasKey(workspaceId) }),
  });
}

export function useDeletePersona(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`${base(workspaceId)}/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKey(workspaceId) }),
  });
}

export const personasExportHref = (workspaceId: string) => `/api/v1${base(workspaceId)}/export`;
