import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ApiError, api } from "../../api/client";
import { workspaceKey } from "../workspaces/hooks";
import type { KeyDriversRequest, KeyDriversResult } from "./types";

const path = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/drivers`;

/** The analysis is a `POST` that only reads: cached by its body like a `GET`. */
export function useKeyDrivers(workspaceId: string, body: KeyDriversRequest | null) {
  return useQuery({
    queryKey: [...workspaceKey(workspaceId), "drivers", JSON.stringify(body)],
    queryFn: () => api.post<KeyDriversResult>(path(workspaceId), body),
    placeholderData: keepPreviousData,
    enabled: body !== null,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** The drivers as CSV (a `POST`, so fetched here and saved by the caller). */
export async function fetchDriversCsv(workspaceId: string, body: KeyDriversRequest): Promise<Blob> {
  const res = await fetch(`/api/v1${path(workspaceId)}?format=csv`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "text/csv, application/problem+json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  if (!res.ok) throw new ApiError({ status: res.status, title: res.statusText });
  return res.blob();
}
