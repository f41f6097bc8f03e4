/**
 * Test fixture for webhooks-kill.test.ts: runs the webhook delivery handler on every due outbox row
 * with a short lease, against a receiver that never answers, so the parent can SIGKILL this process
 * in the middle of a delivery. Usage: node --import tsx deliver-and-hang.ts <pglite data dir> <leaseMs>
 */
import { defaultAppConfig } from "../../core/config.js";
import { openPGlite } from "../../core/db/connect.js";
import type { Stores } from "../../core/stores.js";
import { createOutboxWorker } from "../outbox-worker.js";
import { webhookDeliverHandler } from "../webhooks.js";

const [dir, leaseMs] = process.argv.slice(2);
if (!dir || !leaseMs) throw new Error("usage: deliver-and-hang.ts <dir> <leaseMs>");
const sor = await openPGlite(dir);
const config = defaultAppConfig({ webhooks: { allowPrivateAddresses: true, timeoutMs: 600_000 } });
const worker = createOutboxWorker({
  db: sor.db,
  workerId: "doomed",
  leaseMs: Number(leaseMs),
  handlers: { "webhooks.deliver": webhookDeliverHandler({ sor } as Stores, config) },
});
process.stdout.write("started\n");
await worker.runOnce();
