import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { api } from "../../api/client";
import type {
  Feedback,
  FeedbackDetail,
  FeedbackImportMapping,
  FeedbackImportPreview,
  FeedbackImportResult,
  FeedbackPatch,
} from "../../api/listen";
import type { Page } from "../../api/types";
import { workspaceKey } from "../workspaces/hooks";

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/feedback`;
const feedbackKey = (workspaceId: string) => [...workspaceKey(workspaceId), "feedback"] as const;

export const INBOX_FILTERS = [
  "q",
  "channel",
  "surveyId",
  "touchpointId",
  "journeyId",
  "band",
  "language",
  "from",
  "to",
  "hasText",
  "flagged",
  "customerId",
  "sentiment",
  "aspect",
] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];
export type InboxQuery = Partial<Record<InboxFilter, string>>;

const PAGE_SIZE = 50;

/** The inbox, newest first, one page of 50 at a time. */
export function useFeedbackList(workspaceId: string, query: InboxQuery) {
  const params = new URLSearchParams();
  for (const name of INBOX_FILTERS) {
    const value = query[name]?.trim();
    if (value) params.set(name, value);
  }
  params.set("limit", String(PAGE_SIZE));
  const qs = params.toString();
  return useInfiniteQuery({
    queryKey: [...feedbackKey(workspaceId), "list", qs],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Feedback>>(
        `${base(workspaceId)}?${qs}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`,
        signal,
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useFeedback(workspaceId: string, feedbackId: string) {
  return useQuery({
    queryKey: [...feedbackKey(workspaceId), "one", feedbackId],
    queryFn: ({ signal }) =>
      api.get<FeedbackDetail>(`${base(workspaceId)}/${encodeURIComponent(feedbackId)}`, signal),
    enabled: Boolean(feedbackId),
  });
}

export function useUpdateFeedback(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: FeedbackPatch }) =>
      api.patch<Feedback>(`${base(workspaceId)}/${encodeURIComponent(id)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedbackKey(workspaceId) }),
  });
}

export type ImportFormat = "csv" | "xlsx" | "json";
export const IMPORT_CONTENT_TYPES: Record<ImportFormat, string> = {
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json",
};

export function useImportPreview(workspaceId: string) {
  return useMutation({
    mutationFn: ({ file, format }: { file: Blob; format: ImportFormat }) =>
      api.upload<FeedbackImportPreview>(
        `${base(workspaceId)}/import/preview`,
        file,
        IMPORT_CONTENT_TYPES[format],
      ),
  });
}

export function useImportFeedback(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      file,
      format,
      channel,
      mapping,
    }: {
      file: Blob;
      format: ImportFormat;
      channel: string;
      mapping: FeedbackImportMapping;
    }) =>
      api.upload<FeedbackImportResult>(
        `${base(workspaceId)}/import?channel=${encodeURIComponent(channel)}&mapping=${encodeURIComponent(JSON.stringify(mapping))}`,
        file,
        IMPORT_CONTENT_TYPES[format],
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedbackKey(workspaceId) }),
  });
}
