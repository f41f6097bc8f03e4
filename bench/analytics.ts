/**
 * Journey analytics over many events (issue 7): generates ANALYTICS_EVENTS (default 10 M) realistic
 * events for ANALYTICS_CUSTOMERS (500,000) customers over a year directly in the embedded facts store
 * (ClickHouse SQL, deterministic), starts `journeylens serve` on it and times each report through the
 * HTTP API: one warm-up, then the median of 5. Prints the figures and the targets (≤ 1 s each).
 * Then times the journey-instance rebuild, the incremental refresh after 100,000 new events, and the
 * funnel as plain SQL on a PostgreSQL server (BENCH_DATABASE_URL or TEST_DATABASE_URL) over 1 M events.
 * Run: npx tsx bench/analytics.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { refreshJourneyInstances } from "../src/core/analytics/instances/refresh.js";
import { openStores, type Stores } from "../src/core/stores.js";
import { freePort, provisionIngest, startServerProcess } from "../src/testing/ingest-server.js";

const customers = Number(process.env.ANALYTICS_CUSTOMERS ?? 500_000);
const events = Number(process.env.ANALYTICS_EVENTS ?? 10_000_000);
const perCustomer = Math.max(1, Math.round(events / customers));
const YEAR_START = "2025-11-23 00:00:00";

/** The demo journeys' event names (src/core/demo/seed-demo-events.ts), walked with drop-offs. */
const SCENARIOS = [
  [
    "Page Viewed",
    "Availability Checked",
    "Move Order Submitted",
    "Order Confirmation Sent",
    "Shipment Dispatched",
    "Delivery Delayed",
    "Ticket Created",
    "Call Ended",
    "Technician Appointment Scheduled",
  ],
  [
    "Booking Completed",
    "Email Sent",
    "Guest Checked In",
    "Call Ended",
    "Ticket Created",
    "Guest Checked Out",
  ],
  [
    "Product Viewed",
    "Checkout Started",
    "Order Completed",
    "Order Shipped",
    "Order Delivered",
    "Return Requested",
  ],
];
const NOISE = ["Page Viewed", "Product Viewed", "Ticket Created", "Call Ended", "Email Opened", "App Opened"];
const sqlArray = (names: readonly string[]) => `[${names.map((n) => `'${n}'`).join(", ")}]`;

const dir = mkdtempSync(join(tmpdir(), "jl-bench-analytics-"));
let server = await startServerProcess(dir, await freePort());
try {
  const { workspaceId, writeKeys } = await provisionIngest(server.url, dir, 1, ["read", "write"]);
  const key = writeKeys[0] as string;
  await server.stop("SIGTERM");

  const t0 = performance.now();
  const stores = await openStores({ dataDir: dir });
  const db = stores.facts.database;
  // Per customer: a start within the year, one scenario walked until a drop-off point, noise events
  // after it; gaps of 5 minutes to 2 days; channels spread over web, app, phone and e-mail.
  const scenario = (i: number) => `arrayElement(${sqlArray(SCENARIOS[i] as string[])}, i + 1)`;
  const lengths = SCENARIOS.map((s) => s.length);
  await stores.facts.command(
    `INSERT INTO ${db}.events (workspace_id, message_id, type, event, customer_id, user_id, anonymous_id,
       timestamp, received_at, properties, context, version, payload_hash, name, group_id, previous_id,
       traits, original_timestamp, sent_at, consent, analytics_consent, source, historical, inserted_at)
     SELECT {ws:UUID}, concat('b-', toString(c), '-', toString(i)), 'track',
       if(i < least(drop, len), multiIf(s = 0, ${scenario(0)}, s = 1, ${scenario(1)}, ${scenario(2)}),
          arrayElement(${sqlArray(NOISE)}, 1 + cityHash64(c, i, 'n') % ${NOISE.length})),
       '', concat('u-', toString(c)), '', ts, ts,
       concat('{"step":', toString(i), '}'),
       concat('{"channel":"', arrayElement(['web', 'app', 'phone', 'email'], 1 + cityHash64(c, i, 'ch') % 4), '"}'),
       1, '', '', '', '', '{}', NULL, NULL, '', 1, 'import', 1,
       -- Stored an hour ago as far as the instance refresh can tell: only the later events are new.
       now64(3) - toIntervalHour(1)
     FROM (
       SELECT c, s, len, drop, i,
         toDateTime64('${YEAR_START}', 3, 'UTC') + toIntervalSecond(cityHash64(c, 'start') % (365 * 86400))
           + toIntervalSecond(arraySum(arraySlice(gaps, 1, i))) AS ts
       FROM (
         SELECT number AS c, number % 3 AS s,
           [${lengths.join(", ")}][s + 1] AS len,
           1 + cityHash64(c, 'drop') % 10 AS drop,
           arrayMap(k -> 300 + cityHash64(c, k, 'gap') % 172800, range(${perCustomer})) AS gaps
         FROM numbers({customers:UInt64}))
       ARRAY JOIN range(${perCustomer}) AS i)
     SETTINGS max_insert_threads = 2`,
    { ws: workspaceId, customers },
  );
  const [count] = await stores.facts.query<{ n: number }>(
    `SELECT count() AS n FROM ${db}.events WHERE workspace_id = {ws:UUID}`,
    { ws: workspaceId },
  );
  await stores.close();
  const generated = (performance.now() - t0) / 1000;

  server = await startServerProcess(dir, await freePort());
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/api/v1/workspaces/${workspaceId}/${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${text.slice(0, 500)}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  // A journey over the first scenario: one touchpoint per event, one step each.
  const touchpointIds: string[] = [];
  for (const event of SCENARIOS[0] as string[])
    touchpointIds.push(
      (await api("POST", "touchpoints", { name: event, eventMatchers: [{ event }] })).id as string,
    );
  const journey = await api("POST", "journeys", {
    document: {
      title: "Umzug (Benchmark)",
      stages: [
        {
          name: "Alles",
          steps: (SCENARIOS[0] as string[]).map((title, i) => ({ title, touchpointId: touchpointIds[i] })),
        },
      ],
    },
  });
  const journeyId = journey.id as string;
  const rebuildStart = performance.now();
  const rebuilt = await api("POST", "analytics/journey-instances/rebuild");
  const rebuildSeconds = (performance.now() - rebuildStart) / 1000;
  const base = `${server.url}/api/v1/workspaces/${workspaceId}/analytics`;
  const scope = { from: "2025-11-23T00:00:00Z", to: "2026-11-23T00:00:00Z", timezone: "Europe/Berlin" };
  const reports: [string, string, unknown][] = [
    [
      "funnel, 4 steps, ordered, 30 days",
      "funnel",
      {
        ...scope,
        steps: SCENARIOS[0]?.slice(0, 4).map((event) => ({ event })),
        window: { value: 30, unit: "days" },
      },
    ],
    [
      "funnel, 4 steps, strict",
      "funnel",
      { ...scope, steps: SCENARIOS[0]?.slice(0, 4).map((event) => ({ event })), order: "strict" },
    ],
    [
      "waiting times Ticket Created → Call Ended",
      "waiting-times",
      {
        ...scope,
        fromStep: { event: "Ticket Created" },
        toStep: { event: "Call Ended" },
        targetSeconds: 86400,
      },
    ],
    [
      "paths after Move Order Submitted, depth 3",
      "paths",
      { ...scope, anchor: { event: "Move Order Submitted" }, direction: "after", depth: 3 },
    ],
    ["journey measures (per step)", "journey-measures", { ...scope, journeyId: "JOURNEY" }],
    ["journey KPIs", "journey-kpis", { ...scope, journeyId: "JOURNEY" }],
    [
      "repeat contacts, default contact events, 2 within 7 days",
      "repeat-contacts",
      { ...scope, minContacts: 2, withinDays: 7 },
    ],
  ];
  const cpu = cpus();
  console.log(`machine: ${cpu.length} × ${cpu[0]?.model ?? "cpu"}, node ${process.version}`);
  console.log(
    `generated ${(count?.n ?? 0).toLocaleString("en")} events for ${customers.toLocaleString("en")} customers in ${generated.toFixed(1)} s`,
  );
  console.log(
    `journey instances, full rebuild through the API: ${rebuildSeconds.toFixed(1)} s (${JSON.stringify(rebuilt)})`,
  );
  const medians = new Map<string, number>();
  for (const [label, path, body] of reports) {
    const times: number[] = [];
    let summary = "";
    for (let run = 0; run < 6; run++) {
      const start = performance.now();
      const res = await fetch(`${base}/${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify(body).replace('"JOURNEY"', JSON.stringify(journeyId)),
      });
      const text = await res.text();
      const ms = performance.now() - start;
      if (!res.ok) throw new Error(`${path}: ${res.status} ${text.slice(0, 500)}`);
      if (run > 0) times.push(ms);
      const r = JSON.parse(text) as {
        entered?: number;
        steps?: { reached: number }[];
        n?: number;
        medianSeconds?: number;
        units?: number;
        instances?: { total: number; completed: number } | number;
        items?: { key: string; value: number | null }[];
      };
      summary =
        typeof r.instances === "object"
          ? `instances ${r.instances.total}, completed ${r.instances.completed}`
          : r.items
            ? r.items.map((k) => `${k.key} ${k.value}`).join(", ")
            : r.entered !== undefined
              ? `entered ${r.entered}, reached ${r.steps?.map((s) => s.reached).join(" → ")}`
              : r.n !== undefined
                ? `n ${r.n}, median ${r.medianSeconds} s`
                : `units ${r.units}`;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    if (!medians.has(path)) medians.set(path, median);
    console.log(
      `${label}: median ${(median / 1000).toFixed(2)} s (min ${((times[0] ?? 0) / 1000).toFixed(2)} s) ${median <= 1000 ? "meets" : "misses"} ≤ 1 s — ${summary}`,
    );
  }
  const funnelMedian = medians.get("funnel") ?? 0;
  await server.stop("SIGTERM");

  // The incremental refresh after 100,000 new events for existing customers (as the outbox runs it).
  const after = await openStores({ dataDir: dir });
  const fresh = Number(process.env.ANALYTICS_NEW_EVENTS ?? 100_000);
  await after.facts.command(
    `INSERT INTO ${after.facts.database}.events (workspace_id, message_id, type, event, customer_id, user_id,
       anonymous_id, timestamp, received_at, properties, context, version, payload_hash, name, group_id,
       previous_id, traits, original_timestamp, sent_at, consent, analytics_consent, source, historical)
     SELECT {ws:UUID}, concat('new-', toString(number)), 'track',
       arrayElement(${sqlArray(SCENARIOS[0] as string[])}, 1 + cityHash64(number, 'e') % ${SCENARIOS[0]?.length}),
       '', concat('u-', toString(cityHash64(number, 'c') % {customers:UInt64})), '',
       toDateTime64('2026-11-22 00:00:00', 3, 'UTC') + toIntervalSecond(number % 86400),
       toDateTime64('2026-11-22 00:00:00', 3, 'UTC') + toIntervalSecond(number % 86400),
       '{}', '{"channel":"web"}', 1, '', '', '', '', '{}', NULL, NULL, '', 1, 'http', 0
     FROM numbers({n:UInt64})`,
    { ws: workspaceId, customers, n: fresh },
  );
  const refreshStart = performance.now();
  const refreshed = await refreshJourneyInstances(after, workspaceId);
  const refreshSeconds = (performance.now() - refreshStart) / 1000;
  console.log(
    `journey-instance refresh after ${fresh.toLocaleString("en")} new events: ${refreshSeconds.toFixed(2)} s ${refreshSeconds <= 1 ? "meets" : "misses"} ≤ 1 s (${JSON.stringify(refreshed)})`,
  );

  // The same ordered 4-step funnel as plain SQL on the PostgreSQL server over 1 M of the events.
  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!pgUrl) console.log("PostgreSQL comparison: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)");
  else await postgresFunnel(after, workspaceId, pgUrl, funnelMedian);
  await after.close();
} finally {
  await server.stop("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Copies the first 1 M events (by customer) into a table on the PostgreSQL server, indexes it as an
 * application would, and times the ordered 4-step funnel (30-day window, earliest next step per entry)
 * as one SQL query: median of 3 after a warm-up. Prints the ratio to the ClickHouse funnel over 10 M.
 */
async function postgresFunnel(stores: Stores, workspaceId: string, url: string, clickhouseMs: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP TABLE IF EXISTS bench_events");
    await client.query("CREATE TABLE bench_events (user_id text, event text, ts timestamptz)");
    const rows = await stores.facts.query<{ u: string; e: string; t: string }>(
      `SELECT user_id AS u, event AS e, toString(timestamp) AS t FROM ${stores.facts.database}.events
        WHERE workspace_id = {ws:UUID} ORDER BY user_id, timestamp LIMIT 1000000`,
      { ws: workspaceId },
    );
    for (let i = 0; i < rows.length; i += 20_000) {
      const chunk = rows.slice(i, i + 20_000);
      await client.query(
        "INSERT INTO bench_events SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])",
        [chunk.map((r) => r.u), chunk.map((r) => r.e), chunk.map((r) => `${r.t}Z`)],
      );
    }
    await client.query("CREATE INDEX ON bench_events (event, user_id, ts)");
    await client.query("ANALYZE bench_events");
    const [a, b, c, d] = SCENARIOS[0] as string[];
    const funnel = `
      WITH s1 AS (SELECT user_id, ts AS t1 FROM bench_events WHERE event = $1),
      s2 AS (SELECT s1.user_id, s1.t1, min(e.ts) AS t2 FROM s1 JOIN bench_events e
               ON e.event = $2 AND e.user_id = s1.user_id AND e.ts > s1.t1 AND e.ts <= s1.t1 + interval '30 days'
             GROUP BY s1.user_id, s1.t1),
      s3 AS (SELECT s2.user_id, s2.t1, min(e.ts) AS t3 FROM s2 JOIN bench_events e
               ON e.event = $3 AND e.user_id = s2.user_id AND e.ts > s2.t2 AND e.ts <= s2.t1 + interval '30 days'
             GROUP BY s2.user_id, s2.t1),
      s4 AS (SELECT s3.user_id FROM s3 JOIN bench_events e
               ON e.event = $4 AND e.user_id = s3.user_id AND e.ts > s3.t3 AND e.ts <= s3.t1 + interval '30 days')
      SELECT (SELECT count(DISTINCT user_id) FROM s1) AS entered, (SELECT count(DISTINCT user_id) FROM s2) AS s2,
        (SELECT count(DISTINCT user_id) FROM s3) AS s3, (SELECT count(DISTINCT user_id) FROM s4) AS s4`;
    const times: number[] = [];
    let counts = "";
    for (let run = 0; run < 4; run++) {
      const start = performance.now();
      const res = await client.query(funnel, [a, b, c, d]);
      if (run > 0) times.push(performance.now() - start);
      counts = Object.values(res.rows[0] ?? {}).join(" → ");
    }
    times.sort((x, y) => x - y);
    const median = times[1] ?? 0;
    console.log(
      `PostgreSQL server, same funnel as plain SQL over ${rows.length.toLocaleString("en")} events: median ${(median / 1000).toFixed(2)} s (${counts}); ClickHouse over 10× the events: ${(clickhouseMs / 1000).toFixed(2)} s, ratio ${(median / Math.max(clickhouseMs, 1)).toFixed(1)}×`,
    );
    await client.query("DROP TABLE bench_events");
  } finally {
    await client.end();
  }
}
