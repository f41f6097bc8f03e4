import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeVariants } from "../../testing/stores.js";
import { customerTimeline } from "../customers/customer-timeline.js";
import { getCustomer } from "../customers/get-customer.js";
import type { Stores } from "../stores.js";
import { resolveAccess } from "../workspaces/resolve-access.js";
import { seedDemo } from "../workspaces/seed-demo.js";
import { seedDemoEvents } from "./seed-demo-events.js";

describe.each(storeVariants().map((v) => [v.name, v] as const))("demo events on %s", (_name, variant) => {
  let stores: Stores;
  beforeAll(async () => {
    stores = await variant.open();
  });
  afterAll(() => stores.close());

  it("gives demo customers events that the timeline shows next to their feedback", async () => {
    await seedDemo(stores.sor.db);
    const ws = await stores.sor.db
      .selectFrom("workspaces")
      .select("id")
      .where("slug", "=", "demo")
      .executeTakeFirstOrThrow();
    const count = await seedDemoEvents(stores, ws.id);
    expect(count).toBeGreaterThan(300);
    const access = await resolveAccess(stores.sor.db, { kind: "system" }, ws.id);
    const ctx = { db: stores.sor.db, facts: stores.facts, access: access as NonNullable<typeof access> };
    const identity = await stores.sor.db
      .selectFrom("customer_identities")
      .select("customer_id")
      .where("workspace_id", "=", ws.id)
      .where("distinct_id", "=", "user:K-10001")
      .executeTakeFirstOrThrow();
    const profile = await getCustomer(ctx, identity.customer_id);
    expect(profile.distinctIds.map((d) => d.kind).sort()).toEqual(["anon", "email", "user"]);
    expect(profile.channels).toContain("web");
    const timeline = await customerTimeline(ctx, identity.customer_id, { limit: 100 });
    const kinds = new Set(timeline.items.map((i) => i.kind));
    expect(kinds).toEqual(new Set(["event", "feedback"]));
    expect(timeline.items.some((i) => i.kind === "event" && i.name === "Page Viewed")).toBe(true);
  });
});
