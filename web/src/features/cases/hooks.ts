import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { workspaceKey } from "../workspaces/hooks";
import type { Case, Cockpit, Queue, TimelineEntry } from "./types";

const base = (ws: string) => `/workspaces/${encodeURIComponent(ws)}`;
const key = (ws: string) => [...workspaceKey(ws), "cases"];
const caseUrl = (ws: string, id: string) => `${base(ws)}/cases/${encodeURIComponent(id)}`;

export const useCaseQueue = (ws: string) =>
  useQuery({ queryKey: [...key(ws), "queue"], queryFn: () => api.get<Queue>(`${base(ws)}/cases/queue`) });

export const useCases = (ws: string, status: string) =>
  useQuery({
    queryKey: [...key(ws), "list", status],
    queryFn: async () =>
      (await api.get<{ items: Case[] }>(`${base(ws)}/cases?limit=100${status ? `&status=${status}` : ""}`))
        .items,
  });

export const useCase = (ws: string, id: string) =>
  useQuery({ queryKey: [...key(ws), "one", id], queryFn: () => api.get<Case>(caseUrl(ws, id)) });

export const useTimeline = (ws: string, id: string) =>
  useQuery({
    queryKey: [...key(ws), "timeline", id],
    queryFn: () => api.get<TimelineEntry[]>(`${caseUrl(ws, id)}/timeline`),
  });

export const useCockpit = (ws: string, journeyId: string) =>
  useQuery({
    queryKey: [...key(ws), "cockpit", journeyId],
    enabled: journeyId !== "",
    queryFn: () => api.get<Cockpit>(`${base(ws)}/journeys/${encodeURIComponent(journeyId)}/cases/cockpit`),
  });

/** Every change refreshes all case queries (case, timeline, lists, cockpit). */
export function useCaseAction<A>(ws: string, id: string, fn: (url: string, arg: A) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (arg: A) => fn(caseUrl(ws, id), arg),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(ws) }),
  });
}
