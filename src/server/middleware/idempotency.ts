import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { AppError, invalid } from "../../core/errors.js";
import { actorId } from "../../core/permissions/index.js";
import type { AppEnv } from "../env.js";

/**
 * `Idempotency-Key` on POST/PATCH: the first successful response is stored and replayed for the
 * same key and request; the same key with another request is refused. Failed requests are not
 * stored, so a client can fix its request and retry with the same key.
 */
export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header("idempotency-key");
  if (!key || (c.req.method !== "POST" && c.req.method !== "PATCH")) return next();
  if (key.length > 255)
    throw invalid("/header/Idempotency-Key", "Idempotency-Key is longer than 255 characters");
  const actor = c.get("actor");
  if (!actor) return next();
  const principal = `${actor.kind}:${actorId(actor) ?? "system"}`;
  const body = await c.req.raw.clone().arrayBuffer();
  const hash = createHash("sha256")
    .update(`${c.req.method} ${c.req.path}\n`)
    .update(Buffer.from(body))
    .digest("hex");
  const { db } = c.get("stores").sor;

  const inserted = await db
    .insertInto("idempotency_keys")
    .values({ principal, key, request_hash: hash })
    .onConflict((oc) => oc.doNothing())
    .returning("key")
    .executeTakeFirst();
  if (!inserted) {
    const prior = await db
      .selectFrom("idempotency_keys")
      .selectAll()
      .where("principal", "=", principal)
      .where("key", "=", key)
      .executeTakeFirstOrThrow();
    if (prior.request_hash !== hash) {
      throw new AppError("idempotency_key_reused", "This Idempotency-Key was used for a different request");
    }
    if (prior.status_code === null)
      throw new AppError("idempotency_in_flight", "Retry when the first request has finished");
    return new Response(prior.response_body, {
      status: prior.status_code,
      headers: { "content-type": "application/json", "idempotent-replayed": "true" },
    });
  }

  let stored = false;
  try {
    await next();
    if (c.res.status >= 200 && c.res.status < 300) {
      const text = await c.res.clone().text();
      await db
        .updateTable("idempotency_keys")
        .set({ status_code: c.res.status, response_body: text })
        .where("principal", "=", principal)
        .where("key", "=", key)
        .execute();
      stored = true;
    }
  } finally {
    if (!stored)
      await db
        .deleteFrom("idempotency_keys")
        .where("principal", "=", principal)
        .where("key", "=", key)
        .execute();
  }
};
