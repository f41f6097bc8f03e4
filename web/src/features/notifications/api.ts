import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Page } from "../../api/types";
import { workspaceKey } from "../workspaces/hooks";

export const NOTIFICATION_KINDS = ["alert", "case_assigned", "case_sla_breached", "case_escalated"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type DigestFrequency = "none" | "daily" | "weekly";

export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  severity: "info" | "warning" | "critical";
  sourceId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPreferences {
  email: Record<string, boolean>;
  digest: DigestFrequency;
  nextDigestAt: string | null;
  lastDigestAt: string | null;
}

export interface MailSettings {
  enabled: boolean;
  host: string | null;
  port: number | null;
  security: "tls" | "starttls" | "none";
  username: string | null;
  passwordSet: boolean;
  fromAddress: string | null;
  installationFallback: boolean;
}

export interface MailSettingsInput {
  enabled: boolean;
  host: string | null;
  port: number | null;
  security: MailSettings["security"];
  username: string | null;
  password?: string | null;
  fromAddress: string | null;
}

export interface DigestPreview {
  empty: boolean;
  sent: boolean;
  subject: string;
  text: string;
  html: string;
}

const base = (workspaceId: string) => `/workspaces/${encodeURIComponent(workspaceId)}`;
const notificationsKey = (workspaceId: string) => [...workspaceKey(workspaceId), "notifications"] as const;
const preferencesKey = (workspaceId: string) =>
  [...workspaceKey(workspaceId), "notification-preferences"] as const;
const mailKey = (workspaceId: string) => [...workspaceKey(workspaceId), "mail-settings"] as const;

/** The unread count, polled once a minute while the app is open. */
export function useUnreadCount(workspaceId: string) {
  return useQuery({
    queryKey: [...notificationsKey(workspaceId), "unread-count"],
    queryFn: ({ signal }) =>
      api.get<{ unread: number }>(`${base(workspaceId)}/notifications/unread-count`, signal),
    refetchInterval: 60_000,
    enabled: workspaceId !== "",
  });
}

export function useNotifications(workspaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...notificationsKey(workspaceId), "list"],
    queryFn: ({ signal }) =>
      api.get<Page<AppNotification>>(`${base(workspaceId)}/notifications?limit=20`, signal),
    enabled,
  });
}

export function useMarkRead(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | "all") =>
      id === "all"
        ? api.post(`${base(workspaceId)}/notifications/read-all`)
        : api.post(`${base(workspaceId)}/notifications/${encodeURIComponent(id)}/read`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey(workspaceId) }),
  });
}

export function usePreferences(workspaceId: string) {
  return useQuery({
    queryKey: preferencesKey(workspaceId),
    queryFn: ({ signal }) =>
      api.get<NotificationPreferences>(`${base(workspaceId)}/notification-preferences`, signal),
  });
}

export function useUpdatePreferences(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email?: Partial<Record<NotificationKind, boolean>>; digest?: DigestFrequency }) =>
      api.put<NotificationPreferences>(`${base(workspaceId)}/notification-preferences`, body),
    onSuccess: (data) => queryClient.setQueryData(preferencesKey(workspaceId), data),
  });
}

export function useDigestPreview(workspaceId: string) {
  return useMutation({
    mutationFn: (body: { send: boolean }) =>
      api.post<DigestPreview>(`${base(workspaceId)}/notifications/digest-preview`, body),
  });
}

export function useMailSettings(workspaceId: string) {
  return useQuery({
    queryKey: mailKey(workspaceId),
    queryFn: ({ signal }) => api.get<MailSettings>(`${base(workspaceId)}/mail-settings`, signal),
  });
}

export function useUpdateMailSettings(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MailSettingsInput) =>
      api.put<MailSettings>(`${base(workspaceId)}/mail-settings`, body),
    onSuccess: (data) => queryClient.setQueryData(mailKey(workspaceId), data),
  });
}

export function useTestMail(workspaceId: string) {
  return useMutation({
    mutationFn: (body: { to?: string }) =>
      api.post<{ delivered: boolean; to: string; error: string | null }>(
        `${base(workspaceId)}/mail-settings/test`,
        body,
      ),
  });
}
