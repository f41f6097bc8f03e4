import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, fetchAllPages } from "../../api/client";
import { workspaceKey } from "../workspaces/hooks";
import type { AlertRule, AlertRuleInput, FiredAlert, RuleCheck } from "./types";

const RULE_ALERT_KINDS = ["metric.threshold", "metric.change", "metric.anomaly", "topic.emerging"] as const;
const ws = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}`;
const base = (workspaceId: string) => `${ws(workspaceId)}/alert-rules`;
const key = (workspaceId: string) => [...workspaceKey(workspaceId), "alert-rules"];

export function useAlertRules(workspaceId: string) {
  return useQuery({
    queryKey: key(workspaceId),
    queryFn: ({ signal }) => fetchAllPages<AlertRule>(base(workspaceId), signal),
  });
}

/** The alerts raised by alert rules (kinds `metric.*` and `topic.emerging`), newest first. */
export function useRuleAlerts(workspaceId: string) {
  return useQuery({
    queryKey: [...key(workspaceId), "alerts"],
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        RULE_ALERT_KINDS.map((kind) =>
          api.get<{ items: FiredAlert[] }>(`${ws(workspaceId)}/alerts?kind=${kind}&limit=50`, signal),
        ),
      );
      // Newest first across the kinds (ids are time-ordered), the latest 50.
      return pages
        .flatMap((p) => p.items)
        .sort((a, b) => (a.id < b.id ? 1 : -1))
        .slice(0, 50);
    },
  });
}

export function useTeams(workspaceId: string) {
  return useQuery({
    queryKey: [...workspaceKey(workspaceId), "teams"],
    queryFn: () => api.get<{ id: string; name: string }[]>(`${ws(workspaceId)}/teams`),
  });
}

export function useKpiList(workspaceId: string) {
  return useQuery({
    queryKey: [...workspaceKey(workspaceId), "kpis", "list"],
    queryFn: async () =>
      (
        await api.get<{ items: { id: string; name: string; unit: string; direction: "higher" | "lower" }[] }>(
          `${ws(workspaceId)}/kpis`,
        )
      ).items,
  });
}

export function useSaveAlertRule(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: AlertRuleInput }) => {
      if (!id) return api.post<AlertRule>(base(workspaceId), input);
      const { kind: _kind, ...patch } = input;
      return api.patch<AlertRule>(`${base(workspaceId)}/${encodeURIComponent(id)}`, patch);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: key(workspaceId) }),
  });
}

export function useDeleteAlertRule(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`${base(workspaceId)}/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(workspaceId) }),
  });
}

export function useCheckAlertRule(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.post<{ rule: AlertRule; check: RuleCheck; raised: FiredAlert[] }>(
        `${base(workspaceId)}/${encodeURIComponent(id)}/check`,
        {},
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(workspaceId) }),
  });
}

export function usePreviewAlertRule(workspaceId: string) {
  return useMutation({
    mutationFn: (input: AlertRuleInput) => api.post<RuleCheck>(`${base(workspaceId)}/preview`, input),
  });
}
