import { isIP } from "node:net";
import type { Selectable } from "kysely";
import type { WorkspaceContext } from "../context.js";
import type { Db } from "../db/connect.js";
import type { WebhookEndpointsTable } from "../db/schema.js";
import { invalid, notFound } from "../errors.js";
import { isUuid } from "../ids.js";
import { isPrivateAddress } from "./post-webhook.js";
import { maskSecret } from "./sign.js";
import type { TWebhookEndpoint } from "./webhooks.schema.js";

export type EndpointRow = Selectable<WebhookEndpointsTable>;

const iso = (d: Date | string) => new Date(d).toISOString();

export const toEndpoint = (r: EndpointRow): TWebhookEndpoint => ({
  id: r.id,
  url: r.url,
  description: r.description,
  eventTypes: r.event_types as TWebhookEndpoint["eventTypes"],
  enabled: r.enabled,
  disabledReason: r.disabled_reason,
  allowPrivate: r.allow_private,
  secretHint: maskSecret(r.secret),
  previousSecretExpiresAt:
    r.previous_secret && r.previous_secret_expires_at ? iso(r.previous_secret_expires_at) : null,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

/** The workspace's endpoint, or 404 (also for another workspace's id). */
export async function loadEndpoint(db: Db, workspaceId: string, id: string): Promise<EndpointRow> {
  if (!isUuid(id)) throw notFound("Webhook endpoint");
  const row = await db
    .selectFrom("webhook_endpoints")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw notFound("Webhook endpoint");
  return row;
}

/** Whether the workspace allows endpoints to reach private addresses (off without a settings row). */
export async function workspaceAllowsPrivate(db: Db, workspaceId: string): Promise<boolean> {
  const row = await db
    .selectFrom("webhook_settings")
    .select("allow_private_targets")
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  return row?.allow_private_targets ?? false;
}

/**
 * Checks an endpoint URL when it is saved: https (http only where private targets are allowed), no
 * credentials, and no literal private address or `localhost` unless allowed. Host names that resolve
 * to private addresses are refused again at connect time, on every delivery.
 */
export function checkEndpointUrl(raw: string, allowPrivate: boolean, pointer = "/body/url"): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid(pointer, "url must be an absolute URL such as https://example.com/hooks", "invalid_url");
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && allowPrivate))
    throw invalid(pointer, "url must use https", "insecure_url");
  if (url.username || url.password)
    throw invalid(pointer, "url must not contain credentials; the signature authenticates", "credentials");
  // WHATWG parsing already turned decimal, octal and hex IPv4 forms into dotted quads.
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const local = host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local");
  if (!allowPrivate && (local || (isIP(host) !== 0 && isPrivateAddress(host))))
    throw invalid(
      pointer,
      `url must not point to a private or loopback address (${host})`,
      "private_address",
    );
  return url.toString();
}

/** The endpoint's own flag counts only where the workspace allows private targets; else a 400. */
export async function privateAllowed(
  ctx: WorkspaceContext,
  requested: boolean,
  pointer = "/body/allowPrivate",
): Promise<boolean> {
  if (!requested) return false;
  if (await workspaceAllowsPrivate(ctx.db, ctx.access.workspaceId)) return true;
  throw invalid(
    pointer,
    "private targets are not allowed in this workspace (an owner can allow them in the webhook settings)",
    "private_not_allowed",
  );
}
