import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { workspaceKey } from "../workspaces/hooks";
import type { Case, Cockpit, PainPoint, Queue, TeamView, TimelineEntry } from "./types";

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

const painPointsUrl = (ws: string, journeyId: string) =>
  `${base(ws)}/journeys/${encodeURIComponent(journeyId)}/pain-points`;

export const usePainPoints = (ws: string, journeyId: string) =>
  useQuery({
    queryKey: [...key(ws), "pain-points", journeyId],
    enabled: journeyId !== "",
    queryFn: () => api.get<PainPoint[]>(painPointsUrl(ws, journeyId)),
  });

/** Proposes a pain point as an initiative (again: the same one); the pain points show the link. */
export function usePromotePainPoint(ws: string, journeyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: PainPoint & { title: string }) =>
      api.post(`${painPointsUrl(ws, journeyId)}/promote`, {
        touchpointId: p.touchpointId,
        stepId: p.stepId,
        rootCause: p.rootCause,
        title: p.title,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...key(ws), "pain-points", journeyId] }),
  });
}

export const useTeamView = (ws: string, teamId: string) =>
  useQuery({
    queryKey: [...key(ws), "team", teamId],
    enabled: teamId !== "",
    queryFn: () => api.get<TeamView>(`${base(ws)}/teams/${encodeURIComponent(teamId)}/cases`),
  });

/** Every change refreshes all case queries (case, timeline, lists, cockpit). */
export function useCaseAction<A>(ws: string, id: string, fn: (url: string, arg: A) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (arg: A) => fn(caseUrl(ws, id), arg),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(ws) }),
  });
}
