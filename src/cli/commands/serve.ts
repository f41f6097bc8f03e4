import type { Command } from "commander";
import { defaultAppConfig } from "../../core/config.js";
import { startServer } from "../../server/start.js";
import { envConfig } from "../env.js";

export function serveCommand(program: Command): void {
  program
    .command("serve")
    .description("Run the server and web app (embedded stores unless DATABASE_URL / CLICKHOUSE_URL are set)")
    .option("-p, --port <port>", "port to listen on (env PORT, default 3000)", (v) => Number.parseInt(v, 10))
    .option("--host <host>", "interface to bind (env HOST, default 127.0.0.1)")
    .option("--no-demo", "do not create the demo workspace on first run")
    .option("--quiet", "no access log")
    .action(async (opts: { port?: number; host?: string; demo: boolean; quiet?: boolean }) => {
      const env = envConfig();
      const started = Date.now();
      console.log(`Journeylens: data directory ${env.dataDir}`);
      const server = await startServer({
        dataDir: env.dataDir,
        port: opts.port ?? env.port,
        host: opts.host ?? env.host,
        databaseUrl: env.databaseUrl,
        clickhouseUrl: env.clickhouseUrl,
        webDir: env.webDir,
        seedDemo: opts.demo,
        config: {
          ...(env.publicUrl && { publicUrl: env.publicUrl }),
          ...(env.trustProxy && { trustProxy: true }),
          mail: { smtpUrl: env.smtpUrl, from: env.smtpFrom },
          ...(env.webhooksAllowPrivate && {
            webhooks: { ...defaultAppConfig().webhooks, allowPrivateAddresses: true },
          }),
        },
        log: (line) => console.log(line),
        ...(!opts.quiet && {
          accessLog: (line: string) => console.log(`${new Date().toISOString()} ${line}`),
        }),
      });
      const stores = `${env.databaseUrl ? "PostgreSQL server" : "PGlite (embedded)"} + ${env.clickhouseUrl ? "ClickHouse server" : "chDB (embedded)"}`;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const lines = [`Journeylens is running at ${server.url}  (${stores}, ready in ${seconds} s)`];
      if (server.demo)
        lines.push(`Demo login: ${server.demo.email} / ${server.demo.password}  (change it before real use)`);
      if (!env.databaseUrl) {
        lines.push(
          "Note: embedded PGlite survives a process crash but not a power loss; use DATABASE_URL in production.",
        );
      }
      console.log(lines.join("\n"));
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`${signal}: draining and shutting down…`);
        server.close().then(
          () => process.exit(0),
          (e: unknown) => {
            console.error(e);
            process.exit(1);
          },
        );
      };
      process.on("SIGTERM", () => stop("SIGTERM"));
      process.on("SIGINT", () => stop("SIGINT"));
    });
}
