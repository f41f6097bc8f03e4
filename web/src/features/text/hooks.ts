import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type {
  Alert,
  AspectDefinition,
  KeywordCount,
  KeywordsQuery,
  ProviderInput,
  TaxonomyDoc,
  TextAnalysis,
  TextBackfill,
  TextSettings,
  TopicsRun,
  TrendQuery,
  TrendResult,
} from "../../api/text";
import type { Page } from "../../api/types";
import { workspaceKey } from "../workspaces/hooks";
import { aspectLabeller } from "./format";

const ws = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}`;
const base = (workspaceId: string) => `${ws(workspaceId)}/text`;
const textKey = (workspaceId: string) => [...workspaceKey(workspaceId), "text"] as const;
const alertsKey = (workspaceId: string) => [...workspaceKey(workspaceId), "alerts"] as const;
// Enrichments change what the inbox shows (badges, filters).
const feedbackKey = (workspaceId: string) => [...workspaceKey(workspaceId), "feedback"] as const;

const BACKFILL_POLL_MS = 1000;

/** The query string of a request, without empty values. */
export function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params.toString();
}

export function useTextSettings(workspaceId: string) {
  return useQuery({
    queryKey: [...textKey(workspaceId), "settings"],
    queryFn: ({ signal }) => api.get<TextSettings>(`${base(workspaceId)}/settings`, signal),
  });
}

export function useUpdateTextSettings(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (provider: ProviderInput) =>
      api.patch<TextSettings>(`${base(workspaceId)}/settings`, { provider }),
    onSuccess: (data) => queryClient.setQueryData([...textKey(workspaceId), "settings"], data),
  });
}

/** The taxonomy rarely changes and names every aspect in the UI: keep it a while. */
export function useTaxonomy(workspaceId: string) {
  return useQuery({
    queryKey: [...textKey(workspaceId), "taxonomy"],
    queryFn: ({ signal }) => api.get<TaxonomyDoc>(`${base(workspaceId)}/taxonomy`, signal),
    staleTime: 60_000,
  });
}

export function useSaveTaxonomy(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; aspects: AspectDefinition[] }) =>
      api.put<TaxonomyDoc>(`${base(workspaceId)}/taxonomy`, body),
    onSuccess: (data) => {
      queryClient.setQueryData([...textKey(workspaceId), "taxonomy"], data);
      void queryClient.invalidateQueries({ queryKey: [...textKey(workspaceId), "settings"] });
    },
  });
}

export function useResetTaxonomy(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<TaxonomyDoc>(`${base(workspaceId)}/taxonomy`),
    onSuccess: (data) => {
      queryClient.setQueryData([...textKey(workspaceId), "taxonomy"], data);
      void queryClient.invalidateQueries({ queryKey: [...textKey(workspaceId), "settings"] });
    },
  });
}

export function useAnalyze(workspaceId: string) {
  return useMutation({
    mutationFn: (body: { text: string; language?: "de" | "en" }) =>
      api.post<TextAnalysis>(`${base(workspaceId)}/analyze`, body),
  });
}

export function useTrend(workspaceId: string, query: TrendQuery) {
  const qs = queryString(query);
  return useQuery({
    queryKey: [...textKey(workspaceId), "trend", qs],
    queryFn: ({ signal }) => api.get<TrendResult>(`${base(workspaceId)}/trend?${qs}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useKeywords(workspaceId: string, query: KeywordsQuery) {
  const qs = queryString(query);
  return useQuery({
    queryKey: [...textKey(workspaceId), "keywords", qs],
    queryFn: ({ signal }) =>
      api.get<{ items: KeywordCount[] }>(`${base(workspaceId)}/keywords?${qs}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTopics(workspaceId: string) {
  return useQuery({
    queryKey: [...textKey(workspaceId), "topics"],
    queryFn: ({ signal }) => api.get<TopicsRun>(`${base(workspaceId)}/topics`, signal),
  });
}

export function useDiscoverTopics(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { from?: string; to?: string; k?: number }) =>
      api.post<TopicsRun>(`${base(workspaceId)}/topics/discover`, body),
    onSuccess: (data) => queryClient.setQueryData([...textKey(workspaceId), "topics"], data),
  });
}

export function useAlerts(workspaceId: string, acknowledged: boolean) {
  return useQuery({
    queryKey: [...alertsKey(workspaceId), acknowledged],
    queryFn: ({ signal }) =>
      api.get<Page<Alert>>(
        `${ws(workspaceId)}/alerts?kind=emerging_topic&acknowledged=${acknowledged}&limit=20`,
        signal,
      ),
  });
}

export function useAcknowledgeAlert(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.post<Alert>(`${ws(workspaceId)}/alerts/${encodeURIComponent(id)}/acknowledge`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertsKey(workspaceId) }),
  });
}

/** The newest backfills; the first one may still be running. */
export function useBackfills(workspaceId: string) {
  return useQuery({
    queryKey: [...textKey(workspaceId), "backfills"],
    queryFn: ({ signal }) => api.get<{ items: TextBackfill[] }>(`${base(workspaceId)}/backfills`, signal),
  });
}

export function useStartBackfill(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<TextBackfill>(`${base(workspaceId)}/backfills`),
    onSuccess: (data) => queryClient.setQueryData([...textKey(workspaceId), "backfill", data.id], data),
  });
}

/** One backfill, polled while it runs; when it ends, everything derived from enrichments is refetched. */
export function useBackfill(workspaceId: string, id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...textKey(workspaceId), "backfill", id],
    queryFn: async ({ signal }) => {
      const backfill = await api.get<TextBackfill>(
        `${base(workspaceId)}/backfills/${encodeURIComponent(id ?? "")}`,
        signal,
      );
      if (backfill.status !== "running") {
        for (const part of ["trend", "keywords", "topics", "backfills"]) {
          void queryClient.invalidateQueries({ queryKey: [...textKey(workspaceId), part] });
        }
        void queryClient.invalidateQueries({ queryKey: feedbackKey(workspaceId) });
      }
      return backfill;
    },
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.status === "running" ? BACKFILL_POLL_MS : false),
  });
}

/** `key → label` in the UI language, from the workspace's taxonomy. */
export function useAspectLabel(workspaceId: string) {
  const { t, i18n } = useTranslation();
  const taxonomy = useTaxonomy(workspaceId);
  const aspects = taxonomy.data?.aspects;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the labeller reads the UI language
  return useMemo(() => aspectLabeller(aspects, t), [aspects, t, i18n.language]);
}

/**
 * The taxonomy's enabled aspects as select options, labelled in the UI language; a key in the URL
 * that the taxonomy no longer has stays selectable, so the filter never silently disappears.
 */
export function useAspectOptions(workspaceId: string, current = "") {
  const taxonomy = useTaxonomy(workspaceId);
  const label = useAspectLabel(workspaceId);
  const keys = (taxonomy.data?.aspects ?? []).filter((a) => a.enabled).map((a) => a.key);
  if (current && !keys.includes(current)) keys.push(current);
  return keys
    .map((key) => ({ value: key, label: label(key) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
