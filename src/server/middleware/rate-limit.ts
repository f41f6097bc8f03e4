import type { MiddlewareHandler } from "hono";
import { AppError } from "../../core/errors.js";
import { actorId } from "../../core/permissions/index.js";
import { clientAddress } from "../client-address.js";
import type { AppEnv } from "../env.js";

interface Bucket {
  tokens: number;
  updated: number;
}

/**
 * Token bucket per API key or person (anonymous callers share one bucket per client address), so
 * one noisy source cannot starve the others. Capacity = one minute's allowance.
 */
export function rateLimit(perMinute: () => number): MiddlewareHandler<AppEnv> {
  const buckets = new Map<string, Bucket>();
  return async (c, next) => {
    const limit = perMinute();
    const actor = c.get("actor");
    const key = actor ? `${actor.kind}:${actorId(actor) ?? "system"}` : `ip:${clientAddress(c)}`;
    const now = Date.now();
    const bucket = buckets.get(key) ?? { tokens: limit, updated: now };
    bucket.tokens = Math.min(limit, bucket.tokens + ((now - bucket.updated) / 60_000) * limit);
    bucket.updated = now;
    buckets.set(key, bucket);
    c.header("X-RateLimit-Limit", String(limit));
    // Seconds until the bucket is full again.
    c.header("X-RateLimit-Reset", String(Math.ceil(((limit - bucket.tokens + 1) / limit) * 60)));
    if (bucket.tokens < 1) {
      c.header("X-RateLimit-Remaining", "0");
      throw new AppError("rate_limited", `More than ${limit} requests per minute for these credentials`, {
        retryAfterSeconds: ((1 - bucket.tokens) / limit) * 60,
      });
    }
    bucket.tokens -= 1;
    c.header("X-RateLimit-Remaining", String(Math.floor(bucket.tokens)));
    if (buckets.size > 50_000) buckets.clear(); // bound memory under address churn
    await next();
  };
}
