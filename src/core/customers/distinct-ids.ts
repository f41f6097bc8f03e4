import { createHash } from "node:crypto";

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

/** `email:<sha256 of the trimmed, lower-cased address>`: the address itself never becomes an id. */
export const emailId = (address: string): string => `email:${sha256(address.trim().toLowerCase())}`;

/** `phone:<sha256 of the digits, a leading + kept>`, so "+49 30 1234" and "+49301234" are one id. */
export function phoneId(phone: string): string | undefined {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, "");
  if (digits.length === 0) return undefined;
  return `phone:${sha256(trimmed.startsWith("+") ? `+${digits}` : digits)}`;
}

/** The kind of a distinct id (`user`, `anon`, `email`, `phone`, `crm`). */
export const idKind = (distinctId: string): string => distinctId.slice(0, distinctId.indexOf(":"));

/** Hashed kinds are shown as their kind only; the others are shown as they are. */
export const HASHED_KINDS = new Set(["email", "phone"]);

export interface IdentityRefs {
  userId?: string | undefined;
  anonymousId?: string | undefined;
  traits?: Record<string, unknown> | undefined;
}

/**
 * Every distinct id an identify call names: its user and anonymous id, and the extra identities
 * from the traits `email`, `phone` and `crmId` (docs/api/observe.md §2).
 */
export function distinctIdsOf(refs: IdentityRefs): string[] {
  const ids: string[] = [];
  if (refs.userId) ids.push(`user:${refs.userId}`);
  if (refs.anonymousId) ids.push(`anon:${refs.anonymousId}`);
  const t = refs.traits ?? {};
  if (typeof t.email === "string" && t.email.trim() !== "") ids.push(emailId(t.email));
  if (typeof t.phone === "string" || typeof t.phone === "number") {
    const p = phoneId(String(t.phone));
    if (p) ids.push(p);
  }
  if ((typeof t.crmId === "string" && t.crmId.trim() !== "") || typeof t.crmId === "number")
    ids.push(`crm:${String(t.crmId).trim()}`);
  return ids;
}
