import type { AppConfig } from "../config.js";
import type { Db } from "../db/connect.js";
import { uuidv7 } from "../ids.js";
import { enqueue } from "../outbox/enqueue.js";
import { workspaceAllowsPrivate } from "./endpoint-row.js";
import { postJson, WebhookError } from "./post-webhook.js";
import { signWebhook } from "./sign.js";

/** The outbox topic of one delivery attempt. */
export const WEBHOOK_DELIVER_TOPIC = "webhooks.deliver";

export interface DeliverPayload {
  deliveryId: string;
  /** The attempt this message performs; a delivery that already recorded it skips (at-least-once). */
  attempt: number;
  trigger: "auto" | "replay";
}

/**
 * Delay before automatic attempt n+1 after attempt n failed (Standard Webhooks / Svix schedule):
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. Eight attempts over about 28 hours, then `failed`.
 */
export const RETRY_SCHEDULE_MS = [
  5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
] as const;
export const MAX_DELIVERY_ATTEMPTS = RETRY_SCHEDULE_MS.length + 1;
/** A receiver's `Retry-After` lengthens the wait, up to this. */
export const RETRY_AFTER_CAP_MS = 36_000_000;

type WebhooksConfig = AppConfig["webhooks"];
export type AttemptTrigger = "auto" | "replay" | "test";

/** `Retry-After` as seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\s*\d+\s*$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The wait before the next automatic attempt, or undefined when attempt n was the last. */
export function nextDelayMs(attempt: number, retryAfter: number | undefined): number | undefined {
  const scheduled = RETRY_SCHEDULE_MS[attempt - 1];
  if (scheduled === undefined) return undefined;
  return Math.max(scheduled, Math.min(retryAfter ?? 0, RETRY_AFTER_CAP_MS));
}

interface Outcome {
  succeeded: boolean;
  statusCode: number | null;
  error: string | null;
  /** Retrying cannot help (refused address, 410 Gone). */
  final: boolean;
  gone: boolean;
  retryAfter: number | undefined;
}

async function send(
  url: string,
  body: string,
  headers: Record<string, string>,
  allowPrivateAddresses: boolean,
  timeoutMs: number,
): Promise<Outcome> {
  try {
    const res = await postJson(
      { url, body, headers, allowPrivateAddresses, timeoutMs, maxResponseBytes: Number.POSITIVE_INFINITY },
      500,
    );
    const ok = res.status >= 200 && res.status < 300;
    const what = res.status >= 300 && res.status < 400 ? "redirect (not followed)" : "status";
    return {
      succeeded: ok,
      statusCode: res.status,
      error: ok
        ? null
        : `receiver answered ${what} ${res.status}${res.body ? `: ${res.body.slice(0, 200)}` : ""}`,
      final: res.status === 410,
      gone: res.status === 410,
      retryAfter: retryAfterMs(res.headers["retry-after"]),
    };
  } catch (e) {
    const final = e instanceof WebhookError && !e.retryable;
    const message = e instanceof Error ? e.message : String(e);
    return { succeeded: false, statusCode: null, error: message, final, gone: false, retryAfter: undefined };
  }
}

/**
 * Performs attempt `attempt` of a delivery: signs the stored body with the endpoint's secret (and,
 * during a rotation's grace period, the previous one), POSTs it, and records the attempt. A failed
 * automatic attempt queues the next one through the outbox in the same transaction; 410 Gone
 * disables the endpoint. Returns false when there was nothing to do (done already, or gone).
 */
export async function attemptDelivery(
  db: Db,
  config: WebhooksConfig,
  input: { workspaceId: string; deliveryId: string; attempt: number; trigger: AttemptTrigger },
): Promise<boolean> {
  const { workspaceId, deliveryId, attempt, trigger } = input;
  const delivery = await db
    .selectFrom("webhook_deliveries")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", deliveryId)
    .executeTakeFirst();
  if (delivery?.status !== "pending" || delivery.attempts >= attempt) return false;
  const endpoint = await db
    .selectFrom("webhook_endpoints")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", delivery.endpoint_id)
    .executeTakeFirst();
  if (!endpoint) return false;
  if (!endpoint.enabled) {
    await db
      .updateTable("webhook_deliveries")
      .set({
        status: "failed",
        next_attempt_at: null,
        last_error: `endpoint disabled: ${endpoint.disabled_reason ?? "by a person"}`,
        updated_at: new Date(),
      })
      .where("id", "=", delivery.id)
      .where("attempts", "=", delivery.attempts)
      .where("status", "=", "pending")
      .execute();
    return false;
  }

  const now = Date.now();
  const timestamp = Math.floor(now / 1000);
  const secrets = [endpoint.secret];
  if (endpoint.previous_secret && new Date(endpoint.previous_secret_expires_at ?? 0).getTime() > now)
    secrets.push(endpoint.previous_secret);
  const headers = {
    "webhook-id": delivery.id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": secrets.map((s) => signWebhook(s, delivery.id, timestamp, delivery.body)).join(" "),
  };
  const allowPrivate =
    config.allowPrivateAddresses ||
    (endpoint.allow_private && (await workspaceAllowsPrivate(db, workspaceId)));
  const started = performance.now();
  const outcome = await send(endpoint.url, delivery.body, headers, allowPrivate, config.timeoutMs);
  const durationMs = Math.round(performance.now() - started);

  const delay =
    outcome.succeeded || outcome.final || trigger !== "auto"
      ? undefined
      : nextDelayMs(attempt, outcome.retryAfter);
  const nextAt = delay === undefined ? null : new Date(Date.now() + delay);
  await db.transaction().execute(async (tx) => {
    // Fenced on the attempt count: a concurrent run of the same attempt records nothing.
    const fenced = await tx
      .updateTable("webhook_deliveries")
      .set({
        status: outcome.succeeded ? "succeeded" : nextAt ? "pending" : "failed",
        attempts: attempt,
        next_attempt_at: nextAt,
        last_status_code: outcome.statusCode,
        last_error: outcome.error,
        updated_at: new Date(),
      })
      .where("id", "=", delivery.id)
      .where("attempts", "=", delivery.attempts)
      .where("status", "=", "pending")
      .executeTakeFirst();
    if (fenced.numUpdatedRows !== 1n) return;
    await tx
      .insertInto("webhook_attempts")
      .values({
        id: uuidv7(),
        workspace_id: workspaceId,
        delivery_id: delivery.id,
        attempt,
        trigger,
        status_code: outcome.statusCode,
        error: outcome.error,
        duration_ms: durationMs,
        succeeded: outcome.succeeded,
      })
      .execute();
    if (nextAt)
      await enqueue(tx, {
        workspaceId,
        topic: WEBHOOK_DELIVER_TOPIC,
        payload: { deliveryId: delivery.id, attempt: attempt + 1, trigger: "auto" } satisfies DeliverPayload,
        availableAt: nextAt,
      });
    if (outcome.gone)
      await tx
        .updateTable("webhook_endpoints")
        .set({ enabled: false, disabled_reason: "the receiver answered 410 Gone", updated_at: new Date() })
        .where("id", "=", endpoint.id)
        .execute();
  });
  return true;
}
