/**
 * Event-log import benchmark: BPI Challenge 2012 (262,200 events, 13,087 cases) end to end through
 * `importEventLog` — gzip, CSV or XES parsing, mapping, the shared event writer (dedup + facts
 * insert) and the resumable `event_imports` row — into fresh embedded stores. Then a re-import (all
 * duplicates). Run: npx tsx bench/import-eventlog.ts [csv|xes] [chunkRows=5000]
 */
import { createReadStream, existsSync } from "node:fs";
import { XES_PRESET } from "../src/core/events/import/event-log-mapping.js";
import { fileFingerprint } from "../src/core/events/import/fingerprint.js";
import { importEventLog } from "../src/core/events/import/import-event-log.js";
import { eventWriterFor } from "../src/core/events/writer.js";
import { sharedDataFile } from "../src/testing/shared-data.js";
import { openBenchWorkspace } from "./bench-workspace.js";

const format = process.argv[2] === "xes" ? "xes" : "csv";
/** Rows per durable chunk (the import's default 5,000). */
const chunkRows = Number(process.argv[3] ?? 5_000);
const file = sharedDataFile(`eventlogs/bpic2012.${format}.gz`);
if (!existsSync(file)) {
  console.error(`${file} is missing (../shared/data/eventlogs)`);
  process.exit(1);
}
const { stores, workspaceId, close } = await openBenchWorkspace("eventlog");
try {
  const run = async (label: string) => {
    const t0 = performance.now();
    const fingerprint = await fileFingerprint(file);
    const r = await importEventLog(stores, {
      workspaceId,
      format,
      mapping: XES_PRESET,
      preset: true,
      fingerprint,
      source: createReadStream(file),
      chunkRows,
    });
    const s = (performance.now() - t0) / 1000;
    console.log(
      `${label}: ${r.rows} rows in ${s.toFixed(2)} s = ${Math.round(r.rows / s).toLocaleString("en")} events/s ` +
        `(accepted ${r.accepted}, duplicates ${r.duplicates}, rejected ${r.rejected})`,
    );
  };
  await run(`import bpic2012.${format}.gz`);
  await run("re-import (all duplicates)");
  const [c] = await stores.facts.query<{ events: number; cases: number }>(
    `SELECT count() AS events, uniqExact(user_id) AS cases FROM ${stores.facts.database}.events FINAL
     WHERE workspace_id = {ws:UUID}`,
    { ws: workspaceId },
  );
  console.log(`facts: ${c?.events} events, ${c?.cases} cases`);
  await eventWriterFor(stores).close();
} finally {
  await close();
}
