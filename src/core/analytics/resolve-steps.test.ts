import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWorkspace } from "../../testing/app.js";
import { storeVariants } from "../../testing/stores.js";
import type { WorkspaceContext } from "../context.js";
import { AppError } from "../errors.js";
import { uuidv7 } from "../ids.js";
import type { Stores } from "../stores.js";
import { createTouchpoint } from "../touchpoints/create-touchpoint.js";
import { resolveAccess } from "../workspaces/resolve-access.js";
import { resolveSteps } from "./resolve-steps.js";
import { SqlParams } from "./scope.js";
import { stepsCondition, type TStep } from "./steps.js";

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe.each(storeVariants().map((v) => [v.name, v] as const))("resolveSteps on %s", (_name, variant) => {
  let stores: Stores;
  let ctx: WorkspaceContext;
  let otherCtx: WorkspaceContext;
  let checkout: string;
  let silent: string;
  let foreign: string;
  let unreadable: string;

  async function contextOf(workspaceId: string): Promise<WorkspaceContext> {
    const access = await resolveAccess(stores.sor.db, { kind: "system" }, workspaceId);
    if (!access) throw new Error("no access");
    return { db: stores.sor.db, access };
  }

  beforeAll(async () => {
    stores = await variant.open();
    ctx = await contextOf((await seedWorkspace(stores, "Stadtwerke")).workspaceId);
    otherCtx = await contextOf((await seedWorkspace(stores, "Other")).workspaceId);
    checkout = (
      await createTouchpoint(ctx, {
        name: "Checkout",
        eventMatchers: [
          { event: "Checkout Started" },
          { event: "Order *", where: 'properties.total > 100 and context.channel = "web"' },
        ],
      })
    ).id;
    silent = (await createTouchpoint(ctx, { name: "Beratung vor Ort" })).id;
    unreadable = (
      await createTouchpoint(ctx, { name: "Tarif", eventMatchers: [{ event: "X", where: 'plan = "pro"' }] })
    ).id;
    foreign = (
      await createTouchpoint(otherCtx, { name: "Fremd", eventMatchers: [{ event: "Checkout Started" }] })
    ).id;
  });
  afterAll(() => stores.close());

  const resolve = (steps: TStep[]) =>
    resolveSteps(stores.sor.db, ctx.access.workspaceId, steps, "/body/steps");

  it("resolves event steps and touchpoint steps of this workspace to labels and matchers", async () => {
    expect(
      await resolve([
        { event: "Page Viewed" },
        { event: "Order *", where: "properties.total > 1", label: "Big order" },
        { touchpointId: checkout },
        { touchpointId: checkout, label: "Kasse" },
        { event: "Cart Viewed", where: "" },
      ]),
    ).toEqual([
      { label: "Page Viewed", matchers: [{ event: "Page Viewed" }] },
      { label: "Big order", matchers: [{ event: "Order *", where: "properties.total > 1" }] },
      {
        label: "Checkout",
        matchers: [
          { event: "Checkout Started" },
          { event: "Order *", where: 'properties.total > 100 and context.channel = "web"' },
        ],
      },
      {
        label: "Kasse",
        matchers: [
          { event: "Checkout Started" },
          { event: "Order *", where: 'properties.total > 100 and context.channel = "web"' },
        ],
      },
      { label: "Cart Viewed", matchers: [{ event: "Cart Viewed" }] },
    ]);
  });

  it("answers 404 for a touchpoint of another workspace or an unknown one", async () => {
    for (const touchpointId of [foreign, uuidv7()]) {
      const error = await errorOf(resolve([{ event: "A" }, { touchpointId }]));
      expect(error.code).toBe("not_found");
      expect(error.message).toBe("Touchpoint not found");
    }
  });

  it("answers 400 at the step's touchpointId for a touchpoint without matchers or with an unreadable path", async () => {
    const none = await errorOf(resolve([{ event: "A" }, { touchpointId: silent }]));
    expect(none.code).toBe("validation_failed");
    expect(none.errors).toEqual([
      {
        pointer: "/body/steps/1/touchpointId",
        code: "no_matchers",
        message: expect.stringContaining("Beratung"),
      },
    ]);
    const path = await errorOf(
      resolve([{ touchpointId: checkout }, { event: "A" }, { touchpointId: unreadable }]),
    );
    expect(path.code).toBe("validation_failed");
    expect(path.errors).toEqual([
      {
        pointer: "/body/steps/2/touchpointId",
        code: "unknown_path",
        message: expect.stringContaining("Tarif"),
      },
    ]);
  });

  it("answers 400 at the step's where for an event step with an unknown path", async () => {
    const error = await errorOf(resolve([{ event: "A" }, { event: "B", where: 'user_id = "u1"' }]));
    expect(error.code).toBe("validation_failed");
    expect(error.errors).toEqual([
      { pointer: "/body/steps/1/where", code: "unknown_path", message: expect.any(String) },
    ]);
  });

  it("a touchpoint step matches any of its matchers in chDB", async () => {
    const [step] = await resolve([{ touchpointId: checkout }]);
    const params = new SqlParams();
    const condition = stepsCondition(step?.matchers ?? [], params, "/body/steps/0");
    const rows = [
      { event: "Checkout Started", properties: "{}", context: "{}" },
      { event: "Order Completed", properties: '{"total":150}', context: '{"channel":"web"}' },
      { event: "Order Completed", properties: '{"total":150}', context: '{"channel":"app"}' },
      { event: "Order Completed", properties: '{"total":90}', context: '{"channel":"web"}' },
      { event: "Page Viewed", properties: '{"total":150}', context: '{"channel":"web"}' },
    ];
    const data = rows.map((r, idx) => JSON.stringify({ idx, ...r, traits: "{}" })).join("\n");
    const structure = params.add(
      "String",
      "idx UInt32, event String, properties String, context String, traits String",
    );
    const body = params.add("String", data);
    const result = await stores.facts.query<{ idx: number }>(
      `SELECT idx FROM format(JSONEachRow, ${structure}, ${body}) WHERE ${condition} ORDER BY idx`,
      params.values,
    );
    expect(result.map((r) => r.idx)).toEqual([0, 1]);
  });
});
