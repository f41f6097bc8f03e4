import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

export type Role = "owner" | "admin" | "analyst" | "agent" | "viewer";
export type Scope = "ingest" | "read" | "write" | "admin";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface WorkspacesTable {
  id: string;
  name: string;
  slug: string;
  created_at: Timestamp;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: string;
  created_at: Timestamp;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiKeysTable {
  id: string;
  workspace_id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  scopes: Json<Scope[]>;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export type AuditOutcome = "success" | "denied" | "failed";

export interface AuditLogTable {
  id: string;
  workspace_id: string | null;
  actor_type: "user" | "api_key" | "system";
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  outcome: AuditOutcome;
  details: Json<Record<string, unknown>>;
  request_id: string | null;
  created_at: Timestamp;
}

export type OutboxStatus = "pending" | "processing" | "done" | "parked";

export interface OutboxTable {
  id: Generated<string>;
  workspace_id: string;
  topic: string;
  payload: Json<unknown>;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  available_at: Timestamp;
  locked_until: Timestamp | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: Timestamp;
  completed_at: Timestamp | null;
}

export interface IdempotencyKeysTable {
  principal: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  created_at: Timestamp;
}

export type TouchpointKind = "direct" | "indirect" | "hidden";

export interface TouchpointsTable {
  id: string;
  workspace_id: string;
  /** Stable natural key (slug), unique per workspace: imports upsert by it. */
  key: string;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  channel: string;
  kind: TouchpointKind;
  department: string | null;
  owner_user_id: string | null;
  owner_team: string | null;
  tags: Json<string[]>;
  signature: ColumnType<boolean, boolean | undefined, boolean>;
  /** numeric(2,1): PostgreSQL returns it as a string. */
  internal_rating: ColumnType<string | null, number | null | undefined, number | null>;
  internal_rating_by: string | null;
  internal_rating_at: Timestamp | null;
  event_matchers: Json<unknown[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonasTable {
  id: string;
  workspace_id: string;
  key: string;
  name: string;
  quote: ColumnType<string, string | undefined, string>;
  description: ColumnType<string, string | undefined, string>;
  avatar_color: ColumnType<string, string | undefined, string>;
  goals: Json<string[]>;
  needs: Json<string[]>;
  frustrations: Json<string[]>;
  channels: Json<string[]>;
  segment_rule: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type JourneyStatus = "draft" | "as_is" | "to_be" | "archived";

export interface JourneysTable {
  id: string;
  workspace_id: string;
  title: string;
  scenario: ColumnType<string, string | undefined, string>;
  persona_id: string | null;
  owner_user_id: string | null;
  status: JourneyStatus;
  version: number;
  document: Json<unknown>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface JourneyRevisionsTable {
  journey_id: string;
  workspace_id: string;
  version: number;
  document: Json<unknown>;
  author_type: "user" | "api_key" | "system";
  author_id: string | null;
  summary: Json<Record<string, unknown>>;
  created_at: Timestamp;
}

export type SurveyStatus = "draft" | "active" | "closed";
export type Language = "de" | "en";

export interface SurveysTable {
  id: string;
  workspace_id: string;
  name: string;
  status: SurveyStatus;
  default_language: Language;
  /** The survey definition (questions, texts); see core/surveys/surveys.schema.ts. */
  definition: Json<unknown>;
  touchpoint_id: string | null;
  journey_id: string | null;
  /** A step id inside the journey's document (not a foreign key). */
  step_id: string | null;
  settings: Json<Record<string, unknown>>;
  version: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SurveyLinksTable {
  id: string;
  workspace_id: string;
  survey_id: string;
  /** SHA-256 of the link token; the token itself is only ever in the link. */
  token_hash: string;
  customer_id: string | null;
  /** Hidden fields (e.g. order id) attached to the response made through this link. */
  hidden: Json<Record<string, string>>;
  language: Language | null;
  single_use: ColumnType<boolean, boolean | undefined, boolean>;
  expires_at: Timestamp | null;
  invitation_id: string | null;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

export type FeedbackKind = "survey_response" | "unsolicited";
export type ScoreBand = "negative" | "neutral" | "positive";

/** One rating inside a feedback record, on its own scale. */
export interface StoredRating {
  metric: "nps" | "csat" | "ces" | "rating";
  value: number;
  min: number;
  max: number;
  /** The survey question it answers; absent for unsolicited feedback. */
  questionId?: string;
}

export interface FeedbackTable {
  id: string;
  workspace_id: string;
  kind: FeedbackKind;
  channel: string;
  /** Dedup key (channel + external id, or a content hash for imports): re-sending adds nothing. */
  source_key: string | null;
  survey_id: string | null;
  link_id: string | null;
  /** Client-chosen id of one survey submission: double submits collapse into one response. */
  submission_id: string | null;
  received_at: Timestamp;
  /** The customer's primary identity (user id, else `email:<address>`, else anonymous id …). */
  customer_id: string | null;
  customer: Json<Record<string, unknown>>;
  touchpoint_id: string | null;
  journey_id: string | null;
  step_id: string | null;
  ratings: Json<StoredRating[]>;
  score_band: ScoreBand | null;
  /** Survey answers by question id. */
  answers: Json<Record<string, unknown>>;
  title: string | null;
  text: ColumnType<string, string | undefined, string>;
  language: string | null;
  metadata: Json<Record<string, unknown>>;
  finished: ColumnType<boolean, boolean | undefined, boolean>;
  finished_at: Timestamp | null;
  flagged: ColumnType<boolean, boolean | undefined, boolean>;
  flag_reason: string | null;
  edit_token_hash: string | null;
  ip_hash: string | null;
  /** Bumped on every change; the facts store keeps the highest. */
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type InvitationStatus = "scheduled" | "sent" | "failed" | "suppressed_fatigue" | "suppressed_sampling";

export interface SurveyTriggersTable {
  id: string;
  workspace_id: string;
  survey_id: string;
  name: string;
  /** `{ event, where? }` as in touchpoint event matchers. */
  matcher: Json<{ event: string; where?: string | null }>;
  delay_seconds: ColumnType<number, number | undefined, number>;
  channel: "webhook" | "email";
  /** webhook: `{ url, secret }`; email: `{ url, secret, subject?, … }` (a mail relay endpoint). */
  target: Json<Record<string, unknown>>;
  /** numeric(5,4): PostgreSQL returns it as a string. */
  sample_rate: ColumnType<string, number | undefined, number>;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SurveyInvitationsTable {
  id: string;
  workspace_id: string;
  survey_id: string;
  trigger_id: string | null;
  customer_id: string;
  /** Message id of the event that fired the trigger: one invitation per trigger and event. */
  event_id: string;
  event_name: string;
  status: InvitationStatus;
  link_id: string | null;
  scheduled_for: Timestamp | null;
  sent_at: Timestamp | null;
  error: string | null;
  created_at: Timestamp;
}

export interface SurveyContactsTable {
  workspace_id: string;
  customer_id: string;
  last_invited_at: Timestamp;
}

export interface SurveySettingsTable {
  workspace_id: string;
  fatigue_days: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

/** Text analytics settings per workspace (docs/api/understand.md). */
export interface TextSettingsTable {
  workspace_id: string;
  /** The workspace's aspect taxonomy; null = the built-in default. */
  taxonomy: Json<unknown> | null;
  provider: ColumnType<unknown, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  emerging_checked_at: Timestamp | null;
  updated_at: Timestamp;
}

export type Polarity = "negative" | "neutral" | "positive";

export interface FeedbackEnrichmentsTable {
  feedback_id: string;
  workspace_id: string;
  input_hash: string;
  engine: string;
  language: "de" | "en" | "other";
  sentiment: Polarity;
  sentiment_score: number;
  aspect_keys: ColumnType<string[], string[] | undefined, string[]>;
  /** A `TextAnalysis` (src/core/text/analysis.ts). */
  analysis: Json<unknown>;
  topic_id: string | null;
  revision: ColumnType<number, number | undefined, number>;
  enriched_at: Timestamp;
}

export interface TextProviderCacheTable {
  workspace_id: string;
  key: string;
  result: Json<unknown>;
  created_at: Timestamp;
}

export interface TextTopicsTable {
  id: string;
  workspace_id: string;
  run_id: string;
  label: string;
  keywords: string[];
  size: number;
  sample_feedback_ids: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
}

export type BackfillStatus = "running" | "done" | "failed" | "cancelled";

export interface TextBackfillsTable {
  id: string;
  workspace_id: string;
  status: BackfillStatus;
  total: number;
  processed: ColumnType<number, number | undefined, number>;
  cursor: string | null;
  error: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
}

export type AlertSeverity = "info" | "warning" | "critical";

export interface AlertsTable {
  id: string;
  workspace_id: string;
  kind: string;
  dedupe_key: string;
  severity: ColumnType<AlertSeverity, AlertSeverity | undefined, AlertSeverity>;
  title: string;
  details: ColumnType<unknown, string | undefined, string>;
  created_at: Timestamp;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
}

export interface FailedEventsTable {
  id: string;
  workspace_id: string;
  source: "http" | "import" | "replay";
  code: string;
  message: string;
  message_id: string | null;
  /** The raw payload as received (JSON text), cut at 64 KB (`truncated`). */
  payload: string;
  truncated: ColumnType<boolean, boolean | undefined, boolean>;
  status: ColumnType<"failed" | "replayed", "failed" | "replayed" | undefined, "failed" | "replayed">;
  received_at: Timestamp;
  replayed_at: Timestamp | null;
}

export interface CustomersTable {
  id: string;
  workspace_id: string;
  traits: ColumnType<Record<string, unknown>, string | undefined, string>;
  consent: Json<unknown> | null;
  first_seen: Timestamp;
  last_seen: Timestamp;
  merged_into: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface JourneyInstanceStateTable {
  workspace_id: string;
  watermark: Timestamp | null;
  /** Journey id → hash of the definition its instances were computed from. */
  definitions: ColumnType<Record<string, string>, string | undefined, string>;
  enqueued_at: Timestamp | null;
  refreshed_at: Timestamp | null;
  last_result: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface SuppressionsTable {
  workspace_id: string;
  distinct_id: string;
  reason: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface CustomerIdentitiesTable {
  workspace_id: string;
  distinct_id: string;
  customer_id: string;
  created_at: Timestamp;
}

export interface CustomerMergesTable {
  id: string;
  workspace_id: string;
  from_customer: string;
  into_customer: string;
  reason: string;
  message_id: string | null;
  merged_at: Timestamp;
}

export interface CustomerTraitChangesTable {
  id: string;
  workspace_id: string;
  customer_id: string;
  trait: string;
  value: Json<unknown> | null;
  changed_at: Timestamp;
  message_id: string | null;
}

export interface EventImportsTable {
  id: string;
  workspace_id: string;
  file_fingerprint: string;
  format: string;
  mapping: Json<unknown>;
  status: "running" | "done" | "failed";
  rows_read: ColumnType<number, number | undefined, number>;
  accepted: ColumnType<number, number | undefined, number>;
  duplicates: ColumnType<number, number | undefined, number>;
  rejected: ColumnType<number, number | undefined, number>;
  error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type RoundStatus = "open" | "closed";

/** An inside-out assessment round (docs/api/measure-the-gap.md §2). */
export interface AssessmentRoundsTable {
  id: string;
  workspace_id: string;
  title: string;
  scope: "journey" | "register";
  journey_id: string | null;
  status: RoundStatus;
  created_by: string | null;
  due_at: Timestamp | null;
  /** `{ url, secret }` of a mail relay for reminders; null = in-app alerts. */
  reminder_relay: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
  closed_at: Timestamp | null;
  closed_by: string | null;
}

export interface AssessmentsTable {
  id: string;
  workspace_id: string;
  round_id: string;
  touchpoint_id: string;
  owner_user_id: string | null;
  rating: number | null;
  predicted_metric: "csat" | "nps" | null;
  /** numeric(4,1): PostgreSQL returns it as a string. */
  predicted_value: ColumnType<string | null, number | null | undefined, number | null>;
  comment: ColumnType<string, string | undefined, string>;
  answered_at: Timestamp | null;
  answered_by: string | null;
  created_at: Timestamp;
}

export interface AssessmentRemindersTable {
  id: string;
  workspace_id: string;
  round_id: string;
  user_id: string | null;
  open_count: number;
  channel: "email" | "alert";
  status: "scheduled" | "sent" | "failed";
  error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

/** Outbound webhooks (docs/api/webhooks.md). */
export interface WebhookSettingsTable {
  workspace_id: string;
  allow_private_targets: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: Timestamp;
}

export interface WebhookEndpointsTable {
  id: string;
  workspace_id: string;
  url: string;
  description: ColumnType<string, string | undefined, string>;
  event_types: Json<string[]>;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  disabled_reason: string | null;
  allow_private: ColumnType<boolean, boolean | undefined, boolean>;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type WebhookDeliveryStatus = "pending" | "succeeded" | "failed";

export interface WebhookDeliveriesTable {
  id: string;
  workspace_id: string;
  endpoint_id: string;
  event_id: string | null;
  event_type: string;
  body: string;
  status: WebhookDeliveryStatus;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp | null;
  last_status_code: number | null;
  last_error: string | null;
  test: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookAttemptsTable {
  id: string;
  workspace_id: string;
  delivery_id: string;
  attempt: number;
  trigger: "auto" | "replay" | "test";
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  succeeded: boolean;
  created_at: Timestamp;
}

/** Rules that open cases from signals (docs/api/act.md, "Case rules"). */
export type CaseRuleKind = "feedback" | "event" | "repeat_contacts" | "stuck";

export interface CaseRulesTable {
  id: string;
  workspace_id: string;
  name: string;
  kind: CaseRuleKind;
  /** The kind's condition (src/core/case-rules/case-rules.schema.ts). */
  condition: Json<unknown>;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  priority: ColumnType<"low" | "normal" | "high" | "urgent", string | undefined, string>;
  touchpoint_id: string | null;
  journey_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseRuleStateTable {
  workspace_id: string;
  event_watermark: Timestamp | null;
  enqueued_at: Timestamp | null;
  pending_message_id: string | null;
  evaluated_at: Timestamp | null;
  last_result: ColumnType<unknown, string | null | undefined, string | null>;
}

export type CaseStatus =
  | "new"
  | "in_progress"
  | "waiting_customer"
  | "waiting_internal"
  | "resolved"
  | "closed";
export type CasePriority = "low" | "normal" | "high" | "urgent";

/** Teams own touchpoints (by name) and receive cases round-robin (docs/api/act.md §1). */
export interface TeamsTable {
  id: string;
  workspace_id: string;
  name: string;
  lead_user_id: string | null;
  rr_position: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeamMembersTable {
  workspace_id: string;
  team_id: string;
  user_id: string;
  created_at: Timestamp;
}

export interface CaseRoutingRulesTable {
  id: string;
  workspace_id: string;
  position: number;
  channel: string | null;
  aspect: string | null;
  segment: string | null;
  touchpoint_id: string | null;
  target_user_id: string | null;
  target_team_id: string | null;
  created_at: Timestamp;
}

export interface CaseSettingsTable {
  workspace_id: string;
  /** Minutes to resolve per priority. */
  sla_minutes: Json<Record<CasePriority, number>>;
  stale_minutes: number | null;
  follow_up_trigger_id: string | null;
  updated_at: Timestamp;
}

export interface CasesTable {
  id: string;
  workspace_id: string;
  title: string;
  customer_id: string | null;
  journey_id: string | null;
  instance_key: ColumnType<string, string | undefined, string>;
  touchpoint_id: string | null;
  step_id: string | null;
  channel: string | null;
  aspect: string | null;
  segment: string | null;
  status: CaseStatus;
  priority: CasePriority;
  assignee_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  team_id: ColumnType<string | null, string | null | undefined, string | null>;
  escalation_level: ColumnType<number, number | undefined, number>;
  escalated_to_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  root_cause: ColumnType<string | null, string | null | undefined, string | null>;
  resolution_note: ColumnType<string | null, string | null | undefined, string | null>;
  follow_up_invitation_id: ColumnType<string | null, string | null | undefined, string | null>;
  opened_at: Timestamp;
  due_at: Timestamp;
  sla_breached_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Set while the case waits for the customer: the SLA clock stands still. */
  sla_paused_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Earlier waiting time, already added to `due_at`. */
  sla_paused_ms: ColumnType<string | number, string | number | undefined, string | number>;
  next_check_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_activity_at: Timestamp;
  resolved_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseSignalsTable {
  id: string;
  workspace_id: string;
  case_id: string;
  kind: string;
  ref: string;
  summary: string;
  rule_id: string | null;
  occurred_at: Timestamp;
  created_at: Timestamp;
}

export interface CaseWatchersTable {
  workspace_id: string;
  case_id: string;
  user_id: string;
  reason: string;
  created_at: Timestamp;
}

export interface CaseTimelineTable {
  id: string;
  workspace_id: string;
  case_id: string;
  at: Timestamp;
  actor_type: "user" | "api_key" | "system";
  actor_id: string | null;
  kind: string;
  data: Json<Record<string, unknown>>;
}

export interface InitiativesTable {
  id: string;
  workspace_id: string;
  journey_id: string | null;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  status: ColumnType<string, string | undefined, string>;
  source: Json<Record<string, unknown>>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A KPI of the workspace's catalogue (docs/api/measure-the-gap.md §3). */
export interface KpisTable {
  id: string;
  workspace_id: string;
  key: string;
  kind: "performance" | "brand";
  name: string;
  definition: ColumnType<string, string | undefined, string>;
  /** The computed measure (src/core/kpis/kpis.schema.ts `ZKpiMeasure`). */
  measure: ColumnType<unknown, string, string>;
  journey_id: string | null;
  unit: ColumnType<string, string | undefined, string>;
  direction: "higher" | "lower";
  target: number | null;
  owner_user_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One in-app notification for one member (docs/api/act.md, "Notifications"). */
export interface NotificationsTable {
  id: string;
  workspace_id: string;
  user_id: string;
  kind: string;
  title: string;
  body: ColumnType<string, string | undefined, string>;
  link: string | null;
  severity: ColumnType<AlertSeverity, AlertSeverity | undefined, AlertSeverity>;
  source_id: string | null;
  created_at: Timestamp;
  read_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type MailSecurity = "tls" | "starttls" | "none";

export interface MailSettingsTable {
  workspace_id: string;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  host: string | null;
  port: number | null;
  security: ColumnType<MailSecurity, MailSecurity | undefined, MailSecurity>;
  username: string | null;
  password: string | null;
  from_address: string | null;
  updated_at: Timestamp;
}

export type DigestFrequency = "none" | "daily" | "weekly";

export interface NotificationPreferencesTable {
  workspace_id: string;
  user_id: string;
  email_kinds: ColumnType<Record<string, boolean>, string | undefined, string>;
  digest: ColumnType<DigestFrequency, DigestFrequency | undefined, DigestFrequency>;
  digest_version: ColumnType<number, number | undefined, number>;
  last_digest_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  updated_at: Timestamp;
}

export type AlertRuleKind = "threshold" | "change" | "anomaly" | "topic";

export interface AlertRulesTable {
  id: string;
  workspace_id: string;
  name: string;
  kind: AlertRuleKind;
  /** Null exactly for topic rules. */
  kpi_id: string | null;
  /** The kind's parameters (src/core/alert-rules/alert-rules.schema.ts). */
  parameters: Json<unknown>;
  severity: ColumnType<AlertSeverity, AlertSeverity | undefined, AlertSeverity>;
  /** {userIds, teamIds, roles}, copied into each raised alert's details. */
  recipients: ColumnType<unknown, string | undefined, string>;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  check_every: ColumnType<"hourly" | "daily", "hourly" | "daily" | undefined, "hourly" | "daily">;
  schedule_version: ColumnType<number, number | undefined, number>;
  next_check_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_checked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_state: ColumnType<"ok" | "firing", "ok" | "firing" | undefined, "ok" | "firing">;
  last_value: ColumnType<number | null, number | null | undefined, number | null>;
  last_result: ColumnType<unknown, string | null | undefined, string | null>;
  episode: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface Database {
  case_rules: CaseRulesTable;
  case_rule_state: CaseRuleStateTable;
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  idempotency_keys: IdempotencyKeysTable;
  touchpoints: TouchpointsTable;
  personas: PersonasTable;
  journeys: JourneysTable;
  journey_revisions: JourneyRevisionsTable;
  surveys: SurveysTable;
  survey_links: SurveyLinksTable;
  feedback: FeedbackTable;
  survey_triggers: SurveyTriggersTable;
  survey_invitations: SurveyInvitationsTable;
  survey_contacts: SurveyContactsTable;
  survey_settings: SurveySettingsTable;
  text_settings: TextSettingsTable;
  feedback_enrichments: FeedbackEnrichmentsTable;
  text_provider_cache: TextProviderCacheTable;
  text_topics: TextTopicsTable;
  text_backfills: TextBackfillsTable;
  alerts: AlertsTable;
  failed_events: FailedEventsTable;
  customers: CustomersTable;
  customer_identities: CustomerIdentitiesTable;
  customer_merges: CustomerMergesTable;
  customer_trait_changes: CustomerTraitChangesTable;
  event_imports: EventImportsTable;
  suppressions: SuppressionsTable;
  journey_instance_state: JourneyInstanceStateTable;
  assessment_rounds: AssessmentRoundsTable;
  assessments: AssessmentsTable;
  assessment_reminders: AssessmentRemindersTable;
  kpis: KpisTable;
  webhook_settings: WebhookSettingsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  case_routing_rules: CaseRoutingRulesTable;
  case_settings: CaseSettingsTable;
  cases: CasesTable;
  case_signals: CaseSignalsTable;
  case_watchers: CaseWatchersTable;
  case_timeline: CaseTimelineTable;
  initiatives: InitiativesTable;
  notifications: NotificationsTable;
  mail_settings: MailSettingsTable;
  notification_preferences: NotificationPreferencesTable;
  alert_rules: AlertRulesTable;
}

export type Workspace = Selectable<WorkspacesTable>;
export type User = Selectable<UsersTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
export type OutboxRow = Selectable<OutboxTable>;
