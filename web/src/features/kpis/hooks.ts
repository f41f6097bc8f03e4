import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api } from "../../api/client";
import { workspaceKey } from "../workspaces/hooks";
import type { Kpi, KpiValues, KpiValuesRequest, UpdateKpi } from "./types";

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/kpis`;
const key = (workspaceId: string) => [...workspaceKey(workspaceId), "kpis"];

/** The values are a `POST` that only reads: cached by its body like a `GET`. */
export function useKpiValues(workspaceId: string, body: KpiValuesRequest) {
  return useQuery({
    queryKey: [...key(workspaceId), "values", JSON.stringify(body)],
    queryFn: async () => (await api.post<{ items: KpiValues[] }>(`${base(workspaceId)}/values`, body)).items,
    placeholderData: keepPreviousData,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** A change to a KPI refreshes the catalogue, its values and the scorecards that show them. */
export function useUpdateKpi(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateKpi & { id: string }) =>
      api.patch<Kpi>(`${base(workspaceId)}/${encodeURIComponent(id)}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: workspaceKey(workspaceId) }),
  });
}

/** The values as CSV (a `POST`, so fetched here and saved by the caller). */
export async function fetchKpiCsv(workspaceId: string, body: KpiValuesRequest): Promise<Blob> {
  const res = await fetch(`/api/v1${base(workspaceId)}/values/export`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "text/csv, application/problem+json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  if (!res.ok) throw new ApiError({ status: res.status, title: res.statusText });
  return res.blob();
}
