import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type {
  DroppedRequest,
  DroppedResult,
  FunnelRequest,
  FunnelResult,
  PathsRequest,
  PathsResult,
  RepeatContactsRequest,
  RepeatContactsResult,
  SlowestHandovers,
  SlowestHandoversRequest,
  WaitingTimesRequest,
  WaitingTimesResult,
  XoRequest,
  XoResult,
} from "../../api/analytics";
import { ApiError, api } from "../../api/client";
import { workspaceKey } from "../workspaces/hooks";

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/analytics`;

/** A report is a `POST` (steps are structured) that reads only: cached by its body like a `GET`. */
function useReport<Req, Res>(workspaceId: string, path: string, body: Req | null) {
  return useQuery({
    queryKey: [...workspaceKey(workspaceId), "analytics", path, JSON.stringify(body)],
    queryFn: () => api.post<Res>(`${base(workspaceId)}/${path}`, body),
    placeholderData: keepPreviousData,
    enabled: body !== null,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

export const useFunnel = (workspaceId: string, body: FunnelRequest | null) =>
  useReport<FunnelRequest, FunnelResult>(workspaceId, "funnel", body);

export const useDropped = (workspaceId: string, body: DroppedRequest | null) =>
  useReport<DroppedRequest, DroppedResult>(workspaceId, "funnel/dropped", body);

export const useWaitingTimes = (workspaceId: string, body: WaitingTimesRequest | null) =>
  useReport<WaitingTimesRequest, WaitingTimesResult>(workspaceId, "waiting-times", body);

export const useSlowestHandovers = (workspaceId: string, body: SlowestHandoversRequest | null) =>
  useReport<SlowestHandoversRequest, SlowestHandovers>(workspaceId, "slowest-handovers", body);

export const usePaths = (workspaceId: string, body: PathsRequest | null) =>
  useReport<PathsRequest, PathsResult>(workspaceId, "paths", body);

export const useRepeatContacts = (workspaceId: string, body: RepeatContactsRequest | null) =>
  useReport<RepeatContactsRequest, RepeatContactsResult>(workspaceId, "repeat-contacts", body);

export const useXo = (workspaceId: string, body: XoRequest | null) =>
  useReport<XoRequest, XoResult>(workspaceId, "xo", body);

/** The dropped customers as CSV: a `POST`, so fetched here and saved as a file by the caller. */
export async function fetchDroppedCsv(workspaceId: string, body: DroppedRequest): Promise<Blob> {
  const res = await fetch(`/api/v1${base(workspaceId)}/funnel/dropped?format=csv`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "text/csv, application/problem+json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  if (!res.ok) throw new ApiError({ status: res.status, title: res.statusText });
  return res.blob();
}
