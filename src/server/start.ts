import { chmodSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { type AppConfig, defaultAppConfig } from "../core/config.js";
import { acquireLock, updateLock } from "../core/datadir/lock.js";
import { seedDemoEvents } from "../core/demo/seed-demo-events.js";
import { randomToken } from "../core/ids.js";
import { migrateStores, openStores } from "../core/stores.js";
import { seedDemo } from "../core/workspaces/seed-demo.js";
import { outboxHandlers } from "../worker/handlers.js";
import { createOutboxWorker } from "../worker/outbox-worker.js";
import { createApp } from "./app.js";

export interface StartOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  databaseUrl?: string | undefined;
  clickhouseUrl?: string | undefined;
  webDir?: string | undefined;
  /** Create the demo workspace when the installation has none (first run). */
  seedDemo?: boolean;
  config?: Partial<AppConfig>;
  log?: (line: string) => void;
  /** One line per request; off when absent. */
  accessLog?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  demo: { email: string; password: string } | undefined;
  /** Stop accepting, drain in-flight requests and outbox work, close the stores, release the lock. */
  close(): Promise<void>;
}

/** The file through which the local CLI proves it runs with access to the data directory. */
export const systemTokenPath = (dataDir: string) => join(dataDir, "system-token");

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const log = options.log ?? (() => {});
  const lock = acquireLock(options.dataDir);
  try {
    const stores = await openStores({
      dataDir: options.dataDir,
      databaseUrl: options.databaseUrl,
      clickhouseUrl: options.clickhouseUrl,
    });
    try {
      const applied = await migrateStores(stores);
      if (applied.systemOfRecord.length + applied.facts.length > 0) {
        log(`Migrated: ${[...applied.systemOfRecord, ...applied.facts.map((m) => `facts/${m}`)].join(", ")}`);
      }
      const demo = options.seedDemo ? await seedDemo(stores.sor.db) : undefined;
      if (demo) {
        const ws = await stores.sor.db
          .selectFrom("workspaces")
          .select("id")
          .where("slug", "=", "demo")
          .executeTakeFirstOrThrow();
        await seedDemoEvents(stores, ws.id);
      }
      const systemToken = randomToken();
      writeFileSync(systemTokenPath(options.dataDir), systemToken, { mode: 0o600 });
      chmodSync(systemTokenPath(options.dataDir), 0o600);
      const host = options.host ?? "127.0.0.1";
      const config = defaultAppConfig({ ...options.config, webDir: options.webDir, systemToken });
      const app = createApp({ stores, config, ...(options.accessLog && { accessLog: options.accessLog }) });
      const worker = createOutboxWorker({ db: stores.sor.db, handlers: outboxHandlers(stores, config) });
      worker.start();
      const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
        const s = serve({ fetch: app.fetch, port: options.port, hostname: host }, () => resolve(s));
      });
      const { port } = server.address() as AddressInfo;
      const url = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
      config.publicUrl = options.config?.publicUrl ?? url;
      updateLock(lock, { url });
      let closing: Promise<void> | undefined;
      return {
        url,
        demo,
        close: () => {
          closing ??= (async () => {
            // Stop accepting; in-flight requests finish, idle keep-alive sockets are closed.
            const closed = new Promise<void>((resolve) => server.close(() => resolve()));
            if ("closeIdleConnections" in server) server.closeIdleConnections();
            await closed;
            await worker.drain();
            await stores.close();
            lock.release();
          })();
          return closing;
        },
      };
    } catch (e) {
      await stores.close();
      throw e;
    }
  } catch (e) {
    lock.release();
    throw e;
  }
}
