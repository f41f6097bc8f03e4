import { cpus } from "node:os";
import { uuidv7 } from "../src/core/ids.js";
import { getMetrics } from "../src/core/metrics/get-metrics.js";
import { ZMetricsQuery } from "../src/core/metrics/metrics.schema.js";
import { openBenchWorkspace } from "./bench-workspace.js";

const N = Number(process.argv[2] ?? 1_000_000);
const BATCH = 100_000;
const { stores, workspaceId, access, close } = await openBenchWorkspace("metrics");
try {
  const touchpoints = Array.from({ length: 40 }, () => uuidv7());
  const plans = ["basic", "comfort", "home_office"];
  const start = Date.parse("2026-01-01T00:00:00Z");
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const t0 = performance.now();
  for (let done = 0; done < N; done += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, N - done) }, (_, i) => {
      const kind = (done + i) % 3;
      const metric = kind === 0 ? "nps" : kind === 1 ? "csat" : "ces";
      const [min, max] = metric === "nps" ? [0, 10] : metric === "csat" ? [1, 5] : [1, 7];
      return {
        workspace_id: workspaceId,
        feedback_id: uuidv7(),
        kind: "survey_response",
        channel: "survey",
        survey_id: "",
        touchpoint_id: touchpoints[Math.floor(rand() * touchpoints.length)],
        journey_id: "",
        stage_id: "",
        step_id: "",
        persona_id: "",
        customer_id: `c${Math.floor(rand() * 200_000)}`,
        customer_traits: JSON.stringify({ plan: plans[Math.floor(rand() * 3)] }),
        language: rand() < 0.8 ? "de" : "en",
        received_at: new Date(start + rand() * 300 * 86_400_000).toISOString(),
        finished: 1,
        flagged: 0,
        deleted: 0,
        score_band: "",
        has_text: 0,
        text: "",
        rating_metrics: [metric],
        rating_questions: [metric],
        rating_values: [min + Math.floor(rand() * (max - min + 1))],
        rating_mins: [min],
        rating_maxs: [max],
        answers: {},
        version: 1,
      };
    });
    await stores.facts.insert("feedback", rows);
  }
  const loadSeconds = (performance.now() - t0) / 1000;

  const ctx = { db: stores.sor.db, access, facts: stores.facts };
  const reports: [string, Record<string, string>][] = [
    ["NPS overall", { metric: "nps" }],
    ["NPS by month (Europe/Berlin)", { metric: "nps", groupBy: "month", tz: "Europe/Berlin" }],
    ["CSAT % by touchpoint", { metric: "csat", groupBy: "touchpoint" }],
    ["CES mean by trait plan", { metric: "ces_mean", groupBy: "trait", trait: "plan" }],
    ["NPS by day", { metric: "nps", groupBy: "day" }],
  ];
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, Node ${process.version}`);
  console.log(`Loaded ${N.toLocaleString("en")} feedback facts in ${loadSeconds.toFixed(1)} s`);
  for (const [label, query] of reports) {
    const times: number[] = [];
    let n = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const result = await getMetrics(ctx, ZMetricsQuery.parse(query));
      times.push((performance.now() - t) / 1000);
      n = result.overall.n;
    }
    times.sort((a, b) => a - b);
    console.log(`${label}: median ${times[1]?.toFixed(3)} s (n = ${n.toLocaleString("en")})`);
  }
} finally {
  await close();
}
