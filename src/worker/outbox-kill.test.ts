import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectPostgres, openPGlite, type SystemOfRecord } from "../core/db/connect.js";
import { migrateToLatest } from "../core/db/migrate.js";
import { uuidv7 } from "../core/ids.js";
import { enqueue } from "../core/outbox/enqueue.js";
import { createDatabaseFromTemplate } from "../testing/postgres-db.js";
import { createOutboxWorker } from "./outbox-worker.js";

const fixture = fileURLToPath(new URL("./testdata/claim-and-hang.ts", import.meta.url));
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const LEASE_MS = 3_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the fixture and resolves with the ids it claimed once it says so; rejects if it dies first. */
function claimInChild(target: string): { child: ChildProcess; claimed: Promise<string[]> } {
  const child = spawn(process.execPath, ["--import", "tsx", fixture, target, String(LEASE_MS), "doomed"], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const claimed = new Promise<string[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child did not claim within 30 s: ${stderr}`)), 30_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = /^claimed (.*)$/m.exec(stdout);
      if (!line) return;
      clearTimeout(timer);
      resolve((line[1] ?? "").split(",").filter(Boolean));
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`child exited (${code ?? signal}) before claiming: ${stderr}`));
    });
  });
  return { child, claimed };
}

const exited = (child: ChildProcess) =>
  new Promise<NodeJS.Signals | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode);
    else child.once("exit", (_code, signal) => resolve(signal));
  });

/**
 * Enqueue, let another process claim the row and die by SIGKILL before completing it, then check that
 * a worker here processes the row exactly once, and only by taking over the expired lease.
 */
async function killBetweenClaimAndComplete(open: () => Promise<SystemOfRecord>, target: string) {
  let sor = await open();
  const workspaceId = uuidv7();
  await sor.db
    .insertInto("workspaces")
    .values({ id: workspaceId, name: "W", slug: `w-${workspaceId}` })
    .execute();
  const id = await enqueue(sor.db, { workspaceId, topic: "facts.relay", payload: { n: 1 } });
  await sor.close();

  const { child, claimed } = claimInChild(target);
  try {
    expect(await claimed).toEqual([id]);
  } finally {
    child.kill("SIGKILL");
  }
  expect(await exited(child)).toBe("SIGKILL");

  sor = await open();
  try {
    // The claim survived the kill: the row is held by the dead worker until its lease runs out.
    expect(
      await sor.db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow(),
    ).toMatchObject({
      status: "processing",
      attempts: 1,
      locked_by: "doomed",
    });
    const handled: string[] = [];
    const worker = createOutboxWorker({
      db: sor.db,
      workerId: "survivor",
      logger: { info: () => {}, warn: () => {}, error: () => {} },
      handlers: { "facts.relay": async (r) => void handled.push(r.id) },
    });
    const deadline = Date.now() + 4 * LEASE_MS;
    while (handled.length === 0 && Date.now() < deadline) {
      await worker.runOnce();
      if (handled.length === 0) await sleep(100);
    }
    // More polls after success must not run it again.
    for (let i = 0; i < 3; i++) expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    await worker.stop();

    expect(handled).toEqual([id]);
    const row = await sor.db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: "done",
      attempts: 2,
      locked_by: "survivor",
      last_error: "lease expired: worker doomed did not finish attempt 1",
    });
    expect(row.completed_at).toBeInstanceOf(Date);
  } finally {
    await sor.close();
  }
}

describe("outbox across a killed process", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "jl-outbox-kill-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("PGlite data directory: a row claimed by a SIGKILLed process is processed exactly once", async () => {
    const dataDir = join(dir, "pg");
    const migrated = await openPGlite(dataDir);
    await migrateToLatest(migrated.db);
    await migrated.close();
    await killBetweenClaimAndComplete(() => openPGlite(dataDir), dataDir);
  }, 120_000);

  const serverUrl = process.env.TEST_DATABASE_URL;
  const templateDb = inject("postgresTemplate");
  it.runIf(serverUrl && templateDb)(
    "PostgreSQL server: a row claimed by a SIGKILLed process is processed exactly once",
    async () => {
      if (!serverUrl || !templateDb) return;
      const scratch = await createDatabaseFromTemplate(serverUrl, templateDb);
      try {
        await killBetweenClaimAndComplete(async () => connectPostgres(scratch.url, 2), scratch.url);
      } finally {
        await scratch.drop();
      }
    },
    120_000,
  );
});
