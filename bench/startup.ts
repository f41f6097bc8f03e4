/**
 * Start-up benchmark: time from `journeylens serve` to `/health/ready` answering 200, on a fresh data
 * directory (first run: initdb, migrations, demo seed) and on an existing one. Median of 3 each.
 * Run: npm run build && npx tsx bench/startup.ts
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";

async function startOnce(dataDir: string, port: number): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [resolve("bin/journeylens.js"), "serve", "--port", String(port)], {
    env: { ...process.env, JOURNEYLENS_DATA: dataDir },
    stdio: "ignore",
  });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
        if (res.status === 200) return (performance.now() - t0) / 1000;
      } catch {
        // not listening yet
      }
      if (performance.now() - t0 > 120_000) throw new Error("server did not become ready within 120 s");
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    const exited = new Promise((r) => child.on("close", r));
    child.kill("SIGTERM");
    await exited;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < 3; i++) {
  const dir = mkdtempSync(join(tmpdir(), "jl-bench-start-"));
  cold.push(await startOnce(dir, 3900 + i));
  warm.push(await startOnce(dir, 3950 + i));
  rmSync(dir, { recursive: true, force: true });
}
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, node ${process.version}`);
console.log(
  `cold start to ready (new data directory): median ${median(cold).toFixed(2)} s  [${cold.map((s) => s.toFixed(2)).join(", ")}]`,
);
console.log(
  `warm start to ready (existing data directory): median ${median(warm).toFixed(2)} s  [${warm.map((s) => s.toFixed(2)).join(", ")}]`,
);
