import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ApiError, api } from "../../api/client";
import { workspaceKey } from "../workspaces/hooks";
import type { Scorecard, ScorecardRequest } from "./types";

/** The scorecard is a `POST` that only reads: cached by its body like a `GET`. */
export function useScorecard(workspaceId: string, body: ScorecardRequest | null) {
  return useQuery({
    queryKey: [...workspaceKey(workspaceId), "scorecard", JSON.stringify(body)],
    queryFn: () =>
      api.post<Scorecard>(`/workspaces/${encodeURIComponent(workspaceId)}/analytics/journey-scorecard`, body),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}
