import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { insertWorkspace, outboxRow, useOutboxFixture } from "../../testing/outbox.js";
import { storeVariants } from "../../testing/stores.js";
import type { Db } from "../db/connect.js";
import { AppError } from "../errors.js";
import { uuidv7 } from "../ids.js";
import { exponentialBackoff } from "./backoff.js";
import { claimBatch } from "./claim.js";
import { complete } from "./complete.js";
import { enqueue } from "./enqueue.js";
import { describeError, fail } from "./fail.js";
import { listParked } from "./list-parked.js";
import { retryParked } from "./retry-parked.js";

const dbNow = async (db: Db): Promise<Date> =>
  (await sql<{ now: Date }>`select now() as now`.execute(db)).rows[0]?.now ?? new Date(Number.NaN);

describe("exponentialBackoff", () => {
  it("stays within [d/2, d] for d = min(cap, base·2^(n−1))", () => {
    const low = exponentialBackoff({ baseMs: 1_000, capMs: 10_000, random: () => 0 });
    const high = exponentialBackoff({ baseMs: 1_000, capMs: 10_000, random: () => 1 });
    expect([1, 2, 3, 4, 5, 50].map(low)).toEqual([500, 1_000, 2_000, 4_000, 5_000, 5_000]);
    expect([1, 2, 3, 4, 5, 50].map(high)).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
  });
});

describe("describeError", () => {
  it("keeps the message, drops NUL bytes and bounds the length", () => {
    expect(describeError(new Error("boom\u0000!"))).toMatch(/^Error: boom!/);
    expect(describeError("x".repeat(10_000))).toHaveLength(4_000 + "… (truncated)".length);
    expect(describeError({ code: 42 })).toBe('{"code":42}');
  });
});

describe.each(storeVariants().map((v) => [v.name, v] as const))("outbox on %s", (_name, variant) => {
  let db: Db;
  let ws: string;
  useOutboxFixture(variant, (fixture) => {
    ({ db, ws } = fixture);
  });

  it("enqueues with the business write's transaction, and not at all when it rolls back", async () => {
    const committed = await db.transaction().execute(async (tx) => {
      await tx.updateTable("workspaces").set({ name: "Renamed" }).where("id", "=", ws).execute();
      return enqueue(tx, { workspaceId: ws, topic: "workspace.renamed", payload: { name: "Renamed", n: 1 } });
    });
    await expect(
      db.transaction().execute(async (tx) => {
        await tx.updateTable("workspaces").set({ name: "Lost" }).where("id", "=", ws).execute();
        await enqueue(tx, { workspaceId: ws, topic: "workspace.renamed", payload: { name: "Lost" } });
        throw new Error("business rule failed");
      }),
    ).rejects.toThrow("business rule failed");

    const rows = await db.selectFrom("outbox").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: committed,
      workspace_id: ws,
      topic: "workspace.renamed",
      payload: { name: "Renamed", n: 1 },
      status: "pending",
      attempts: 0,
      locked_by: null,
      last_error: null,
    });
    const workspace = await db
      .selectFrom("workspaces")
      .select("name")
      .where("id", "=", ws)
      .executeTakeFirstOrThrow();
    expect(workspace.name).toBe("Renamed");
  });

  it("refuses a payload that is not JSON", async () => {
    await expect(enqueue(db, { workspaceId: ws, topic: "t", payload: undefined })).rejects.toThrow(
      'outbox payload for "t" is not JSON-serialisable',
    );
  });

  it("claims due rows only, with a lease in database time, then completes them", async () => {
    const due = await enqueue(db, { workspaceId: ws, topic: "a", payload: { i: 1 } });
    const later = await enqueue(db, {
      workspaceId: ws,
      topic: "a",
      payload: { i: 2 },
      availableAt: new Date(Date.now() + 3_600_000),
    });
    const before = await dbNow(db);
    const claimed = await claimBatch(db, { workerId: "w1", limit: 10, leaseMs: 30_000 });
    expect(claimed.map((r) => r.id)).toEqual([due]);
    const [c] = claimed;
    expect(c).toMatchObject({ status: "processing", attempts: 1, locked_by: "w1", payload: { i: 1 } });
    const leaseMs = (c?.locked_until?.getTime() ?? 0) - before.getTime();
    expect(leaseMs).toBeGreaterThanOrEqual(30_000);
    expect(leaseMs).toBeLessThan(40_000);

    // Neither the claimed row (lease still valid) nor the future one is due.
    expect(await claimBatch(db, { workerId: "w2", limit: 10, leaseMs: 30_000 })).toEqual([]);
    expect(await complete(db, due, "w2")).toBe(false);
    expect(await complete(db, due, "w1", 2)).toBe(false);
    expect(await complete(db, due, "w1", 1)).toBe(true);
    expect(await complete(db, due, "w1", 1)).toBe(false);
    const done = await outboxRow(db, due);
    expect(done).toMatchObject({ status: "done", attempts: 1, locked_by: "w1", locked_until: null });
    expect(done.completed_at).toBeInstanceOf(Date);
    expect((await outboxRow(db, later)).status).toBe("pending");
  });

  it("claims at most `limit` rows, oldest first, and only the requested topics", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(await enqueue(db, { workspaceId: ws, topic: i % 2 ? "odd" : "even", payload: i }));
    const first = await claimBatch(db, { workerId: "w", limit: 2, leaseMs: 60_000, topics: ["even"] });
    expect(first.map((r) => r.id)).toEqual([ids[0], ids[2]]);
    expect(await claimBatch(db, { workerId: "w", limit: 10, leaseMs: 60_000, topics: [] })).toEqual([]);
    const rest = await claimBatch(db, { workerId: "w", limit: 10, leaseMs: 60_000 });
    expect(rest.map((r) => r.id)).toEqual([ids[1], ids[3], ids[4]]);
  });

  it("fail() reschedules with backoff in database time, then parks at maxAttempts", async () => {
    const id = await enqueue(db, { workspaceId: ws, topic: "a", payload: {} });
    const policy = { maxAttempts: 3, backoff: exponentialBackoff({ baseMs: 10_000, random: () => 0.5 }) };

    const [first] = await claimBatch(db, { workerId: "w", limit: 1, leaseMs: 60_000 });
    if (!first) throw new Error("nothing claimed");
    const before = await dbNow(db);
    expect(await fail(db, first, "other", new Error("not mine"), policy)).toBe("lost");
    expect(await fail(db, first, "w", new Error("boom 1"), policy)).toBe("retry");
    const retry = await outboxRow(db, id);
    expect(retry).toMatchObject({ status: "pending", attempts: 1, locked_until: null });
    expect(retry.last_error).toMatch(/^Error: boom 1/);
    // attempt 1: d = 10 s, equal jitter at 0.5 → 7.5 s after database now()
    const delay = retry.available_at.getTime() - before.getTime();
    expect(delay).toBeGreaterThanOrEqual(7_500);
    expect(delay).toBeLessThan(8_500);
    expect(await claimBatch(db, { workerId: "w", limit: 1, leaseMs: 60_000 })).toEqual([]);

    for (const attempt of [2, 3]) {
      await db.updateTable("outbox").set({ available_at: sql<Date>`now()` }).where("id", "=", id).execute();
      const [again] = await claimBatch(db, { workerId: "w", limit: 1, leaseMs: 60_000 });
      expect(again?.attempts).toBe(attempt);
      if (!again) throw new Error("nothing claimed");
      expect(await fail(db, again, "w", new Error(`boom ${attempt}`), policy)).toBe(
        attempt === 3 ? "parked" : "retry",
      );
    }
    const parked = await outboxRow(db, id);
    expect(parked).toMatchObject({ status: "parked", attempts: 3, locked_until: null });
    expect(parked.last_error).toMatch(/^Error: boom 3/);
    await db
      .updateTable("outbox")
      .set({ available_at: sql<Date>`now() - interval '1 hour'` })
      .where("id", "=", id)
      .execute();
    expect(await claimBatch(db, { workerId: "w", limit: 10, leaseMs: 60_000 })).toEqual([]);
  });

  it("takes over a row whose lease expired, and fences off the worker that lost it", async () => {
    const id = await enqueue(db, { workspaceId: ws, topic: "a", payload: {} });
    // Leases long enough that a loaded CI machine cannot outrun them between the two claims.
    await claimBatch(db, { workerId: "dead", limit: 1, leaseMs: 1000 });
    expect(await claimBatch(db, { workerId: "alive", limit: 1, leaseMs: 60_000 })).toEqual([]);
    await new Promise((r) => setTimeout(r, 1200));
    const [taken] = await claimBatch(db, { workerId: "alive", limit: 1, leaseMs: 60_000 });
    expect(taken).toMatchObject({
      id,
      status: "processing",
      attempts: 2,
      locked_by: "alive",
      last_error: "lease expired: worker dead did not finish attempt 1",
    });
    expect(await complete(db, id, "dead")).toBe(false);
    expect(await fail(db, { id, attempts: 1 }, "dead", new Error("late"))).toBe("lost");
    expect(await complete(db, id, "alive", 2)).toBe(true);
    expect(await outboxRow(db, id)).toMatchObject({ status: "done", attempts: 2, locked_by: "alive" });
  });

  it("lists parked rows per workspace and puts one back in the queue", async () => {
    const other = await insertWorkspace(db);
    const ids: string[] = [];
    for (const w of [ws, ws, other])
      ids.push(await enqueue(db, { workspaceId: w, topic: "a", payload: { w } }));
    const claimed = await claimBatch(db, { workerId: "w", limit: 10, leaseMs: 60_000 });
    for (const r of claimed) await fail(db, r, "w", new Error(`poison ${r.id}`), { maxAttempts: 1 });

    // UUIDv7 ids made within one millisecond are not ordered among themselves: sort as the list does.
    const [first, second] = [ids[0] ?? "", ids[1] ?? ""].sort();
    const foreign = ids[2] ?? "";
    const page1 = await listParked(db, ws, { limit: 1 });
    expect(page1.items.map((m) => m.id)).toEqual([first]);
    expect(page1.items[0]).toMatchObject({ topic: "a", status: "parked", attempts: 1, payload: { w: ws } });
    expect(page1.items[0]?.lastError).toContain(`poison ${first}`);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await listParked(db, ws, { limit: 1, cursor: page1.nextCursor ?? undefined });
    expect(page2).toMatchObject({ items: [{ id: second }], nextCursor: null });

    const retried = await retryParked(db, ws, first ?? "");
    expect(retried).toMatchObject({ id: first, status: "pending", attempts: 0 });
    expect(await outboxRow(db, first ?? "")).toMatchObject({
      status: "pending",
      attempts: 0,
      locked_by: null,
    });
    expect((await listParked(db, ws, { limit: 10 })).items.map((m) => m.id)).toEqual([second]);

    // Another workspace's id, an unknown id and a non-parked row change nothing.
    await expect(retryParked(db, ws, foreign)).rejects.toMatchObject({ code: "not_found" });
    await expect(retryParked(db, ws, uuidv7())).rejects.toMatchObject({ code: "not_found" });
    await expect(retryParked(db, ws, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
    await expect(retryParked(db, ws, first ?? "")).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === "conflict" && e.message.includes("pending"),
    );
    expect((await outboxRow(db, foreign)).status).toBe("parked");

    const [again] = await claimBatch(db, { workerId: "w2", limit: 10, leaseMs: 60_000 });
    expect(again).toMatchObject({ id: first, attempts: 1 });
  });

  // Server only: PGlite is a single session, so two transactions are never open at once there.
  it.runIf(variant.name.startsWith("postgres"))(
    "SKIP LOCKED: a claim inside an open transaction does not block or share rows with another",
    async () => {
      for (let i = 0; i < 6; i++) await enqueue(db, { workspaceId: ws, topic: "a", payload: i });
      let release!: () => void;
      const held = new Promise<void>((r) => {
        release = r;
      });
      let claimed!: (ids: string[]) => void;
      const firstClaim = new Promise<string[]>((r) => {
        claimed = r;
      });
      const first = db.transaction().execute(async (tx) => {
        claimed((await claimBatch(tx, { workerId: "t1", limit: 3, leaseMs: 60_000 })).map((r) => r.id));
        await held;
      });
      const firstIds = await firstClaim;
      // The first transaction still holds its row locks: the second claim must skip them, not wait.
      const second = (await claimBatch(db, { workerId: "t2", limit: 10, leaseMs: 60_000 })).map((r) => r.id);
      release();
      await first;
      expect(firstIds).toHaveLength(3);
      expect(second).toHaveLength(3);
      expect(second.filter((id) => firstIds.includes(id))).toEqual([]);
    },
  );
});
