import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../core/ids.js";
import { enqueue } from "../core/outbox/enqueue.js";
import type { Stores } from "../core/stores.js";
import { storeVariants } from "../testing/stores.js";
import { eventsIdentityHandler } from "./events-identity.js";
import type { OutboxHandlerContext } from "./outbox-worker.js";

const [embedded] = storeVariants();

describe("events.identity handler", () => {
  let stores: Stores;
  let workspaceId: string;
  const run = async (payload: unknown) => {
    const id = await enqueue(stores.sor.db, { workspaceId, topic: "events.identity", payload });
    const row = await stores.sor.db
      .selectFrom("outbox")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const ctx: OutboxHandlerContext = { db: stores.sor.db, workerId: "test", attempt: 1 };
    return eventsIdentityHandler(stores)(row, ctx);
  };
  const customers = async () =>
    (
      await stores.sor.db
        .selectFrom("customers")
        .select("id")
        .where("workspace_id", "=", workspaceId)
        .execute()
    ).length;

  beforeAll(async () => {
    stores = await (embedded as NonNullable<typeof embedded>).open();
    workspaceId = uuidv7();
    await stores.sor.db
      .insertInto("workspaces")
      .values({ id: workspaceId, name: "H", slug: `h-${workspaceId}` })
      .execute();
  });
  afterAll(() => stores.close());

  it("rejects a malformed payload (so the outbox retries and parks it) and changes nothing", async () => {
    await expect(
      run({ ids: [{ userId: "x", firstSeen: "not a time", lastSeen: "2026-11-01" }] }),
    ).rejects.toThrow(/events.identity payload is invalid/);
    await expect(run({ aliases: [{ messageId: "m", userId: "u" }] })).rejects.toThrow(/invalid/);
    expect(await customers()).toBe(0);
  });

  it("stitches a well-formed payload", async () => {
    await run({
      ids: [{ userId: "x", firstSeen: "2026-11-01 10:00:00.000", lastSeen: "2026-11-01 11:00:00.000" }],
    });
    expect(await customers()).toBe(1);
  });

  it("applies several messages of several workspaces together, each in its own workspace", async () => {
    const other = uuidv7();
    await stores.sor.db
      .insertInto("workspaces")
      .values({ id: other, name: "O", slug: `o-${other}` })
      .execute();
    const message = async (ws: string, payload: unknown) => {
      const id = await enqueue(stores.sor.db, { workspaceId: ws, topic: "events.identity", payload });
      return stores.sor.db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    };
    const rows = [
      await message(workspaceId, {
        identifies: [
          { messageId: "i2", userId: "m", traits: { plan: "pro" }, timestamp: "2026-11-02T10:00:00Z" },
        ],
      }),
      await message(other, {
        identifies: [
          { messageId: "i3", userId: "m", traits: { plan: "free" }, timestamp: "2026-11-01T10:00:00Z" },
        ],
      }),
      // Older than the first message's identify: by time, "pro" stays the latest value.
      await message(workspaceId, {
        identifies: [
          {
            messageId: "i1",
            userId: "m",
            anonymousId: "n",
            traits: { plan: "basic" },
            timestamp: "2026-11-01T10:00:00Z",
          },
        ],
      }),
    ];
    const many = eventsIdentityHandler(stores).many;
    await many?.(rows, { db: stores.sor.db, workerId: "test" });
    const traits = async (ws: string) =>
      stores.sor.db
        .selectFrom("customer_identities as i")
        .innerJoin("customers as c", "c.id", "i.customer_id")
        .select(["i.distinct_id", "c.traits"])
        .where("i.workspace_id", "=", ws)
        .where("i.distinct_id", "in", ["user:m", "anon:n"])
        .orderBy("i.distinct_id")
        .execute();
    expect(await traits(workspaceId)).toEqual([
      { distinct_id: "anon:n", traits: { plan: "pro" } },
      { distinct_id: "user:m", traits: { plan: "pro" } },
    ]);
    expect(await traits(other)).toEqual([{ distinct_id: "user:m", traits: { plan: "free" } }]);
  });
});
