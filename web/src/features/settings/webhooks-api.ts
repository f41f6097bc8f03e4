import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { workspaceKey } from "../workspaces/hooks";

export const WEBHOOK_EVENT_TYPES = [
  "case.created",
  "case.assigned",
  "case.sla_breached",
  "case.resolved",
  "response.finished",
  "feedback.created",
  "alert.fired",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  disabledReason: string | null;
  allowPrivate: boolean;
  secretHint: string;
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookEndpointWithSecret extends WebhookEndpoint {
  secret: string;
}

export interface WebhookAttempt {
  attempt: number;
  trigger: "auto" | "replay" | "test";
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  succeeded: boolean;
  createdAt: string;
}

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventType: string;
  payload: unknown;
  status: "pending" | "succeeded" | "failed";
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  test: boolean;
  createdAt: string;
  attemptLog: WebhookAttempt[];
}

export interface NewWebhookEndpoint {
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  allowPrivate: boolean;
}

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}/webhooks`;
const endpointsKey = (workspaceId: string) => [...workspaceKey(workspaceId), "webhooks"] as const;
const deliveriesKey = (workspaceId: string, endpointId: string) =>
  [...endpointsKey(workspaceId), endpointId, "deliveries"] as const;

export function useWebhookEndpoints(workspaceId: string) {
  return useQuery({
    queryKey: endpointsKey(workspaceId),
    queryFn: async ({ signal }) =>
      (await api.get<{ items: WebhookEndpoint[] }>(base(workspaceId), signal)).items,
  });
}

export function useWebhookSettings(workspaceId: string) {
  return useQuery({
    queryKey: [...endpointsKey(workspaceId), "settings"],
    queryFn: ({ signal }) =>
      api.get<{ allowPrivateTargets: boolean }>(`${base(workspaceId)}/settings`, signal),
  });
}

/** Every change to endpoints refreshes the list (and with it the delivery logs below it). */
function useEndpointMutation<I, O>(workspaceId: string, fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: endpointsKey(workspaceId) }),
  });
}

export function useCreateWebhook(workspaceId: string) {
  return useEndpointMutation(workspaceId, (body: NewWebhookEndpoint) =>
    api.post<WebhookEndpointWithSecret>(base(workspaceId), body),
  );
}

export function useUpdateWebhook(workspaceId: string) {
  return useEndpointMutation(workspaceId, ({ id, ...body }: { id: string; enabled: boolean }) =>
    api.patch<WebhookEndpoint>(`${base(workspaceId)}/${encodeURIComponent(id)}`, body),
  );
}

export function useDeleteWebhook(workspaceId: string) {
  return useEndpointMutation(workspaceId, (id: string) =>
    api.delete<void>(`${base(workspaceId)}/${encodeURIComponent(id)}`),
  );
}

export function useRotateWebhookSecret(workspaceId: string) {
  return useEndpointMutation(workspaceId, (id: string) =>
    api.post<WebhookEndpointWithSecret>(`${base(workspaceId)}/${encodeURIComponent(id)}/rotate-secret`),
  );
}

export function useTestWebhook(workspaceId: string) {
  return useEndpointMutation(workspaceId, (id: string) =>
    api.post<WebhookDelivery>(`${base(workspaceId)}/${encodeURIComponent(id)}/test`, {}),
  );
}

export function useWebhookDeliveries(workspaceId: string, endpointId: string) {
  return useQuery({
    queryKey: deliveriesKey(workspaceId, endpointId),
    queryFn: async ({ signal }) =>
      (
        await api.get<{ items: WebhookDelivery[]; nextCursor: string | null }>(
          `${base(workspaceId)}/${encodeURIComponent(endpointId)}/deliveries?limit=50`,
          signal,
        )
      ).items,
  });
}

export function useReplayDelivery(workspaceId: string, endpointId: string) {
  return useEndpointMutation(workspaceId, (deliveryId: string) =>
    api.post<WebhookDelivery>(
      `${base(workspaceId)}/${encodeURIComponent(endpointId)}/deliveries/${encodeURIComponent(deliveryId)}/replay`,
    ),
  );
}
