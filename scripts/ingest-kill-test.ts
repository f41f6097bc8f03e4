/**
 * Kill test of the ingestion path (issue 6, done-when 3): 50,000 events from a retrying client
 * ledger, the server SIGKILLed and restarted at 20 random points; every acknowledged messageId must
 * be stored exactly once, and every user and anonymous id of them must belong to a customer once the
 * outbox is drained (no identity work lost). Exits 1 otherwise.
 * Run: npx tsx scripts/ingest-kill-test.ts [events=50000] [kills=20]
 */
import { runKillTest } from "../src/testing/ingest-kill.js";

const events = Number(process.argv[2] ?? 50_000);
const kills = Number(process.argv[3] ?? 20);
const started = performance.now();
const r = await runKillTest({ events, kills, log: (line) => console.log(line) });
const ok =
  r.acknowledged === events &&
  r.storedFinal === events &&
  r.storedRaw === events &&
  r.missing.length === 0 &&
  r.duplicated.length === 0 &&
  r.unexpected.length === 0 &&
  r.unlinked.length === 0;
console.log(
  `${ok ? "PASS" : "FAIL"}: ${r.acknowledged} of ${events} events acknowledged across ${r.kills} SIGKILLs; ` +
    `stored ${r.storedFinal} (FINAL), ${r.storedRaw} rows before merging; missing ${r.missing.length}, ` +
    `stored twice ${r.duplicated.length}, never sent ${r.unexpected.length}; ids without a customer ${r.unlinked.length}; ${r.requests} requests, ` +
    `${r.failedRequests} failed and retried; ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
if (!ok) process.exitCode = 1;
