import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeVariants } from "../../../testing/stores.js";
import { chTime, type EventRow, TRACK_ONLY_COLUMNS } from "../../events/event-row.js";
import type { Stores } from "../../stores.js";
import { FUNNEL_ORDERS, ZFunnelRequest } from "../funnel.schema.js";
import { funnelOracle, type OracleEvent } from "../funnel-oracle.js";
import { funnel } from "./funnel.js";

const BASE = Date.UTC(2026, 10, 2, 9, 0);
const minute = 60_000;

const arbEvent = fc.record({
  // Distinct ids; the mirror below merges some of them into customers.
  id: fc.constantFrom("user:u1", "user:u2", "user:u3", "anon:a1", "anon:a2"),
  event: fc.constantFrom("A", "A", "B", "B", "C", "C", "AB"),
  // Few distinct minutes, so ties are common; some before `from` and past `to`.
  minute: fc.integer({ min: -6, max: 90 }).map((m) => m - (m % 3)),
  v: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  channel: fc.constantFrom("", "web", "app"),
});

const arbStep = fc.record({
  event: fc.constantFrom("A", "B", "C", "A", "B", "C", "AB", "A*", "*"),
  where: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    {
      arbitrary: fc.constantFrom("properties.v > 1", "properties.v = null", 'context.channel = "web"'),
      weight: 1,
    },
  ),
});

/** Customers of the identity mirror: u1 merged with the anonymous a1; a2 stitched or not. */
const C1 = "0193a1c2-7d4e-7f00-8a00-0000000000c1";
const C2 = "0193a1c2-7d4e-7f00-8a00-0000000000c2";

const arbCase = fc.record({
  mirror: fc.constantFrom<Record<string, string>>(
    {},
    { "user:u1": C1, "anon:a1": C1 },
    { "user:u1": C1, "anon:a1": C1, "anon:a2": C2 },
  ),
  events: fc.array(arbEvent, { minLength: 5, maxLength: 40 }),
  steps: fc.array(arbStep, { minLength: 2, maxLength: 4 }),
  windowMinutes: fc.integer({ min: 3, max: 60 }),
  order: fc.constantFrom(...FUNNEL_ORDERS),
  breakdown: fc.constantFrom(
    undefined,
    { by: "channel" as const },
    { by: "property" as const, path: "properties.v" },
  ),
});

type Generated = typeof arbEvent extends fc.Arbitrary<infer T> ? T : never;

const toRow = (workspaceId: string, e: Generated, i: number): EventRow => {
  const time = chTime(new Date(BASE + e.minute * minute));
  return {
    workspace_id: workspaceId,
    message_id: `p-${i}`,
    type: "track",
    event: e.event,
    customer_id: "",
    user_id: e.id.startsWith("user:") ? e.id.slice(5) : "",
    anonymous_id: e.id.startsWith("anon:") ? e.id.slice(5) : "",
    timestamp: time,
    received_at: time,
    properties: JSON.stringify(e.v === undefined ? {} : { v: e.v }),
    context: JSON.stringify(e.channel ? { channel: e.channel } : {}),
    version: 1,
    payload_hash: `p-${i}`,
    ...TRACK_ONLY_COLUMNS,
    source: "http",
    historical: 0,
  };
};

const toOracle = (e: Generated, mirror: Record<string, string>): OracleEvent => ({
  unit: mirror[e.id] ?? e.id,
  event: e.event,
  timestamp: BASE + e.minute * minute,
  properties: e.v === undefined ? {} : { v: e.v },
  context: e.channel ? { channel: e.channel } : {},
  traits: {},
  channel: e.channel,
});

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "funnel vs oracle on %s",
  (_name, variant) => {
    let stores: Stores;
    beforeAll(async () => {
      stores = await variant.open();
    });
    afterAll(() => stores.close());

    it("the SQL report equals the in-memory oracle on random events, merges, steps, windows and orders", async () => {
      await fc.assert(
        fc.asyncProperty(arbCase, async (c) => {
          const workspaceId = randomUUID();
          await stores.facts.insert(
            "events",
            c.events.map((e, i) => toRow(workspaceId, e, i)),
          );
          await stores.facts.insert(
            "customer_identities",
            Object.entries(c.mirror).map(([id, customer]) => ({
              workspace_id: workspaceId,
              distinct_id: id,
              customer_id: customer,
              version: 1,
            })),
          );
          const from = BASE;
          const to = BASE + 60 * minute;
          const q = ZFunnelRequest.parse({
            from: new Date(from).toISOString(),
            to: new Date(to).toISOString(),
            steps: c.steps,
            window: { value: c.windowMinutes, unit: "minutes" },
            order: c.order,
            breakdown: c.breakdown,
          });
          const actual = await funnel(
            {
              db: stores.sor.db,
              facts: stores.facts,
              access: { workspaceId, actor: { kind: "system" }, scopes: ["read"], role: undefined },
            },
            q,
          );
          const expected = funnelOracle(
            c.events.map((e) => toOracle(e, c.mirror)),
            {
              steps: c.steps,
              windowMs: c.windowMinutes * minute,
              order: c.order,
              from,
              to,
              breakdown: c.breakdown,
            },
          );
          expect(actual).toEqual(expected);
        }),
        { numRuns: 50 },
      );
    }, 600_000);
  },
);
