import type { CustomerSummary } from "../../api/customers";

/** What to call a customer: the `name` trait, else the e-mail trait, else a user, CRM or anonymous id. */
export function customerLabel(c: CustomerSummary): string {
  const { name, email } = c.traits;
  if (typeof name === "string" && name.trim()) return name;
  if (typeof email === "string" && email.trim()) return email;
  for (const kind of ["user", "crm", "anon"] as const) {
    const id = c.distinctIds.find((d) => d.kind === kind)?.value;
    if (id) return id;
  }
  return c.id;
}

/** A trait value as text: strings as they are, anything else as JSON. */
export const traitText = (value: unknown): string =>
  typeof value === "string" ? value : JSON.stringify(value ?? null);
