import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { MetricsQuery, MetricsResult } from "../../api/listen";
import { workspaceKey } from "../workspaces/hooks";

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/metrics`;

/** The query string of a metrics request; the CSV export takes exactly the same. */
export function metricsQueryString(query: MetricsQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params.toString();
}

export function useMetrics(workspaceId: string, query: MetricsQuery, enabled = true) {
  const qs = metricsQueryString(query);
  return useQuery({
    queryKey: [...workspaceKey(workspaceId), "metrics", qs],
    queryFn: ({ signal }) => api.get<MetricsResult>(`${base(workspaceId)}?${qs}`, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const metricsExportHref = (workspaceId: string, query: MetricsQuery) =>
  `/api/v1${base(workspaceId)}/export?format=csv&${metricsQueryString(query)}`;
