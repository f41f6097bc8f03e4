import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, fetchAllPages } from "../../api/client";
import type {
  Comparison,
  CoverageFinding,
  InstancesRebuild,
  Journey,
  JourneyDocument,
  JourneyKpis,
  JourneyKpisRequest,
  JourneyMeasures,
  JourneyMeasuresRequest,
  JourneySummary,
  Revision,
  RevisionSummary,
} from "../../api/journey-design";
import { workspaceKey } from "../workspaces/hooks";

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/journeys`;
const one = (workspaceId: string, journeyId: string) =>
  `${base(workspaceId)}/${encodeURIComponent(journeyId)}`;
const journeysKey = (workspaceId: string) => [...workspaceKey(workspaceId), "journeys"] as const;
export const journeyKey = (workspaceId: string, journeyId: string) =>
  [...journeysKey(workspaceId), "one", journeyId] as const;

const analyticsBase = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/analytics`;
/** Under the analytics reports' key, so a rebuild (or anything refreshing analytics) refetches them. */
const measuresKey = (workspaceId: string) => [...workspaceKey(workspaceId), "analytics", "journey"] as const;

export interface JourneyFilters {
  status?: string;
  personaId?: string;
  q?: string;
}

export function useJourneys(workspaceId: string, filters: JourneyFilters = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  const query = params.toString() ? `?${params}` : "";
  return useQuery({
    queryKey: [...journeysKey(workspaceId), "list", query],
    queryFn: ({ signal }) => fetchAllPages<JourneySummary>(`${base(workspaceId)}${query}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useJourney(workspaceId: string, journeyId: string) {
  return useQuery({
    queryKey: journeyKey(workspaceId, journeyId),
    queryFn: ({ signal }) => api.get<Journey>(one(workspaceId, journeyId), signal),
    // Pickers pass "" until the journeys have loaded.
    enabled: journeyId !== "",
    // Always check for a newer version when a map opens; the page decides whether to take it.
    refetchOnMount: "always",
  });
}

export function useCreateJourney(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (document: JourneyDocument) => api.post<Journey>(base(workspaceId), { document }),
    onSuccess: (journey) => {
      queryClient.setQueryData(journeyKey(workspaceId, journey.id), journey);
      void queryClient.invalidateQueries({ queryKey: [...journeysKey(workspaceId), "list"] });
    },
  });
}

function useJourneyWrite<V>(workspaceId: string, journeyId: string, request: (v: V) => Promise<Journey>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (journey) => {
      queryClient.setQueryData(journeyKey(workspaceId, journeyId), journey);
      void queryClient.invalidateQueries({ queryKey: [...journeysKey(workspaceId), "list"] });
      void queryClient.invalidateQueries({ queryKey: [...journeyKey(workspaceId, journeyId), "revisions"] });
      void queryClient.invalidateQueries({ queryKey: [...journeyKey(workspaceId, journeyId), "coverage"] });
      void queryClient.invalidateQueries({ queryKey: [...workspaceKey(workspaceId), "touchpoints"] });
      // Measured values follow the saved map (its steps, and its KPIs' targets).
      void queryClient.invalidateQueries({ queryKey: measuresKey(workspaceId) });
    },
  });
}

export function useSaveJourney(workspaceId: string, journeyId: string) {
  return useJourneyWrite(workspaceId, journeyId, (body: { baseVersion: number; document: JourneyDocument }) =>
    api.put<Journey>(one(workspaceId, journeyId), body),
  );
}

export function useRestoreRevision(workspaceId: string, journeyId: string) {
  return useJourneyWrite(
    workspaceId,
    journeyId,
    ({ version, baseVersion }: { version: number; baseVersion: number }) =>
      api.post<Journey>(`${one(workspaceId, journeyId)}/revisions/${version}/restore`, { baseVersion }),
  );
}

export function useDeleteJourney(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (journeyId: string) => api.delete<void>(one(workspaceId, journeyId)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workspaceKey(workspaceId) }),
  });
}

export function useRevisions(workspaceId: string, journeyId: string) {
  return useQuery({
    queryKey: [...journeyKey(workspaceId, journeyId), "revisions"],
    queryFn: ({ signal }) =>
      fetchAllPages<RevisionSummary>(`${one(workspaceId, journeyId)}/revisions`, signal),
  });
}

export function useRevision(workspaceId: string, journeyId: string, version: number | null) {
  return useQuery({
    queryKey: [...journeyKey(workspaceId, journeyId), "revision", version],
    queryFn: ({ signal }) => api.get<Revision>(`${one(workspaceId, journeyId)}/revisions/${version}`, signal),
    enabled: version !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useComparison(
  workspaceId: string,
  journeyId: string,
  from: number | null,
  to: number | null,
) {
  return useQuery({
    queryKey: [...journeyKey(workspaceId, journeyId), "compare", from, to],
    queryFn: ({ signal }) =>
      api.get<Comparison>(`${one(workspaceId, journeyId)}/compare?from=${from}&to=${to}`, signal),
    enabled: from !== null && to !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCoverage(workspaceId: string, journeyId: string) {
  return useQuery({
    queryKey: [...journeyKey(workspaceId, journeyId), "coverage"],
    queryFn: ({ signal }) =>
      api.get<{ findings: CoverageFinding[] }>(`${one(workspaceId, journeyId)}/coverage`, signal),
  });
}

export const journeyExportHref = (workspaceId: string, journeyId: string) =>
  `/api/v1${one(workspaceId, journeyId)}/export`;

/** A measure is a read-only `POST`: cached by its body like a `GET`. */
function useJourneyReport<Req, Res>(workspaceId: string, path: string, body: Req | null) {
  return useQuery({
    queryKey: [...measuresKey(workspaceId), path, JSON.stringify(body)],
    queryFn: () => api.post<Res>(`${analyticsBase(workspaceId)}/${path}`, body),
    placeholderData: keepPreviousData,
    enabled: body !== null,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** Measured values per step of the map (docs/api/journey-analytics.md §6.2); `null` body: not asked. */
export const useJourneyMeasures = (workspaceId: string, body: JourneyMeasuresRequest | null) =>
  useJourneyReport<JourneyMeasuresRequest, JourneyMeasures>(workspaceId, "journey-measures", body);

/** The journey's KPIs computed from its instances, against the map's targets (§6.3). */
export const useJourneyKpis = (workspaceId: string, body: JourneyKpisRequest | null) =>
  useJourneyReport<JourneyKpisRequest, JourneyKpis>(workspaceId, "journey-kpis", body);

/** Recomputes every journey instance of the workspace (scope `write`), then refetches the measures. */
export function useRebuildInstances(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<InstancesRebuild>(`${analyticsBase(workspaceId)}/journey-instances/rebuild`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...workspaceKey(workspaceId), "analytics"] }),
  });
}
