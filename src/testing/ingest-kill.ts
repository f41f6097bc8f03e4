/**
 * The kill test of the ingestion path: a client ledger sends events in batches and retries each
 * batch until it is acknowledged, while the server (a child process on its own data directory) is
 * SIGKILLed and restarted at random points. Afterwards the facts store must hold every
 * acknowledged messageId exactly once.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStores } from "../core/stores.js";
import { drainOutbox } from "./drain-outbox.js";
import {
  freePort,
  provisionIngest,
  type ServerProcess,
  sampleEvent,
  startServerProcess,
} from "./ingest-server.js";

export interface KillTestOptions {
  events: number;
  kills: number;
  /** Concurrent clients of the ledger. */
  clients?: number;
  log?: (line: string) => void;
}

export interface KillTestResult {
  events: number;
  kills: number;
  acknowledged: number;
  /** Rows in `events FINAL` of the workspace, and rows before merging (no FINAL). */
  storedFinal: number;
  storedRaw: number;
  /** Acknowledged ids not stored, ids stored more than once (before merging), ids stored but never sent. */
  missing: string[];
  duplicated: string[];
  unexpected: string[];
  /**
   * User and anonymous ids of acknowledged events that no customer holds once the outbox is drained:
   * identity work lost to a kill (it rides on the ingestion log, ADR 0010).
   */
  unlinked: string[];
  requests: number;
  failedRequests: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runKillTest(options: KillTestOptions): Promise<KillTestResult> {
  const log = options.log ?? (() => {});
  const dataDir = mkdtempSync(join(tmpdir(), "jl-kill-"));
  const port = await freePort();
  let server: ServerProcess | undefined = await startServerProcess(dataDir, port);
  try {
    const { workspaceId, writeKeys } = await provisionIngest(server.url, dataDir);
    const auth = `Bearer ${writeKeys[0]}`;
    const url = `${server.url}/v1/batch`;
    const now = new Date();
    const batches: Array<Record<string, unknown>[]> = [];
    for (let i = 0; i < options.events; ) {
      const size = Math.min(options.events - i, 20 + Math.floor(Math.random() * 281));
      batches.push(Array.from({ length: size }, (_, k) => sampleEvent(`kill-${i + k}`, i + k, now)));
      i += size;
    }
    // Kill points: acknowledged-event counts at which the next kill happens.
    const points = Array.from({ length: options.kills }, () =>
      Math.floor(Math.random() * options.events * 0.95),
    ).sort((a, b) => a - b);
    const acked = new Set<string>();
    let kills = 0;
    let ackedAtKill = -1;
    let requests = 0;
    let failedRequests = 0;
    let restarting: Promise<void> | undefined;

    const killAndRestart = async () => {
      await sleep(Math.random() * 60); // land inside other clients' requests and flushes
      await server?.stop("SIGKILL");
      kills++;
      ackedAtKill = acked.size;
      server = undefined;
      server = await startServerProcess(dataDir, port);
      log(
        `kill ${kills}/${options.kills} at ${acked.size} acknowledged events; restarted (pid ${server.pid})`,
      );
    };

    const send = async (batch: Record<string, unknown>[]): Promise<void> => {
      for (;;) {
        requests++;
        try {
          const res = await fetch(url, {
            method: "POST",
            headers: { authorization: auth, "content-type": "application/json" },
            body: JSON.stringify({ batch }),
          });
          const text = await res.text();
          if (res.status === 200) {
            const r = JSON.parse(text) as { accepted: number; duplicates: number; rejected: unknown[] };
            if (r.rejected.length > 0 || r.accepted + r.duplicates !== batch.length)
              throw new Error(`batch not fully acknowledged: ${text.slice(0, 500)}`);
            for (const e of batch) acked.add(String(e.messageId));
            return;
          }
          if (res.status < 500 && res.status !== 429)
            throw new Error(`HTTP ${res.status}: ${text.slice(0, 500)}`);
        } catch (e) {
          if (e instanceof Error && /acknowledged|HTTP \d/.test(e.message)) throw e;
        }
        failedRequests++;
        await sleep(50 + Math.random() * 150);
      }
    };

    let next = 0;
    const client = async () => {
      while (next < batches.length) {
        // At a kill point every client waits for the restart; requests already in flight are cut.
        // Each life of the server acknowledges something before the next kill.
        const due = () =>
          acked.size >= (points[kills] ?? Number.POSITIVE_INFINITY) && acked.size > ackedAtKill;
        while (kills < options.kills && due()) {
          restarting ??= killAndRestart().finally(() => {
            restarting = undefined;
          });
          await restarting;
        }
        const batch = batches[next++];
        if (batch) await send(batch);
      }
    };
    await Promise.all(Array.from({ length: options.clients ?? 4 }, client));
    while (kills < options.kills) await killAndRestart(); // points crossed by the last batches
    await server?.stop("SIGTERM");
    server = undefined;

    const stores = await openStores({ dataDir });
    try {
      const db = stores.facts.database;
      const final = await stores.facts.query<{ message_id: string }>(
        `SELECT message_id FROM ${db}.events FINAL WHERE workspace_id = {ws:UUID}`,
        { ws: workspaceId },
      );
      const raw = await stores.facts.query<{ message_id: string; n: number }>(
        `SELECT message_id, count() AS n FROM ${db}.events WHERE workspace_id = {ws:UUID} GROUP BY message_id`,
        { ws: workspaceId },
      );
      const stored = new Set(final.map((r) => r.message_id));
      const sent = new Set(batches.flat().map((e) => String(e.messageId)));
      await drainOutbox(stores);
      const linked = new Set(
        (
          await stores.sor.db
            .selectFrom("customer_identities")
            .select("distinct_id")
            .where("workspace_id", "=", workspaceId)
            .execute()
        ).map((r) => r.distinct_id),
      );
      const ids = new Set<string>();
      for (const e of batches.flat())
        if (acked.has(String(e.messageId))) {
          if (e.userId) ids.add(`user:${String(e.userId)}`);
          if (e.anonymousId) ids.add(`anon:${String(e.anonymousId)}`);
        }
      return {
        events: options.events,
        kills,
        acknowledged: acked.size,
        storedFinal: final.length,
        storedRaw: raw.reduce((s, r) => s + r.n, 0),
        missing: [...acked].filter((id) => !stored.has(id)),
        duplicated: raw.filter((r) => r.n > 1).map((r) => r.message_id),
        unexpected: [...stored].filter((id) => !sent.has(id)),
        unlinked: [...ids].filter((id) => !linked.has(id)),
        requests,
        failedRequests,
      };
    } finally {
      await stores.close();
    }
  } finally {
    await server?.stop("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
}
