import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultAppConfig } from "../core/config.js";
import { openPGlite } from "../core/db/connect.js";
import { migrateToLatest } from "../core/db/migrate.js";
import { uuidv7 } from "../core/ids.js";
import type { Stores } from "../core/stores.js";
import { emitWebhookEvent } from "../core/webhooks/emit-event.js";
import { createOutboxWorker } from "./outbox-worker.js";
import { webhookDeliverHandler, webhookEventHandler } from "./webhooks.js";

const fixture = fileURLToPath(new URL("./testdata/deliver-and-hang.ts", import.meta.url));
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const LEASE_MS = 2_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const silent = { info: () => {}, warn: () => {}, error: () => {} };

describe("webhook delivery across a killed worker", () => {
  let dir: string;
  const hits: IncomingHttpHeaders[] = [];
  let answer = false;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      hits.push(req.headers);
      // Until the worker is killed the receiver hangs, so the kill lands mid-request.
      if (answer) res.writeHead(204).end();
    });
  });
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "jl-webhooks-kill-"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  it("a SIGKILL mid-delivery loses nothing: the attempt runs again with the same webhook-id", async () => {
    const dataDir = join(dir, "pg");
    const port = (server.address() as AddressInfo).port;
    let sor = await openPGlite(dataDir);
    await migrateToLatest(sor.db);
    const workspaceId = uuidv7();
    const endpointId = uuidv7();
    await sor.db
      .insertInto("workspaces")
      .values({ id: workspaceId, name: "W", slug: `w-${workspaceId}` })
      .execute();
    await sor.db
      .insertInto("webhook_endpoints")
      .values({
        id: endpointId,
        workspace_id: workspaceId,
        url: `http://127.0.0.1:${port}/hook`,
        event_types: JSON.stringify(["alert.fired"]),
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      })
      .execute();
    await sor.db
      .transaction()
      .execute((tx) =>
        emitWebhookEvent(tx, { workspaceId, type: "alert.fired", data: { alert: { id: "a1" } } }),
      );
    const config = defaultAppConfig({ webhooks: { allowPrivateAddresses: true, timeoutMs: 5_000 } });
    const stores = () => ({ sor }) as Stores;
    const fanOut = createOutboxWorker({
      db: sor.db,
      logger: silent,
      handlers: { "webhooks.event": webhookEventHandler(stores()) },
      topics: ["webhooks.event"],
    });
    expect(await fanOut.runOnce()).toMatchObject({ claimed: 1, done: 1 });
    await sor.close();

    const child = spawn(process.execPath, ["--import", "tsx", fixture, dataDir, String(LEASE_MS)], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    try {
      const deadline = Date.now() + 30_000;
      while (hits.length === 0 && Date.now() < deadline && child.exitCode === null) await sleep(50);
      expect(hits, stderr).toHaveLength(1);
    } finally {
      child.kill("SIGKILL");
    }
    await new Promise((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once("exit", resolve),
    );
    answer = true;

    sor = await openPGlite(dataDir);
    try {
      const pending = await sor.db.selectFrom("webhook_deliveries").selectAll().executeTakeFirstOrThrow();
      expect(pending).toMatchObject({ status: "pending", attempts: 0 });
      const worker = createOutboxWorker({
        db: sor.db,
        logger: silent,
        workerId: "survivor",
        handlers: { "webhooks.deliver": webhookDeliverHandler(stores(), config) },
      });
      const deadline = Date.now() + 5 * LEASE_MS;
      while (hits.length < 2 && Date.now() < deadline) {
        await worker.runOnce();
        await sleep(100);
      }
      for (let i = 0; i < 2; i++) expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
      await worker.stop();
      expect(hits).toHaveLength(2);
      expect(hits[1]?.["webhook-id"]).toBe(pending.id);
      expect(hits[0]?.["webhook-id"]).toBe(pending.id);
      expect(
        await sor.db.selectFrom("webhook_deliveries").selectAll().executeTakeFirstOrThrow(),
      ).toMatchObject({
        status: "succeeded",
        attempts: 1,
        last_status_code: 204,
      });
      const outbox = await sor.db
        .selectFrom("outbox")
        .selectAll()
        .where("topic", "=", "webhooks.deliver")
        .executeTakeFirstOrThrow();
      expect(outbox).toMatchObject({ status: "done", attempts: 2, locked_by: "survivor" });
      expect(outbox.last_error).toBe("lease expired: worker doomed did not finish attempt 1");
    } finally {
      await sor.close();
    }
  }, 90_000);
});
