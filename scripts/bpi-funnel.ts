/**
 * The funnel report on a real journey: BPI Challenge 2012 (a bank's loan applications, read from
 * ../shared/data/eventlogs, never copied) imported with the XES preset into temporary embedded stores,
 * then A_SUBMITTED → A_PREACCEPTED → A_ACCEPTED → O_SENT → A_APPROVED per case (ordered, 365 days),
 * for each order mode. Run: npx tsx scripts/bpi-funnel.ts
 */
import { createReadStream, existsSync } from "node:fs";
import { openBenchWorkspace } from "../bench/bench-workspace.js";
import { FUNNEL_ORDERS, ZFunnelRequest } from "../src/core/analytics/funnel.schema.js";
import { funnel } from "../src/core/analytics/reports/funnel.js";
import { XES_PRESET } from "../src/core/events/import/event-log-mapping.js";
import { fileFingerprint } from "../src/core/events/import/fingerprint.js";
import { importEventLog } from "../src/core/events/import/import-event-log.js";
import { eventWriterFor } from "../src/core/events/writer.js";
import { sharedDataFile } from "../src/testing/shared-data.js";

const file = sharedDataFile("eventlogs/bpic2012.xes.gz");
if (!existsSync(file)) {
  console.error(`${file} is missing (../shared/data/eventlogs)`);
  process.exit(1);
}
const STEPS = ["A_SUBMITTED", "A_PREACCEPTED", "A_ACCEPTED", "O_SENT", "A_APPROVED"];
const { stores, workspaceId, access, close } = await openBenchWorkspace("bpi-funnel");
try {
  const r = await importEventLog(stores, {
    workspaceId,
    format: "xes",
    mapping: XES_PRESET,
    preset: true,
    fingerprint: await fileFingerprint(file),
    source: createReadStream(file),
  });
  console.log(`imported ${r.accepted} events (rejected ${r.rejected})`);
  await eventWriterFor(stores).close();
  const ctx = { db: stores.sor.db, facts: stores.facts, access };
  for (const order of FUNNEL_ORDERS) {
    const q = ZFunnelRequest.parse({
      from: "2011-01-01T00:00:00Z",
      to: "2013-01-01T00:00:00Z",
      includeWithoutConsent: true,
      steps: STEPS.map((event) => ({ event })),
      window: { value: 365, unit: "days" },
      order,
    });
    const t0 = performance.now();
    const f = await funnel(ctx, q);
    const s = ((performance.now() - t0) / 1000).toFixed(2);
    console.log(`\n${order} (${s} s): entered ${f.entered}, overall ${f.overallConversion?.toFixed(4)}`);
    for (const step of f.steps) {
      const fmt = (v: number | null) => (v === null ? "-" : `${v} s (${(v / 3600).toFixed(2)} h)`);
      console.log(
        `  ${step.index} ${step.label.padEnd(14)} reached ${String(step.reached).padStart(6)}  ` +
          `step ${step.stepConversion?.toFixed(4) ?? "-"}  median ${fmt(step.medianSeconds)}  ` +
          `p90 ${fmt(step.p90Seconds)}  dropped ${step.dropped}`,
      );
    }
  }
} finally {
  await close();
}
