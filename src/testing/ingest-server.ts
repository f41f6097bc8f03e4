/**
 * The real server as a child process on a data directory of its own, for the ingestion benchmark
 * and the kill test: start, wait for ready, provision write keys, SIGKILL, and a realistic event.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Sends `signal` and resolves once the process has exited. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => (typeof address === "object" && address ? ok(address.port) : fail(new Error("no port"))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The V8 flags `npm start` runs the server with (package.json): a young generation large enough
 * that a request's objects die young instead of being promoted while its batch waits for the insert.
 */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=256"];

/**
 * `journeylens serve`, embedded stores in `dataDir`, ready to answer: from the sources (tsx), or with
 * `built` from the build in dist/ as `npm start` runs it (the caller builds first).
 */
export async function startServerProcess(
  dataDir: string,
  port: number,
  options: { readyWithinMs?: number; nodeArgs?: string[]; built?: boolean } = {},
): Promise<ServerProcess> {
  const readyWithinMs = options.readyWithinMs ?? 180_000;
  const entry = options.built
    ? [resolve("dist/server/cli/main.js")]
    : ["--import", "tsx", resolve("src/cli/main.ts")];
  const child = spawn(
    process.execPath,
    [
      ...SERVER_NODE_FLAGS,
      ...(options.nodeArgs ?? []),
      ...entry,
      "serve",
      "--port",
      String(port),
      "--no-demo",
      "--quiet",
    ],
    { env: { ...process.env, JOURNEYLENS_DATA: dataDir }, stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4_000);
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (gone) throw new Error(`server exited before it was ready: ${stderr}`);
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > readyWithinMs) {
      child.kill("SIGKILL");
      throw new Error(`server not ready within ${readyWithinMs} ms: ${stderr}`);
    }
    await sleep(50);
  }
  return {
    url,
    pid: child.pid ?? -1,
    child,
    async stop(signal) {
      if (!gone) child.kill(signal);
      await exited;
    },
  };
}

/** A workspace and `keys` API keys (scope ingest by default), created as the system actor of `dataDir`. */
export async function provisionIngest(
  url: string,
  dataDir: string,
  keys = 1,
  scopes: string[] = ["ingest"],
): Promise<{ workspaceId: string; writeKeys: string[] }> {
  const token = readFileSync(resolve(dataDir, "system-token"), "utf8").trim();
  const call = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const ws = await call<{ id: string }>("/api/v1/workspaces", { name: "Ingest" });
  const writeKeys: string[] = [];
  for (let i = 0; i < keys; i++) {
    const created = await call<{ secret: string }>(`/api/v1/workspaces/${ws.id}/api-keys`, {
      name: `source ${i + 1}`,
      scopes,
    });
    writeKeys.push(created.secret);
  }
  return { workspaceId: ws.id, writeKeys };
}

const EVENTS = ["Order Completed", "Delivery Delayed", "Ticket Created", "Call Ended", "Product Viewed"];
const PAGES = ["/checkout", "/orders", "/help/returns", "/account"];

/** A Segment event of about 300 bytes of JSON: mostly track, some page and identify. */
export function sampleEvent(
  messageId: string,
  n: number,
  now = new Date(),
  users = 5_000,
): Record<string, unknown> {
  const user = `user-${n % users}`;
  const anonymousId = `anon-${(n * 7919) % (4 * users)}`;
  const timestamp = now.toISOString();
  const context = {
    library: { name: "analytics-node", version: "2.1.0" },
    ip: "203.0.113.7",
    locale: "de-DE",
  };
  if (n % 20 === 0)
    return {
      type: "identify",
      messageId,
      userId: user,
      anonymousId,
      traits: { plan: "pro", city: "Köln" },
      timestamp,
      context,
    };
  if (n % 5 === 0)
    return {
      type: "page",
      messageId,
      anonymousId,
      name: "Checkout",
      properties: { path: PAGES[n % 4] },
      timestamp,
      context,
    };
  return {
    type: "track",
    messageId,
    userId: user,
    event: EVENTS[n % EVENTS.length],
    properties: { orderId: `o-${n}`, revenue: (n % 300) + 0.99, currency: "EUR" },
    timestamp,
    context,
  };
}
