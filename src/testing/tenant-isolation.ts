import type { OpenAPIHono } from "@hono/zod-openapi";
import { sql } from "kysely";
import { uuidv7 } from "../core/ids.js";
import { enqueue } from "../core/outbox/enqueue.js";
import type { Stores } from "../core/stores.js";
import type { AppEnv } from "../server/env.js";
import { routeTable } from "../server/route-table.js";
import type { SeededWorkspace } from "./app.js";

/**
 * Routes that by design carry no workspace: health, the OpenAPI document, the caller's own
 * profile and session, the workspace list/creation, and operator-only account creation.
 * A route added outside this list must have `{workspaceId}` in its path or the walk fails.
 */
export const GLOBAL_ROUTES = new Set([
  "GET /health/live",
  "GET /health/ready",
  "POST /api/v1/auth/login",
  "POST /api/v1/auth/logout",
  "GET /api/v1/me",
  "PATCH /api/v1/me",
  "GET /api/v1/workspaces",
  "POST /api/v1/workspaces",
  "POST /api/v1/users",
  // Feedback ingestion for integrations: the workspace is the API key's own.
  "POST /api/v1/feedback",
  // Segment-compatible ingestion: the workspace is the write key's own.
  ...["track", "identify", "page", "screen", "group", "alias", "batch", "import"].map((t) => `POST /v1/${t}`),
]);

/**
 * Respondent endpoints (hosted survey page, widget) are public by design: they are reached by a
 * survey id or an unguessable token, not by workspace membership, and are tested on their own.
 */
export const PUBLIC_PREFIX = "/api/public/";

/** How to make a resource in the foreign workspace for each path parameter name. */
export type ForeignFixture = (stores: Stores, foreign: SeededWorkspace) => Promise<string>;

/** An open assessment round with one assessment, owned by the foreign workspace's owner. */
async function foreignAssessment(
  stores: Stores,
  foreign: SeededWorkspace,
): Promise<{ roundId: string; assessmentId: string }> {
  const touchpointId = await (FOREIGN_FIXTURES.touchpointId as ForeignFixture)(stores, foreign);
  const roundId = uuidv7();
  const assessmentId = uuidv7();
  await stores.sor.db
    .insertInto("assessment_rounds")
    .values({
      id: roundId,
      workspace_id: foreign.workspaceId,
      title: "Foreign",
      scope: "register",
      journey_id: null,
      status: "open",
      created_by: foreign.ownerId,
      due_at: null,
      closed_at: null,
      closed_by: null,
    })
    .execute();
  await stores.sor.db
    .insertInto("assessments")
    .values({
      id: assessmentId,
      workspace_id: foreign.workspaceId,
      round_id: roundId,
      touchpoint_id: touchpointId,
      owner_user_id: foreign.ownerId,
      rating: null,
      predicted_metric: null,
      answered_at: null,
      answered_by: null,
    })
    .execute();
  return { roundId, assessmentId };
}

export const FOREIGN_FIXTURES: Record<string, ForeignFixture> = {
  touchpointId: async (stores, foreign) => {
    const id = uuidv7();
    await stores.sor.db
      .insertInto("touchpoints")
      .values({
        id,
        workspace_id: foreign.workspaceId,
        key: `tp-${id}`,
        name: "Foreign",
        channel: "web",
        kind: "direct",
        department: null,
        owner_user_id: null,
        owner_team: null,
        tags: "[]",
        internal_rating_by: null,
        internal_rating_at: null,
        event_matchers: "[]",
      })
      .execute();
    return id;
  },
  personaId: async (stores, foreign) => {
    const id = uuidv7();
    await stores.sor.db
      .insertInto("personas")
      .values({
        id,
        workspace_id: foreign.workspaceId,
        key: `p-${id}`,
        name: "Foreign",
        goals: "[]",
        needs: "[]",
        frustrations: "[]",
        channels: "[]",
        segment_rule: null,
      })
      .execute();
    return id;
  },
  journeyId: async (stores, foreign) => {
    const id = uuidv7();
    const document = JSON.stringify({ schemaVersion: 1, title: "Foreign", stages: [] });
    await stores.sor.db
      .insertInto("journeys")
      .values({
        id,
        workspace_id: foreign.workspaceId,
        title: "Foreign",
        persona_id: null,
        owner_user_id: null,
        status: "draft",
        version: 1,
        document,
        updated_by: null,
      })
      .execute();
    await stores.sor.db
      .insertInto("journey_revisions")
      .values({
        journey_id: id,
        workspace_id: foreign.workspaceId,
        version: 1,
        document,
        author_type: "system",
        author_id: null,
        summary: "{}",
      })
      .execute();
    return id;
  },
  /** A journey revision number: with a foreign journey id it must still answer 404. */
  version: async () => "1",
  keyId: async (stores, foreign) => {
    await foreign.key(["read"]);
    const row = await stores.sor.db
      .selectFrom("api_keys")
      .select("id")
      .where("workspace_id", "=", foreign.workspaceId)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    return row.id;
  },
  userId: async (_stores, foreign) => (await foreign.member("analyst")).userId,
  surveyId: async (stores, foreign) => {
    const id = uuidv7();
    await stores.sor.db
      .insertInto("surveys")
      .values({
        id,
        workspace_id: foreign.workspaceId,
        name: "Foreign",
        status: "active",
        default_language: "en",
        definition: JSON.stringify({
          schemaVersion: 1,
          title: { en: "Foreign" },
          thankYou: { en: "Thanks" },
          questions: [{ id: "nps", type: "nps", text: { en: "Recommend?" }, required: true }],
        }),
        touchpoint_id: null,
        journey_id: null,
        step_id: null,
        settings: "{}",
        created_by: null,
      })
      .execute();
    return id;
  },
  feedbackId: async (stores, foreign) => {
    const id = uuidv7();
    await stores.sor.db
      .insertInto("feedback")
      .values({
        id,
        workspace_id: foreign.workspaceId,
        kind: "unsolicited",
        channel: "email",
        source_key: null,
        survey_id: null,
        link_id: null,
        submission_id: null,
        received_at: new Date(),
        customer_id: "foreign-customer",
        customer: JSON.stringify({ userId: "foreign-customer" }),
        touchpoint_id: null,
        journey_id: null,
        step_id: null,
        ratings: "[]",
        score_band: null,
        answers: "{}",
        title: null,
        text: "Foreign feedback",
        language: "en",
        metadata: "{}",
        finished_at: null,
        flag_reason: null,
        edit_token_hash: null,
        ip_hash: null,
      })
      .execute();
    return id;
  },
  triggerId: async (stores, foreign) => {
    const surveyId = await (FOREIGN_FIXTURES.surveyId as ForeignFixture)(stores, foreign);
    const id = uuidv7();
    await stores.sor.db
      .insertInto("survey_triggers")
      .values({
        id,
        workspace_id: foreign.workspaceId,
        survey_id: surveyId,
        name: "Foreign",
        matcher: JSON.stringify({ event: "Order Completed" }),
        channel: "webhook",
        target: JSON.stringify({ url: "https://example.com/hook", secret: "whsec_x" }),
      })
      .execute();
    return id;
  },
  backfillId: async (stores, foreign) => {
    const id = uuidv7();
    await stores.sor.db
      .insertInto("text_backfills")
      .values({ id, workspace_id: foreign.workspaceId, status: "running", total: 1, updated_at: new Date() })
      .execute();
    return id;
  },
  alertId: async (stores, foreign) => {
    const id = uuidv7();
    await stores.sor.db
      .insertInto("alerts")
      .values({
        id,
        workspace_id: foreign.workspaceId,
        kind: "emerging_topic",
        dedupe_key: `foreign:${id}`,
        title: "Foreign",
      })
      .execute();
    return id;
  },
  customerId: async (stores, foreign) => {
    const id = uuidv7();
    await stores.sor.db
      .insertInto("customers")
      .values({ id, workspace_id: foreign.workspaceId, first_seen: new Date(), last_seen: new Date() })
      .execute();
    await stores.sor.db
      .insertInto("customer_identities")
      .values({ workspace_id: foreign.workspaceId, distinct_id: `user:foreign-${id}`, customer_id: id })
      .execute();
    return id;
  },
  distinctId: async (stores, foreign) => {
    const distinctId = `user:foreign-${uuidv7()}`;
    await stores.sor.db
      .insertInto("suppressions")
      .values({ workspace_id: foreign.workspaceId, distinct_id: distinctId, created_by: null })
      .execute();
    return distinctId;
  },
  messageId: async (stores, foreign) => {
    const id = await enqueue(stores.sor.db, {
      workspaceId: foreign.workspaceId,
      topic: "test.parked",
      payload: { n: 1 },
    });
    await stores.sor.db
      .updateTable("outbox")
      .set({ status: "parked", last_error: "boom" })
      .where("id", "=", id)
      .execute();
    return id;
  },
  failedEventId: async (stores, foreign) => {
    const id = uuidv7();
    await stores.sor.db
      .insertInto("failed_events")
      .values({
        id,
        workspace_id: foreign.workspaceId,
        source: "http",
        code: "missing_identity",
        message: "userId or anonymousId is required",
        message_id: "foreign-message",
        payload: JSON.stringify({ type: "track", event: "Order Completed", userId: "u-1" }),
      })
      .execute();
    return id;
  },
  roundId: async (stores, foreign) => (await foreignAssessment(stores, foreign)).roundId,
  assessmentId: async (stores, foreign) => (await foreignAssessment(stores, foreign)).assessmentId,
  kpiId: async (stores, foreign) => {
    const id = uuidv7();
    await stores.sor.db
      .insertInto("kpis")
      .values({
        id,
        workspace_id: foreign.workspaceId,
        key: `foreign-${id}`,
        kind: "brand",
        name: "Foreign NPS",
        measure: JSON.stringify({ type: "metric", metric: "nps" }),
        direction: "higher",
        target: 10,
      })
      .execute();
    return id;
  },
  fingerprint: async (stores, foreign) => {
    // Unique per call: the walk runs more than once against the same workspaces.
    const fingerprint = uuidv7().replaceAll("-", "").padEnd(64, "0");
    await stores.sor.db
      .insertInto("event_imports")
      .values({
        id: uuidv7(),
        workspace_id: foreign.workspaceId,
        file_fingerprint: fingerprint,
        format: "csv",
        mapping: JSON.stringify({ caseId: "c", activity: "a", timestamp: "t" }),
        status: "running",
      })
      .execute();
    return fingerprint;
  },
  endpointId: async (stores, foreign) => {
    const id = uuidv7();
    await stores.sor.db
      .insertInto("webhook_endpoints")
      .values({
        id,
        workspace_id: foreign.workspaceId,
        url: "https://hooks.example.com/foreign",
        event_types: JSON.stringify(["case.created"]),
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      })
      .execute();
    return id;
  },
  deliveryId: async (stores, foreign) => {
    const endpointId = await (FOREIGN_FIXTURES.endpointId as ForeignFixture)(stores, foreign);
    const id = uuidv7();
    await stores.sor.db
      .insertInto("webhook_deliveries")
      .values({
        id,
        workspace_id: foreign.workspaceId,
        endpoint_id: endpointId,
        event_type: "case.created",
        body: JSON.stringify({ type: "case.created", timestamp: new Date().toISOString(), data: {} }),
        status: "failed",
      })
      .execute();
    return id;
  },
  teamId: async (stores, foreign) => {
    const id = uuidv7();
    await stores.sor.db
      .insertInto("teams")
      .values({
        id,
        workspace_id: foreign.workspaceId,
        name: `Foreign ${id}`,
        lead_user_id: null,
        created_at: new Date(),
        updated_at: new Date(),
      })
      .execute();
    return id;
  },
  routingRuleId: async (stores, foreign) => {
    const id = uuidv7();
    await stores.sor.db
      .insertInto("case_routing_rules")
      .values({
        id,
        workspace_id: foreign.workspaceId,
        position: 0,
        channel: "phone",
        aspect: null,
        segment: null,
        touchpoint_id: null,
        target_user_id: foreign.ownerId,
        target_team_id: null,
      })
      .execute();
    return id;
  },
  caseId: async (stores, foreign) => {
    const id = uuidv7();
    const now = new Date();
    await stores.sor.db
      .insertInto("cases")
      .values({
        id,
        workspace_id: foreign.workspaceId,
        title: "Foreign case",
        customer_id: `foreign-${id}`,
        journey_id: null,
        touchpoint_id: null,
        step_id: null,
        channel: null,
        aspect: null,
        segment: null,
        status: "new",
        priority: "normal",
        opened_at: now,
        due_at: new Date(now.getTime() + 86_400_000),
        last_activity_at: now,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  },
  /** An in-app notification of the foreign workspace's owner (docs/api/act.md, "Notifications"). */
  notificationId: async (stores, foreign) => {
    const id = uuidv7();
    await stores.sor.db
      .insertInto("notifications")
      .values({
        id,
        workspace_id: foreign.workspaceId,
        user_id: foreign.ownerId,
        kind: "alert",
        title: "Foreign",
        link: null,
        source_id: null,
      })
      .execute();
    return id;
  },
  /** An alert rule on a foreign KPI (docs/api/act.md, "Alert rules"). */
  alertRuleId: async (stores, foreign) => {
    const kpiId = await (FOREIGN_FIXTURES.kpiId as ForeignFixture)(stores, foreign);
    const id = uuidv7();
    await stores.sor.db
      .insertInto("alert_rules")
      .values({
        id,
        workspace_id: foreign.workspaceId,
        name: "Foreign alert rule",
        kind: "threshold",
        kpi_id: kpiId,
        parameters: JSON.stringify({ operator: "below", value: 10, windowDays: 30, minN: 1 }),
      })
      .execute();
    return id;
  },
  /** A case rule (docs/api/act.md, "Case rules"). */
  ruleId: async (stores, foreign) => {
    const id = uuidv7();
    await stores.sor.db
      .insertInto("case_rules")
      .values({
        id,
        workspace_id: foreign.workspaceId,
        name: "Foreign rule",
        kind: "feedback",
        condition: JSON.stringify({ match: { type: "rating", metric: "nps", op: "<=", value: 6 } }),
      })
      .execute();
    return id;
  },
};

/** A fingerprint of everything both stores hold (sessions aside), to prove a request changed nothing. */
export async function digestStores(stores: Stores): Promise<string> {
  const { db } = stores.sor;
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'
      and table_name not in ('sessions', 'kysely_migration', 'kysely_migration_lock')
    order by table_name`.execute(db);
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    // An API key's own `last_used_at` stamp moves once a minute while the walk uses the key; it says
    // nothing about isolation, and a walk longer than a minute would otherwise fail on it at random.
    const r = await sql<{ d: string | null }>`
      select md5(coalesce(string_agg((to_jsonb(t) - 'last_used_at')::text, '|' order by (to_jsonb(t) - 'last_used_at')::text), '')) as d
      from ${sql.table(table_name)} t`.execute(db);
    parts.push(`${table_name}:${r.rows[0]?.d}`);
  }
  const facts = stores.facts;
  const factTables = await facts.query<{ name: string }>(
    "SELECT name FROM system.tables WHERE database = {db:String} ORDER BY name",
    { db: facts.database },
  );
  for (const { name } of factTables) {
    const [r] = await facts.query<{ n: number; h: string }>(
      `SELECT count() AS n, toString(groupBitXor(cityHash64(*))) AS h FROM ${facts.database}.${name}`,
    );
    parts.push(`facts.${name}:${r?.n}:${r?.h}`);
  }
  return parts.join("\n");
}

export interface Violation {
  route: string;
  problem: string;
}

interface Doc {
  paths: Record<
    string,
    Record<string, { requestBody?: { content?: Record<string, { example?: unknown }> } }>
  >;
}

/**
 * Walks every route of the app's route table as workspace A, aiming at workspace B's ids, and
 * reports each route that does not answer 404 or that changed anything in either store.
 */
export async function walkTenantIsolation(
  app: OpenAPIHono<AppEnv>,
  stores: Stores,
  own: SeededWorkspace,
  foreign: SeededWorkspace,
  credentials: { label: string; headers: Record<string, string> }[],
): Promise<{ violations: Violation[]; checked: string[] }> {
  const violations: Violation[] = [];
  const checked: string[] = [];
  const doc = (await (await app.request("/api/openapi.json")).json()) as Doc;
  const ids: Record<string, string> = {};
  // The stores' digest after the last request: the next request's "before", unless a fixture was
  // created in between (one digest per request instead of two).
  let current: string | undefined;

  for (const route of routeTable(app)) {
    const name = `${route.method} ${route.path}`;
    if (route.path.startsWith(PUBLIC_PREFIX)) continue;
    const others = route.params.filter((p) => p !== "workspaceId");
    if (route.params.length === 0) {
      if (!GLOBAL_ROUTES.has(name))
        violations.push({ route: name, problem: "no {workspaceId} in the path and not declared global" });
      continue;
    }
    const missing = others.filter((p) => !FOREIGN_FIXTURES[p]);
    if (missing.length > 0) {
      violations.push({
        route: name,
        problem: `no foreign-id fixture for ${missing.join(", ")}; add one to FOREIGN_FIXTURES`,
      });
      continue;
    }
    const op = doc.paths[route.path]?.[route.method.toLowerCase()];
    const hasBody = op?.requestBody !== undefined;
    // A JSON example, else the first one of another media type (raw file uploads) sent as it is.
    const content = op?.requestBody?.content ?? {};
    const [bodyType, example] = ["application/json", ...Object.keys(content)]
      .map((t) => [t, content[t]?.example] as const)
      .find(([, e]) => e !== undefined) ?? ["application/json", undefined];
    if (hasBody && example === undefined) {
      violations.push({
        route: name,
        problem: "the request body has no example; the walk needs a valid body",
      });
      continue;
    }
    for (const p of others) {
      if (ids[p] !== undefined) continue;
      ids[p] = await (FOREIGN_FIXTURES[p] as ForeignFixture)(stores, foreign);
      current = undefined;
    }

    // Foreign workspace with foreign ids; and, where other ids exist, own workspace with foreign ids.
    const targets = [{ workspaceId: foreign.workspaceId, label: "foreign workspace" }];
    if (others.length > 0 && route.params.includes("workspaceId"))
      targets.push({ workspaceId: own.workspaceId, label: "own workspace, foreign ids" });
    if (!route.params.includes("workspaceId"))
      targets.splice(0, 1, { workspaceId: "", label: "foreign ids" });
    for (const target of targets) {
      const path = route.path.replace(/\{([^}]+)\}/g, (_, p: string) =>
        p === "workspaceId" ? target.workspaceId : (ids[p] ?? ""),
      );
      for (const cred of credentials) {
        const before = current ?? (await digestStores(stores));
        const res = await app.request(path, {
          method: route.method,
          headers: { ...cred.headers, ...(hasBody && { "content-type": bodyType }) },
          ...(hasBody && { body: typeof example === "string" ? example : JSON.stringify(example) }),
        });
        const after = await digestStores(stores);
        current = after;
        const where = `${name} (${target.label}, ${cred.label})`;
        checked.push(where);
        if (res.status !== 404)
          violations.push({ route: where, problem: `answered ${res.status}, expected 404` });
        if (before !== after) violations.push({ route: where, problem: "changed stored data" });
      }
    }
  }
  return { violations, checked };
}
