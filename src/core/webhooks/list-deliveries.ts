import type { Selectable } from "kysely";
import type { WorkspaceContext } from "../context.js";
import type { Db } from "../db/connect.js";
import type { WebhookAttemptsTable, WebhookDeliveriesTable } from "../db/schema.js";
import { notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import { decodeCursor, type Page, toPage } from "../pagination.js";
import { loadEndpoint } from "./endpoint-row.js";
import type { TWebhookDelivery, TWebhookDeliveryQuery } from "./webhooks.schema.js";

type DeliveryRow = Selectable<WebhookDeliveriesTable>;
type AttemptRow = Selectable<WebhookAttemptsTable>;

const iso = (d: Date | string) => new Date(d).toISOString();

function toDelivery(r: DeliveryRow, attempts: AttemptRow[]): TWebhookDelivery {
  return {
    id: r.id,
    endpointId: r.endpoint_id,
    eventType: r.event_type,
    payload: JSON.parse(r.body) as unknown,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at ? iso(r.next_attempt_at) : null,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    test: r.test,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    attemptLog: attempts
      .filter((a) => a.delivery_id === r.id)
      .sort((a, b) => a.attempt - b.attempt)
      .map((a) => ({
        attempt: a.attempt,
        trigger: a.trigger,
        statusCode: a.status_code,
        error: a.error,
        durationMs: a.duration_ms,
        succeeded: a.succeeded,
        createdAt: iso(a.created_at),
      })),
  };
}

async function attemptsOf(db: Db, workspaceId: string, ids: string[]): Promise<AttemptRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("webhook_attempts")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("delivery_id", "in", ids)
    .execute();
}

/** The delivery log of one endpoint, newest first, each with its attempts. */
export async function listWebhookDeliveries(
  ctx: WorkspaceContext,
  endpointId: string,
  query: TWebhookDeliveryQuery,
): Promise<Page<TWebhookDelivery>> {
  const { db, access } = ctx;
  const endpoint = await loadEndpoint(db, access.workspaceId, endpointId);
  const before = decodeCursor(query.cursor);
  let q = db
    .selectFrom("webhook_deliveries")
    .selectAll()
    .where("workspace_id", "=", access.workspaceId)
    .where("endpoint_id", "=", endpoint.id);
  if (query.status) q = q.where("status", "=", query.status);
  if (before) q = q.where("id", "<", before);
  const rows = await q
    .orderBy("id", "desc")
    .limit(query.limit + 1)
    .execute();
  const attempts = await attemptsOf(
    db,
    access.workspaceId,
    rows.slice(0, query.limit).map((r) => r.id),
  );
  return toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => toDelivery(r, attempts),
  );
}

/** One delivery of one endpoint, with its attempts; 404 for ids of other endpoints or workspaces. */
export async function getWebhookDelivery(
  db: Db,
  workspaceId: string,
  endpointId: string,
  deliveryId: string,
): Promise<TWebhookDelivery> {
  if (!isUuid(deliveryId) || !isUuid(endpointId)) throw notFound("Webhook delivery");
  const row = await db
    .selectFrom("webhook_deliveries")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("endpoint_id", "=", endpointId)
    .where("id", "=", deliveryId)
    .executeTakeFirst();
  if (!row) throw notFound("Webhook delivery");
  return toDelivery(row, await attemptsOf(db, workspaceId, [row.id]));
}
