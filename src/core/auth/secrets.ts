import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Session tokens and API keys carry 256 bits of entropy, so a fast hash is enough to store them:
 * nobody can brute-force the preimage, and lookups stay cheap on every request.
 */
export const sha256 = (value: string): string => createHash("sha256").update(value).digest("hex");

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
