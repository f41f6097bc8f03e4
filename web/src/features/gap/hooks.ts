import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api } from "../../api/client";
import { workspaceKey } from "../workspaces/hooks";
import type { Assessment, GapReport, GapRequest, Round } from "./types";

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/gap`;
const key = (workspaceId: string) => [...workspaceKey(workspaceId), "gap"];

/** The report is a `POST` that only reads: cached by its body like a `GET`. */
export function useGapReport(workspaceId: string, body: GapRequest) {
  return useQuery({
    queryKey: [...key(workspaceId), "report", JSON.stringify(body)],
    queryFn: () => api.post<GapReport>(base(workspaceId), body),
    placeholderData: keepPreviousData,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

export function useRounds(workspaceId: string) {
  return useQuery({
    queryKey: [...key(workspaceId), "rounds"],
    queryFn: async () => (await api.get<{ items: Round[] }>(`${base(workspaceId)}/rounds`)).items,
  });
}

export function useMyAssessments(workspaceId: string) {
  return useQuery({
    queryKey: [...key(workspaceId), "mine"],
    queryFn: async () =>
      (await api.get<{ items: Assessment[] }>(`${base(workspaceId)}/assessments/mine`)).items,
  });
}

/** Every change to rounds or answers refreshes rounds, assessments and the report. */
function useGapMutation<A, R>(workspaceId: string, fn: (arg: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: key(workspaceId) }),
  });
}

export const useCreateRound = (workspaceId: string) =>
  useGapMutation(workspaceId, (body: { title: string; journeyId: string | null; dueAt: string | null }) =>
    api.post<Round>(`${base(workspaceId)}/rounds`, body),
  );

export const useCloseRound = (workspaceId: string) =>
  useGapMutation(workspaceId, (roundId: string) =>
    api.post<Round>(`${base(workspaceId)}/rounds/${encodeURIComponent(roundId)}/close`),
  );

export const useRemindRound = (workspaceId: string) =>
  useGapMutation(workspaceId, (roundId: string) =>
    api.post<{ reminders: unknown[]; channel: string }>(
      `${base(workspaceId)}/rounds/${encodeURIComponent(roundId)}/remind`,
    ),
  );

export const useSubmitAssessment = (workspaceId: string) =>
  useGapMutation(
    workspaceId,
    ({
      id,
      ...body
    }: {
      id: string;
      rating: number;
      predicted: { metric: "csat"; value: number } | null;
      comment: string;
    }) => api.put<Assessment>(`${base(workspaceId)}/assessments/${encodeURIComponent(id)}`, body),
  );

/** The report as CSV (a `POST`, so fetched here and saved by the caller). */
export async function fetchGapCsv(workspaceId: string, body: GapRequest): Promise<Blob> {
  const res = await fetch(`/api/v1${base(workspaceId)}/export`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "text/csv, application/problem+json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  if (!res.ok) throw new ApiError({ status: res.status, title: res.statusText });
  return res.blob();
}
