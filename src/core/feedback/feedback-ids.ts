import { createHash } from "node:crypto";
import type { TCustomerInput } from "./feedback.schema.js";

/** The dedup key of a record sent with an external id. */
export const sourceKeyOf = (channel: string, externalId: string): string => `${channel}:${externalId}`;

/**
 * A UUID (version 8, RFC 9562 §5.8) made from the workspace and the source key, so re-sending the
 * same record yields the same id in that workspace and never collides with another workspace's.
 */
export function feedbackIdFor(workspaceId: string, sourceKey: string): string {
  const bytes = createHash("sha256").update(`${workspaceId}\n${sourceKey}`).digest().subarray(0, 16);
  bytes[6] = 0x80 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The customer's primary identity: user id, else `email:<lower-cased address>`, else anonymous id, else phone. */
export function customerIdOf(customer: TCustomerInput | undefined): string | null {
  if (!customer) return null;
  return (
    customer.userId ??
    (customer.email ? `email:${customer.email.toLowerCase()}` : undefined) ??
    customer.anonymousId ??
    customer.phone ??
    null
  );
}
