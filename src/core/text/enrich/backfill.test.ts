import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client, type SeededWorkspace, SYSTEM_TOKEN, seedWorkspace, testApp } from "../../../testing/app.js";
import { storeVariants } from "../../../testing/stores.js";
import { createOutboxWorker } from "../../../worker/outbox-worker.js";
import { textBackfillHandler } from "../../../worker/text-backfill.js";
import { defaultAppConfig } from "../../config.js";
import type { Stores } from "../../stores.js";
import { resolveAccess } from "../../workspaces/resolve-access.js";
import { getBackfill, startBackfill, stepBackfill, TEXT_BACKFILL_TOPIC } from "./backfill.js";

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const options = { allowPrivateAddresses: false };

describe.each(storeVariants().map((v) => [v.name, v] as const))("text backfill on %s", (_name, variant) => {
  let stores: Stores;
  let ws: SeededWorkspace;
  let call: ReturnType<typeof client>;

  const post = async (n: number, from = 0) => {
    const items = Array.from({ length: n }, (_, i) => ({
      channel: "web_review",
      text:
        (from + i) % 3 === 0
          ? `Rechnung ${from + i} falsch, Hotline nie erreichbar`
          : `Super Beratung Nr. ${from + i}`,
    }));
    const res = await call("POST", `/api/v1/workspaces/${ws.workspaceId}/feedback`, {
      bearer: SYSTEM_TOKEN,
      body: { items },
    });
    expect(res.status).toBe(201);
  };
  const context = async () => {
    const access = await resolveAccess(stores.sor.db, { kind: "system" }, ws.workspaceId);
    if (!access) throw new Error("no access");
    return { db: stores.sor.db, access };
  };
  const enrichedCount = async () =>
    Number(
      (
        await stores.sor.db
          .selectFrom("feedback_enrichments")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("workspace_id", "=", ws.workspaceId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    stores = await variant.open();
    ws = await seedWorkspace(stores, "Backfill");
    call = client(testApp(stores));
    await post(600);
    await post(500, 600);
  });
  afterAll(() => stores.close());

  it("steps in chunks of 500; steps at the same time never skip or double-count a chunk", async () => {
    const { backfill, created } = await startBackfill(await context());
    expect(created).toBe(true);
    expect(backfill).toMatchObject({ total: 1100, processed: 0, status: "running" });
    const both = await Promise.all([
      stepBackfill(stores, ws.workspaceId, backfill.id, options),
      stepBackfill(stores, ws.workspaceId, backfill.id, options),
    ]);
    expect(both.map((b) => b.processed).sort((x, y) => x - y)).toEqual([500, 1000]);
    expect(await enrichedCount()).toBe(1000);
    // Records arriving during the run are included (their ids sort after the cursor).
    await post(5, 2000);
    const last = await stepBackfill(stores, ws.workspaceId, backfill.id, options);
    expect(last).toMatchObject({ status: "done", processed: 1105, total: 1105, error: null });
    expect(await enrichedCount()).toBe(1105);
    const revisions = await stores.sor.db
      .selectFrom("feedback_enrichments")
      .select("revision")
      .distinct()
      .where("workspace_id", "=", ws.workspaceId)
      .execute();
    expect(revisions).toEqual([{ revision: 1 }]);
  });

  it("resumes at its cursor after a failed step, keeping the error until a step succeeds", async () => {
    const { backfill } = await startBackfill(await context());
    expect(backfill.total).toBe(1105);
    await stepBackfill(stores, ws.workspaceId, backfill.id, options);
    await sql`alter table feedback_enrichments rename to feedback_enrichments_away`.execute(stores.sor.db);
    try {
      await expect(stepBackfill(stores, ws.workspaceId, backfill.id, options)).rejects.toThrow(
        /feedback_enrichments/,
      );
    } finally {
      await sql`alter table feedback_enrichments_away rename to feedback_enrichments`.execute(stores.sor.db);
    }
    const failed = await getBackfill(await context(), backfill.id);
    expect(failed).toMatchObject({ status: "running", processed: 500 });
    expect(failed.error).toMatch(/feedback_enrichments/);
    const resumed = await stepBackfill(stores, ws.workspaceId, backfill.id, options);
    expect(resumed).toMatchObject({ processed: 1000, error: null });
    // Forced: every record of the first 1000 was analysed again (revision 2), none of them twice.
    const byRevision = await sql<{ revision: number; n: string }>`
      select revision, count(*) as n from feedback_enrichments where workspace_id = ${ws.workspaceId}
      group by revision order by revision`.execute(stores.sor.db);
    expect(byRevision.rows.map((r) => [r.revision, Number(r.n)])).toEqual([
      [1, 105],
      [2, 1000],
    ]);
    expect((await stepBackfill(stores, ws.workspaceId, backfill.id, options)).status).toBe("done");
  });

  it("the text.backfill message drives a backfill to the end, queueing itself again between budgets", async () => {
    const { backfill } = await startBackfill(await context());
    const worker = createOutboxWorker({
      db: stores.sor.db,
      handlers: { [TEXT_BACKFILL_TOPIC]: textBackfillHandler(stores, defaultAppConfig(), 0) },
      topics: [TEXT_BACKFILL_TOPIC],
      logger: silent,
    });
    let runs = 0;
    while ((await worker.runOnce()).claimed > 0) runs++;
    // A zero budget runs one chunk per message: 500, 1000, 1105 → three messages.
    expect(runs).toBe(3);
    expect(await getBackfill(await context(), backfill.id)).toMatchObject({
      status: "done",
      processed: 1105,
    });
    const messages = await stores.sor.db
      .selectFrom("outbox")
      .select(["topic", "status"])
      .where("workspace_id", "=", ws.workspaceId)
      .where("topic", "in", [TEXT_BACKFILL_TOPIC, "text.emerging"])
      .execute();
    expect(messages.filter((m) => m.topic === TEXT_BACKFILL_TOPIC).every((m) => m.status === "done")).toBe(
      true,
    );
  });
});
