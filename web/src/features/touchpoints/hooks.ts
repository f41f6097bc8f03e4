import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, fetchAllPages } from "../../api/client";
import type {
  BulkTouchpointChange,
  FileFormat,
  ImportResult,
  Touchpoint,
  TouchpointInput,
} from "../../api/journey-design";
import { workspaceKey } from "../workspaces/hooks";

const touchpointsBase = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/touchpoints`;
const touchpointsKey = (workspaceId: string) => [...workspaceKey(workspaceId), "touchpoints"] as const;

export interface TouchpointFilters {
  q?: string;
  channel?: string;
  kind?: string;
  department?: string;
  owner?: string;
  tag?: string;
  signature?: string;
}

export const FILTER_NAMES = ["q", "channel", "kind", "department", "owner", "tag", "signature"] as const;

function filterQuery(filters: TouchpointFilters): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name]?.trim();
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** All touchpoints matching the filters (the register stays small enough to hold in full). */
export function useTouchpoints(workspaceId: string, filters: TouchpointFilters = {}) {
  const query = filterQuery(filters);
  return useQuery({
    queryKey: [...touchpointsKey(workspaceId), "list", query],
    queryFn: ({ signal }) => fetchAllPages<Touchpoint>(`${touchpointsBase(workspaceId)}${query}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateTouchpoint(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TouchpointInput) => api.post<Touchpoint>(touchpointsBase(workspaceId), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: touchpointsKey(workspaceId) }),
  });
}

export function useUpdateTouchpoint(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Partial<TouchpointInput> }) =>
      api.patch<Touchpoint>(`${touchpointsBase(workspaceId)}/${encodeURIComponent(id)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: touchpointsKey(workspaceId) }),
  });
}

export function useDeleteTouchpoint(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, detach }: { id: string; detach: boolean }) =>
      api.delete<void>(
        `${touchpointsBase(workspaceId)}/${encodeURIComponent(id)}${detach ? "?detach=true" : ""}`,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKey(workspaceId) }),
  });
}

export function useBulkUpdateTouchpoints(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[]; set: BulkTouchpointChange }) =>
      api.post<{ updated: number }>(`${touchpointsBase(workspaceId)}/bulk`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: touchpointsKey(workspaceId) }),
  });
}

const IMPORT_CONTENT_TYPES: Record<FileFormat, string> = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json",
};

export function useImportTouchpoints(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, format, dryRun }: { file: Blob; format: FileFormat; dryRun: boolean }) =>
      api.upload<ImportResult>(
        `${touchpointsBase(workspaceId)}/import?format=${format}&dryRun=${dryRun}`,
        file,
        IMPORT_CONTENT_TYPES[format],
      ),
    onSuccess: (_result, { dryRun }) => {
      if (!dryRun) void queryClient.invalidateQueries({ queryKey: touchpointsKey(workspaceId) });
    },
  });
}

export const exportHref = (workspaceId: string, format: FileFormat) =>
  `/api/v1${touchpointsBase(workspaceId)}/export?format=${format}`;
