import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, fetchAllPages } from "../../api/client";
import type { ApiKey, ApiKeyScope, CreatedApiKey, Member, Role } from "../../api/types";
import { workspaceKey } from "../workspaces/hooks";

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}`;
const membersKey = (workspaceId: string) => [...workspaceKey(workspaceId), "members"] as const;
const apiKeysKey = (workspaceId: string) => [...workspaceKey(workspaceId), "api-keys"] as const;

export function useMembers(workspaceId: string) {
  return useQuery({
    queryKey: membersKey(workspaceId),
    queryFn: ({ signal }) => fetchAllPages<Member>(`${base(workspaceId)}/members`, signal),
  });
}

export interface AddMemberInput {
  email: string;
  role: Role;
  name?: string;
  password?: string;
}

export function useAddMember(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddMemberInput) => api.post<Member>(`${base(workspaceId)}/members`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey(workspaceId) }),
  });
}

export function useChangeMemberRole(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      api.patch<Member>(`${base(workspaceId)}/members/${encodeURIComponent(userId)}`, { role }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersKey(workspaceId) }),
  });
}

export function useRemoveMember(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      api.delete<void>(`${base(workspaceId)}/members/${encodeURIComponent(userId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey(workspaceId) }),
  });
}

export function useApiKeys(workspaceId: string) {
  return useQuery({
    queryKey: apiKeysKey(workspaceId),
    queryFn: ({ signal }) => fetchAllPages<ApiKey>(`${base(workspaceId)}/api-keys`, signal),
  });
}

export interface CreateApiKeyInput {
  name: string;
  scopes: ApiKeyScope[];
  expiresAt?: string;
}

export function useCreateApiKey(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyInput) => api.post<CreatedApiKey>(`${base(workspaceId)}/api-keys`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysKey(workspaceId) }),
  });
}

export function useRevokeApiKey(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) =>
      api.delete<ApiKey>(`${base(workspaceId)}/api-keys/${encodeURIComponent(keyId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysKey(workspaceId) }),
  });
}
