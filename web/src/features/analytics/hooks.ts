import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
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
import { surveysKey, surveyTriggersQuery, useSurveys } from "../surveys/hooks";
import { workspaceKey } from "../workspaces/hooks";
import { type SurveyFromFunnelResult, triggerChoices } from "./dropped-survey";

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

/** The triggers a funnel survey may use (enabled, of an active survey), from each survey's list. */
export function useFunnelSurveyTriggers(workspaceId: string) {
  const surveys = useSurveys(workspaceId, { status: "active" });
  const active = (surveys.data ?? []).filter((s) => s.status === "active");
  const triggers = useQueries({
    queries: active.map((s) => surveyTriggersQuery(workspaceId, s.id)),
  });
  const bySurvey = new Map(active.map((s, i) => [s.id, triggers[i]?.data]));
  return {
    choices: triggerChoices(active, (id) => bySurvey.get(id)),
    isPending: surveys.isPending || triggers.some((q) => q.isPending),
    error: surveys.error ?? triggers.find((q) => q.error)?.error ?? null,
  };
}

/** Invites the customers who dropped before the step through a survey trigger (nobody twice). */
export function useSurveyFromFunnel(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DroppedRequest & { triggerId: string }) =>
      api.post<SurveyFromFunnelResult>(`${base(workspaceId)}/funnel/dropped/survey`, body),
    // The surveys' invitation lists changed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveysKey(workspaceId) }),
  });
}
