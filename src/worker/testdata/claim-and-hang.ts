/**
 * Test fixture for outbox-kill.test.ts: claims every due outbox row with a short lease, reports
 * "claimed <ids>" on stdout, then hangs with the store open until the parent SIGKILLs it.
 * Usage: node --import tsx claim-and-hang.ts <pglite data dir | postgres:// url> <leaseMs> <workerId>
 */
import { connectPostgres, openPGlite } from "../../core/db/connect.js";
import { claimBatch } from "../../core/outbox/claim.js";

const [target, leaseMs, workerId] = process.argv.slice(2);
if (!target || !leaseMs || !workerId)
  throw new Error("usage: claim-and-hang.ts <dir|url> <leaseMs> <workerId>");
const sor = target.startsWith("postgres") ? connectPostgres(target, 1) : await openPGlite(target);
const rows = await claimBatch(sor.db, { workerId, limit: 100, leaseMs: Number(leaseMs) });
process.stdout.write(`claimed ${rows.map((r) => r.id).join(",")}\n`);
setInterval(() => {}, 60_000);
