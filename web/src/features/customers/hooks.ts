import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Customer, CustomerSummary, TimelineItem } from "../../api/customers";
import type { Page } from "../../api/types";
import { workspaceKey } from "../workspaces/hooks";

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/customers`;
const customersKey = (workspaceId: string) => [...workspaceKey(workspaceId), "customers"] as const;
const cursorParam = (cursor: string) => (cursor ? `&cursor=${encodeURIComponent(cursor)}` : "");

/** Customers, most recently seen first, 50 a page; `q` searches ids, e-mail addresses and traits. */
export function useCustomers(workspaceId: string, q: string) {
  const qs = new URLSearchParams({ limit: "50", ...(q.trim() && { q: q.trim() }) }).toString();
  return useInfiniteQuery({
    queryKey: [...customersKey(workspaceId), "list", qs],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<CustomerSummary>>(`${base(workspaceId)}?${qs}${cursorParam(pageParam)}`, signal),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(workspaceId: string, customerId: string) {
  return useQuery({
    queryKey: [...customersKey(workspaceId), "one", customerId],
    queryFn: ({ signal }) =>
      api.get<Customer>(`${base(workspaceId)}/${encodeURIComponent(customerId)}`, signal),
  });
}

/** The customer's events and feedback, newest first, 30 a page. */
export function useTimeline(workspaceId: string, customerId: string) {
  return useInfiniteQuery({
    queryKey: [...customersKey(workspaceId), "timeline", customerId],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<TimelineItem>>(
        `${base(workspaceId)}/${encodeURIComponent(customerId)}/timeline?limit=30${cursorParam(pageParam)}`,
        signal,
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Erases the customer (admins): profile, ids and events go, the ids are suppressed. */
export function useEraseCustomer(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (customerId: string) =>
      api.delete<{ customerId: string; merged: number; suppressedIds: number; feedback: number }>(
        `${base(workspaceId)}/${encodeURIComponent(customerId)}`,
      ),
    // Only the lists refetch: the erased profile's own queries would answer 404 while it is shown.
    onSuccess: (_result, customerId) => {
      queryClient.removeQueries({ queryKey: [...customersKey(workspaceId), "one", customerId] });
      queryClient.removeQueries({ queryKey: [...customersKey(workspaceId), "timeline", customerId] });
      return queryClient.invalidateQueries({ queryKey: [...customersKey(workspaceId), "list"] });
    },
  });
}
