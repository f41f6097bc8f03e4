import { z } from "zod";
import { ALERT_SEVERITIES } from "../alerts/alerts.schema.js";
import { ZPageQuery } from "../pagination.js";

/** Kinds raised by Journeylens itself; `notify` accepts others (their e-mails are on by default). */
export const NOTIFICATION_KINDS = ["alert", "case_assigned", "case_sla_breached", "case_escalated"] as const;
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const DIGEST_FREQUENCIES = ["none", "daily", "weekly"] as const;
export const MAIL_SECURITY = ["tls", "starttls", "none"] as const;

export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  /** User text (an alert's or a case's title): render it as text, never as markup. */
  title: z.string(),
  body: z.string(),
  /** A path inside the app (`/w/…`), or null. */
  link: z.string().nullable(),
  severity: z.enum(ALERT_SEVERITIES),
  sourceId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationListQuery = ZPageQuery.extend({
  unread: z.enum(["true", "false"]).optional(),
});
export type TNotificationListQuery = z.infer<typeof ZNotificationListQuery>;

export const ZUnreadCount = z.object({ unread: z.number().int() });

export const ZNotificationPreferences = z.object({
  /** E-mail on or off per kind; every known kind is listed. */
  email: z.record(z.string(), z.boolean()),
  digest: z.enum(DIGEST_FREQUENCIES),
  /** When the next digest is due (Europe/Berlin 07:00), or null without a digest. */
  nextDigestAt: z.string().nullable(),
  lastDigestAt: z.string().nullable(),
});
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;

export const ZUpdateNotificationPreferences = z.strictObject({
  email: z.partialRecord(z.enum(NOTIFICATION_KINDS), z.boolean()).optional(),
  digest: z.enum(DIGEST_FREQUENCIES).optional(),
});
export type TUpdateNotificationPreferences = z.infer<typeof ZUpdateNotificationPreferences>;

const hostname = z
  .string()
  .max(253)
  .regex(/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:.]+\]?$/, "a host name or IP address");

export const ZMailSettings = z.object({
  enabled: z.boolean(),
  /** Null: the installation's SMTP server (JOURNEYLENS_SMTP_URL) is used. */
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  security: z.enum(MAIL_SECURITY),
  username: z.string().nullable(),
  /** The password itself is never returned. */
  passwordSet: z.boolean(),
  fromAddress: z.string().nullable(),
  /** Whether the installation has an SMTP server of its own (the fallback for `host: null`). */
  installationFallback: z.boolean(),
});
export type TMailSettings = z.infer<typeof ZMailSettings>;

export const ZUpdateMailSettings = z.strictObject({
  enabled: z.boolean(),
  host: hostname.nullable().default(null),
  port: z.number().int().min(1).max(65535).nullable().default(null),
  security: z.enum(MAIL_SECURITY).default("starttls"),
  username: z.string().max(320).nullable().default(null),
  /** Omitted: keep the stored password; null: remove it. */
  password: z.string().max(1000).nullable().optional(),
  fromAddress: z.email().max(320).nullable().default(null),
});
export type TUpdateMailSettings = z.infer<typeof ZUpdateMailSettings>;

export const ZMailTest = z.strictObject({
  /** Recipient; the caller's own address when omitted. */
  to: z.email().max(320).optional(),
});
export type TMailTest = z.infer<typeof ZMailTest>;

export const ZMailTestResult = z.object({
  delivered: z.boolean(),
  to: z.string(),
  error: z.string().nullable(),
});
export type TMailTestResult = z.infer<typeof ZMailTestResult>;

export const ZDigestCase = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  dueAt: z.string(),
  breached: z.boolean(),
  /** Due within the next 24 hours and not breached yet. */
  dueSoon: z.boolean(),
});

export const ZDigestJourneyCase = z.object({
  id: z.string(),
  title: z.string(),
  /** What happened to it in the period. */
  change: z.enum(["opened", "breached", "resolved"]),
});

export const ZDigest = z.object({
  frequency: z.enum(["daily", "weekly"]),
  from: z.string(),
  to: z.string(),
  /** Open cases assigned to the person (agents and anyone with cases). */
  myCases: z.array(ZDigestCase),
  /** Cases of journeys the person owns, opened, breached or resolved in the period. */
  journeys: z.array(
    z.object({
      journeyId: z.string(),
      journeyTitle: z.string(),
      opened: z.number().int(),
      breached: z.number().int(),
      resolved: z.number().int(),
      cases: z.array(ZDigestJourneyCase),
    }),
  ),
  /** KPIs that got worse, last 7 days against the 7 before (owners, admins, analysts). */
  kpis: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      unit: z.string(),
      current: z.number(),
      previous: z.number(),
      change: z.number(),
    }),
  ),
  /** Alerts fired in the period (owners, admins, analysts). */
  alerts: z.array(
    z.object({ id: z.string(), title: z.string(), severity: z.string(), createdAt: z.string() }),
  ),
});
export type TDigest = z.infer<typeof ZDigest>;

export const ZDigestPreviewRequest = z.strictObject({
  /** Also send it by e-mail now (without moving the schedule). */
  send: z.boolean().default(false),
  frequency: z.enum(["daily", "weekly"]).optional(),
});
export type TDigestPreviewRequest = z.infer<typeof ZDigestPreviewRequest>;

export const ZDigestPreview = z.object({
  empty: z.boolean(),
  sent: z.boolean(),
  digest: ZDigest,
  subject: z.string(),
  text: z.string(),
  html: z.string(),
});
export type TDigestPreview = z.infer<typeof ZDigestPreview>;
