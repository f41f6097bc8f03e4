import { createRoute, z } from "@hono/zod-openapi";
import { mailOptions } from "../../core/notifications/deliver-mail.js";
import { kpiTrends } from "../../core/notifications/kpi-trends.js";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  unreadCount,
} from "../../core/notifications/list-notifications.js";
import { getMailSettings, updateMailSettings } from "../../core/notifications/mail-settings.js";
import {
  ZDigestPreview,
  ZDigestPreviewRequest,
  ZMailSettings,
  ZMailTest,
  ZMailTestResult,
  ZNotification,
  ZNotificationListQuery,
  ZNotificationPreferences,
  ZUnreadCount,
  ZUpdateMailSettings,
  ZUpdateNotificationPreferences,
} from "../../core/notifications/notifications.schema.js";
import {
  getNotificationPreferences,
  updateNotificationPreferences,
} from "../../core/notifications/preferences.js";
import { previewDigest } from "../../core/notifications/run-digest.js";
import { sendTestMail } from "../../core/notifications/test-mail.js";
import { requireWorkspace } from "../middleware/auth.js";
import { conflictResponse, errorResponses, json, jsonBody, named, router, security } from "../openapi.js";
import { ctx, page, WorkspaceParams } from "./shared.js";

const ws = "/api/v1/workspaces/{workspaceId}";
const base = `${ws}/notifications`;
const tags = ["notifications"];
const ZNotificationSchema = named(ZNotification, "Notification");
const ZPreferencesSchema = named(ZNotificationPreferences, "NotificationPreferences");
const ZMailSettingsSchema = named(ZMailSettings, "MailSettings");
const NotificationParams = WorkspaceParams.extend({
  notificationId: z.string().openapi({ param: { name: "notificationId", in: "path" } }),
});
// Reading and marking one's own notifications is no write to the workspace: every member may.
const member = [requireWorkspace("read")];
const admin = [requireWorkspace("admin")];

/** In-app notifications, the caller's preferences and digests, and the workspace's SMTP settings (docs/api/act.md). */
export function notificationRoutes() {
  const app = router();

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags,
      summary: "The caller's notifications, newest first (cursor pages); `unread=true` for unread only",
      security,
      middleware: member,
      request: { params: WorkspaceParams, query: ZNotificationListQuery },
      responses: {
        200: { description: "Page of notifications", ...json(page(ZNotificationSchema)) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listNotifications(ctx(c), c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/unread-count`,
      tags,
      summary: "How many of the caller's notifications are unread",
      security,
      middleware: member,
      request: { params: WorkspaceParams },
      responses: { 200: { description: "The count", ...json(ZUnreadCount) }, ...errorResponses },
    }),
    async (c) => c.json(await unreadCount(ctx(c)), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/read-all`,
      tags,
      summary: "Mark all of the caller's notifications as read",
      security,
      middleware: member,
      request: { params: WorkspaceParams },
      responses: {
        200: { description: "How many changed", ...json(z.object({ updated: z.number().int() })) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await markAllNotificationsRead(ctx(c)), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/digest-preview`,
      tags,
      summary: "The caller's digest as it would be sent now; `send: true` also e-mails it",
      security,
      middleware: member,
      request: { params: WorkspaceParams, ...jsonBody(ZDigestPreviewRequest, { send: false }) },
      responses: {
        200: { description: "The digest", ...json(ZDigestPreview) },
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const stores = c.get("stores");
      const trends = kpiTrends(stores.sor.db, stores.facts);
      const body = c.req.valid("json");
      return c.json(await previewDigest(ctx(c), body, c.get("config").publicUrl, new Date(), trends), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{notificationId}/read`,
      tags,
      summary: "Mark one of the caller's notifications as read (again: unchanged)",
      security,
      middleware: member,
      request: { params: NotificationParams },
      responses: {
        200: { description: "The notification", ...json(ZNotificationSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await markNotificationRead(ctx(c), c.req.valid("param").notificationId), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${ws}/notification-preferences`,
      tags,
      summary: "The caller's e-mail choices per kind and digest frequency",
      security,
      middleware: member,
      request: { params: WorkspaceParams },
      responses: { 200: { description: "The preferences", ...json(ZPreferencesSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await getNotificationPreferences(ctx(c)), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: `${ws}/notification-preferences`,
      tags,
      summary: "Change the caller's e-mail choices and digest (daily or weekly at 07:00 Europe/Berlin)",
      security,
      middleware: member,
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZUpdateNotificationPreferences, { email: { case_assigned: true }, digest: "daily" }),
      },
      responses: { 200: { description: "The preferences", ...json(ZPreferencesSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await updateNotificationPreferences(ctx(c), c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${ws}/mail-settings`,
      tags,
      summary: "SMTP settings of the workspace (the password is never returned)",
      security,
      middleware: admin,
      request: { params: WorkspaceParams },
      responses: { 200: { description: "The settings", ...json(ZMailSettingsSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await getMailSettings(ctx(c), c.get("config").mail), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: `${ws}/mail-settings`,
      tags,
      summary: "Set the workspace's SMTP server, or use the installation's (`host: null`)",
      security,
      middleware: admin,
      request: {
        params: WorkspaceParams,
        ...jsonBody(ZUpdateMailSettings, {
          enabled: true,
          host: "smtp.example.com",
          port: 587,
          security: "starttls",
          username: "journeylens",
          password: "app-password",
          fromAddress: "cx@example.com",
        }),
      },
      responses: { 200: { description: "The settings", ...json(ZMailSettingsSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await updateMailSettings(ctx(c), c.get("config").mail, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${ws}/mail-settings/test`,
      tags,
      summary: "Send a test e-mail now with the stored settings (to the caller unless `to` is given)",
      security,
      middleware: admin,
      request: { params: WorkspaceParams, ...jsonBody(ZMailTest, { to: "cx@example.com" }) },
      responses: {
        200: { description: "Whether it was accepted", ...json(ZMailTestResult) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await sendTestMail(ctx(c), mailOptions(c.get("config")), c.req.valid("json")), 200),
  );

  return app;
}
