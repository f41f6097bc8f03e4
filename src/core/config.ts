/** Runtime configuration. Built from the environment in src/cli or src/server; core never reads env. */
export interface StoreConfig {
  /** Data directory for embedded stores and the lock file. */
  dataDir: string;
  /** PostgreSQL server URL; when absent, PGlite runs embedded in `<dataDir>/pg`. */
  databaseUrl?: string | undefined;
  /** ClickHouse server URL; when absent, chDB runs embedded in `<dataDir>/ch`. */
  clickhouseUrl?: string | undefined;
  /** ClickHouse database holding the facts tables. */
  clickhouseDatabase?: string | undefined;
}

export interface Limits {
  /** Maximum decompressed body size of management API requests, in bytes. */
  maxBodyBytes: number;
  /** Requests per minute per API key or session. */
  rateLimitPerMinute: number;
}

/** Limits of the Segment-compatible ingestion API (`/v1/*`). */
export interface IngestLimits {
  /** Decompressed request body, bytes. */
  maxRequestBytes: number;
  /** One event's JSON, bytes. */
  maxEventBytes: number;
  maxBatchLength: number;
  /** messageId, userId, anonymousId, groupId, previousId, in characters. */
  maxIdLength: number;
  maxDepth: number;
  /** Requests per minute per write key. */
  requestsPerMinute: number;
}

export interface AppConfig {
  /** Public base URL, used in links and to decide whether cookies are `Secure`. */
  publicUrl: string;
  limits: Limits;
  ingest: IngestLimits;
  /** Session lifetime in seconds. */
  sessionTtlSeconds: number;
  /** Directory with the built web app; the server does not serve the UI when absent. */
  webDir?: string | undefined;
  /** Token that identifies the local CLI as the system actor (written to the data directory). */
  systemToken?: string | undefined;
  /** Public respondent endpoints (hosted survey page, widget). */
  surveys: { responsesPerIpPerHour: number };
  /** Outgoing webhooks (survey invitations; later alerts). */
  webhooks: {
    /** Private, loopback and link-local addresses are refused at connect time unless allowed. */
    allowPrivateAddresses: boolean;
    timeoutMs: number;
  };
  /** Take the client address from `X-Forwarded-For` (only behind a reverse proxy that sets it). */
  trustProxy: boolean;
  /** E-mail: the installation's SMTP server, used by workspaces without SMTP settings of their own. */
  mail?: MailConfig | undefined;
}

export interface MailConfig {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`; none: workspaces bring their own. */
  smtpUrl?: string | undefined;
  /** Sender when a workspace sets none. */
  from?: string | undefined;
  /** Connection, greeting and socket timeout per send. */
  timeoutMs?: number | undefined;
}

export const defaultLimits: Limits = { maxBodyBytes: 1_000_000, rateLimitPerMinute: 1200 };

export const defaultIngestLimits: IngestLimits = {
  maxRequestBytes: 500 * 1024,
  maxEventBytes: 32 * 1024,
  maxBatchLength: 1000,
  maxIdLength: 255,
  maxDepth: 64,
  requestsPerMinute: 6000,
};

export function defaultAppConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    publicUrl: "http://localhost:3000",
    limits: defaultLimits,
    ingest: defaultIngestLimits,
    sessionTtlSeconds: 14 * 24 * 3600,
    surveys: { responsesPerIpPerHour: 30 },
    webhooks: { allowPrivateAddresses: false, timeoutMs: 10_000 },
    trustProxy: false,
    ...overrides,
  };
}
