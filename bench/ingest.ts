/**
 * Ingestion benchmark: `POST /v1/batch` on the real server (child process built and started as
 * `npm start` runs it, embedded stores in a temporary data directory), ~300-byte events in batches of 100–500 from concurrent keep-alive
 * clients, one write key each (batches prepared up front, fresh message ids per request, so the
 * load generator takes little of the machine's CPU). Prints sustained events/s, request latency
 * p50/p95/p99, the server's peak RSS and CPU per event, and checks that the facts store holds every
 * accepted event.
 * Run: npx tsx bench/ingest.ts  (env INGEST_SECONDS=60, INGEST_CLIENTS=12, INGEST_USERS=5000 by default)
 */
import { execSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { openStores } from "../src/core/stores.js";
import { freePort, provisionIngest, sampleEvent, startServerProcess } from "../src/testing/ingest-server.js";

const seconds = Number(process.env.INGEST_SECONDS ?? 60);
const clients = Number(process.env.INGEST_CLIENTS ?? 12);
/** Distinct users (and 4× anonymous ids) the events come from: the identity work grows with them. */
const users = Number(process.env.INGEST_USERS ?? 5_000);
const warmupSeconds = Math.min(5, seconds / 4);

function post(agent: Agent, url: URL, auth: string, body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((ok, fail) => {
    const req = request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          authorization: auth,
          "content-type": "application/json",
          "content-length": body.byteLength,
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => {
          text += d;
        });
        res.on("end", () => ok({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", fail);
    req.end(body);
  });
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

const dataDir = mkdtempSync(join(tmpdir(), "jl-bench-ingest-"));
// e.g. INGEST_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
const nodeArgs = process.env.INGEST_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
// The server as `npm start` runs it: built (tsc) first, then started from dist/.
console.log("building the server (npm run build:server) …");
execSync("npm run build:server", { stdio: "ignore" });
const server = await startServerProcess(dataDir, await freePort(), { nodeArgs, built: true });
try {
  const { workspaceId, writeKeys } = await provisionIngest(server.url, dataDir, clients);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const url = new URL("/v1/batch", server.url);
  // Batches of 100–500 events prepared once as bytes, with where their message ids and sentAt are
  // (filled in per request); enough of them that every user and anonymous id occurs.
  const ID = "00000000-0000-4000-8000-000000000000";
  const SENT = "2000-01-01T00:00:00.000Z";
  const templates: Array<{ bytes: Buffer; ids: number[]; sentAt: number }> = [];
  for (let t = 0, k = 0; t < Math.max(64, Math.ceil((4 * users) / 300)); t++) {
    const size = 100 + Math.floor(Math.random() * 401);
    const batch = [];
    for (let i = 0; i < size; i++) batch.push(sampleEvent(ID, k++, new Date(), users));
    const bytes = Buffer.from(JSON.stringify({ batch, sentAt: SENT }));
    const ids: number[] = [];
    for (let at = bytes.indexOf(ID); at >= 0; at = bytes.indexOf(ID, at + ID.length)) ids.push(at);
    templates.push({ bytes, ids, sentAt: bytes.lastIndexOf(SENT) });
  }
  const t0 = performance.now();
  const warmEnd = t0 + warmupSeconds * 1000;
  const end = warmEnd + seconds * 1000;
  let measured = 0;
  let accepted = 0;
  let refused = 0;
  const latencies: number[] = [];
  let bytes = 0;
  let sent = 0;

  /** CPU seconds per thread name of the server (utime + stime from /proc), to split the cost. */
  function serverThreads(): Map<string, number> {
    const out = new Map<string, number>();
    for (const tid of readdirSync(`/proc/${server.pid}/task`)) {
      try {
        const stat = readFileSync(`/proc/${server.pid}/task/${tid}/stat`, "utf8");
        const name =
          tid === String(server.pid)
            ? "main"
            : stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")).replace(/[0-9]+$/, "#");
        const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const t = (Number(f[11]) + Number(f[12])) / 100;
        out.set(name, (out.get(name) ?? 0) + t);
      } catch {
        // thread ended
      }
    }
    return out;
  }
  let threadsAtWarmEnd: Map<string, number> | undefined;
  let clientCpuAtWarmEnd: NodeJS.CpuUsage | undefined;
  const sampler = setTimeout(() => {
    threadsAtWarmEnd = serverThreads();
    clientCpuAtWarmEnd = process.cpuUsage();
  }, warmEnd - performance.now());
  let threadsAtEnd: Map<string, number> | undefined;
  let clientCpu: NodeJS.CpuUsage | undefined;
  const endSampler = setTimeout(() => {
    threadsAtEnd = serverThreads();
    clientCpu = process.cpuUsage(clientCpuAtWarmEnd);
  }, end - performance.now());

  async function client(key: string): Promise<void> {
    const auth = `Basic ${Buffer.from(`${key}:`).toString("base64")}`;
    while (performance.now() < end) {
      const template = templates[Math.floor(Math.random() * templates.length)] as (typeof templates)[number];
      // Fresh message ids and sentAt written into a copy of a prepared batch: the clients share the
      // server's two cores, so they should spend as little of them as a load generator can.
      const body = Buffer.from(template.bytes);
      for (const at of template.ids) body.write(randomUUID(), at, "latin1");
      body.write(new Date().toISOString(), template.sentAt, "latin1");
      bytes += body.byteLength;
      sent += template.ids.length;
      const start = performance.now();
      const res = await post(agent, url, auth, body).catch((e: Error) => ({ status: 0, text: e.message }));
      const done = performance.now();
      if (res.status !== 200) {
        refused++;
        if (refused <= 3) console.error(`HTTP ${res.status}: ${res.text.slice(0, 300)}`);
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      const result = JSON.parse(res.text) as { accepted: number };
      accepted += result.accepted;
      if (start >= warmEnd && done <= end) {
        measured += result.accepted;
        latencies.push(done - start);
      }
    }
  }
  await Promise.all(writeKeys.map((k) => client(k)));
  clearTimeout(sampler);
  clearTimeout(endSampler);
  agent.destroy();
  const peakRss = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))?.[1];
  await server.stop("SIGTERM");

  const stores = await openStores({ dataDir });
  const [stored] = await stores.facts.query<{ n: number }>(
    `SELECT count() AS n FROM ${stores.facts.database}.events FINAL WHERE workspace_id = {ws:UUID}`,
    { ws: workspaceId },
  );
  await stores.close();

  latencies.sort((a, b) => a - b);
  const cpu = cpus();
  console.log(`machine: ${cpu.length} × ${cpu[0]?.model ?? "cpu"}, node ${process.version}`);
  console.log(
    `clients ${clients}, batches of 100–500 events, ${(bytes / sent).toFixed(0)} bytes/event as sent, ${seconds} s after ${warmupSeconds} s warm-up`,
  );
  console.log(
    `sustained: ${Math.round(measured / seconds).toLocaleString("en")} events/s (${latencies.length} requests)`,
  );
  console.log(
    `latency ms: p50 ${quantile(latencies, 0.5).toFixed(1)}  p95 ${quantile(latencies, 0.95).toFixed(1)}  p99 ${quantile(latencies, 0.99).toFixed(1)}`,
  );
  if (threadsAtWarmEnd && threadsAtEnd && clientCpu && measured > 0) {
    const perEvent = (s: number) => ((s * 1e6) / measured).toFixed(1);
    const parts = [...threadsAtEnd]
      .map(([name, t]) => [name, t - (threadsAtWarmEnd?.get(name) ?? 0)] as const)
      .filter(([, t]) => t > 0.05)
      .sort((a, b) => b[1] - a[1]);
    const total = parts.reduce((a, [, t]) => a + t, 0);
    console.log(
      `CPU µs per event: server ${perEvent(total)} (${parts.map(([n, t]) => `${n} ${perEvent(t)}`).join(", ")}); load clients ${perEvent((clientCpu.user + clientCpu.system) / 1e6)}`,
    );
  }
  console.log(`server peak RSS: ${Math.round(Number(peakRss) / 1024)} MB; non-200 answers: ${refused}`);
  console.log(
    `accepted ${accepted.toLocaleString("en")}, stored (facts, FINAL) ${(stored?.n ?? 0).toLocaleString("en")}`,
  );
  if (stored?.n !== accepted) process.exitCode = 1;
} finally {
  await server.stop("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
}
