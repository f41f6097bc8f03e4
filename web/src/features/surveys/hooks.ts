import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, fetchAllPages } from "../../api/client";
import type {
  CreatedSurveyLink,
  Survey,
  SurveyExport,
  SurveyInput,
  SurveyInvitation,
  SurveyLink,
  SurveyLinkInput,
  SurveyPatch,
  SurveyResults,
  SurveySettingsDoc,
  SurveyTrigger,
  SurveyTriggerInput,
} from "../../api/listen";
import { workspaceKey } from "../workspaces/hooks";

const ws = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}`;
const surveysBase = (workspaceId: string) => `${ws(workspaceId)}/surveys`;
const surveyPath = (workspaceId: string, surveyId: string) =>
  `${surveysBase(workspaceId)}/${encodeURIComponent(surveyId)}`;
export const surveysKey = (workspaceId: string) => [...workspaceKey(workspaceId), "surveys"] as const;
const surveyKey = (workspaceId: string, surveyId: string) =>
  [...surveysKey(workspaceId), "one", surveyId] as const;

export interface SurveyFilters {
  status?: string;
  q?: string;
  touchpointId?: string;
  journeyId?: string;
}

export function useSurveys(workspaceId: string, filters: SurveyFilters = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  const query = params.toString() ? `?${params}` : "";
  return useQuery({
    queryKey: [...surveysKey(workspaceId), "list", query],
    queryFn: ({ signal }) => fetchAllPages<Survey>(`${surveysBase(workspaceId)}${query}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSurvey(workspaceId: string, surveyId: string) {
  return useQuery({
    queryKey: surveyKey(workspaceId, surveyId),
    queryFn: ({ signal }) => api.get<Survey>(surveyPath(workspaceId, surveyId), signal),
  });
}

export function useCreateSurvey(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveyInput) => api.post<Survey>(surveysBase(workspaceId), body),
    onSuccess: (survey) => {
      queryClient.setQueryData(surveyKey(workspaceId, survey.id), survey);
      void queryClient.invalidateQueries({ queryKey: [...surveysKey(workspaceId), "list"] });
    },
  });
}

export function useImportSurvey(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<Survey>(`${surveysBase(workspaceId)}/import`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...surveysKey(workspaceId), "list"] }),
  });
}

export function useUpdateSurvey(workspaceId: string, surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveyPatch) => api.patch<Survey>(surveyPath(workspaceId, surveyId), body),
    onSuccess: (survey) => {
      queryClient.setQueryData(surveyKey(workspaceId, surveyId), survey);
      void queryClient.invalidateQueries({ queryKey: [...surveysKey(workspaceId), "list"] });
    },
  });
}

export function useDeleteSurvey(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (surveyId: string) => api.delete<void>(surveyPath(workspaceId, surveyId)),
    // Only the list: refetching the deleted survey itself would answer 404 while its page closes.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...surveysKey(workspaceId), "list"] }),
  });
}

export const fetchSurveyExport = (workspaceId: string, surveyId: string) =>
  api.get<SurveyExport>(`${surveyPath(workspaceId, surveyId)}/export`);

/** Results for whole days (`from`, `to` as dates, both included) in the time zone `tz`. */
export function useSurveyResults(
  workspaceId: string,
  surveyId: string,
  range: { from?: string; to?: string; tz: string },
) {
  const params = new URLSearchParams({ tz: range.tz });
  if (range.from) params.set("from", range.from);
  if (range.to) params.set("to", range.to);
  const query = `?${params}`;
  return useQuery({
    queryKey: [...surveyKey(workspaceId, surveyId), "results", query],
    queryFn: ({ signal }) =>
      api.get<SurveyResults>(`${surveyPath(workspaceId, surveyId)}/results${query}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSurveyLinks(workspaceId: string, surveyId: string) {
  return useQuery({
    queryKey: [...surveyKey(workspaceId, surveyId), "links"],
    queryFn: ({ signal }) => fetchAllPages<SurveyLink>(`${surveyPath(workspaceId, surveyId)}/links`, signal),
  });
}

export function useCreateSurveyLink(workspaceId: string, surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveyLinkInput) =>
      api.post<CreatedSurveyLink>(`${surveyPath(workspaceId, surveyId)}/links`, body),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: [...surveyKey(workspaceId, surveyId), "links"] }),
  });
}

const triggersKey = (workspaceId: string, surveyId: string) =>
  [...surveyKey(workspaceId, surveyId), "triggers"] as const;

/** A survey's triggers as a query (also for `useQueries` over several surveys; one cache entry each). */
export const surveyTriggersQuery = (workspaceId: string, surveyId: string) => ({
  queryKey: triggersKey(workspaceId, surveyId),
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    fetchAllPages<SurveyTrigger>(`${surveyPath(workspaceId, surveyId)}/triggers`, signal),
});

export function useSurveyTriggers(workspaceId: string, surveyId: string) {
  return useQuery(surveyTriggersQuery(workspaceId, surveyId));
}

export function useSaveSurveyTrigger(workspaceId: string, surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: Partial<SurveyTriggerInput> }) =>
      id
        ? api.patch<SurveyTrigger>(`${ws(workspaceId)}/survey-triggers/${encodeURIComponent(id)}`, body)
        : api.post<SurveyTrigger>(`${surveyPath(workspaceId, surveyId)}/triggers`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: triggersKey(workspaceId, surveyId) }),
  });
}

export function useDeleteSurveyTrigger(workspaceId: string, surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.delete<void>(`${ws(workspaceId)}/survey-triggers/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: triggersKey(workspaceId, surveyId) }),
  });
}

export function useSurveyInvitations(workspaceId: string, surveyId: string) {
  return useQuery({
    queryKey: [...surveyKey(workspaceId, surveyId), "invitations"],
    queryFn: ({ signal }) =>
      api.get<{ items: SurveyInvitation[]; nextCursor: string | null }>(
        `${surveyPath(workspaceId, surveyId)}/invitations?limit=100`,
        signal,
      ),
  });
}

const settingsKey = (workspaceId: string) => [...workspaceKey(workspaceId), "survey-settings"] as const;

export function useSurveySettings(workspaceId: string) {
  return useQuery({
    queryKey: settingsKey(workspaceId),
    queryFn: ({ signal }) => api.get<SurveySettingsDoc>(`${ws(workspaceId)}/survey-settings`, signal),
  });
}

export function useSaveSurveySettings(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SurveySettingsDoc) =>
      api.put<SurveySettingsDoc>(`${ws(workspaceId)}/survey-settings`, body),
    onSuccess: (doc) => queryClient.setQueryData(settingsKey(workspaceId), doc),
  });
}
