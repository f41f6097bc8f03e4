import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root (holds package.json), whether running from src/ or from dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

/** Everything the CLI reads from the environment, in one place. */
export function envConfig(env: NodeJS.ProcessEnv = process.env) {
  return {
    dataDir: resolve(env.JOURNEYLENS_DATA ?? ".journeylens"),
    databaseUrl: env.DATABASE_URL || undefined,
    clickhouseUrl: env.CLICKHOUSE_URL || undefined,
    port: env.PORT ? Number(env.PORT) : 3000,
    host: env.HOST ?? "127.0.0.1",
    publicUrl: env.JOURNEYLENS_PUBLIC_URL || undefined,
    /** Lets webhooks reach private and loopback addresses (an intranet receiver, local testing). */
    webhooksAllowPrivate: env.JOURNEYLENS_WEBHOOKS_ALLOW_PRIVATE === "1",
    /** Behind a reverse proxy: client addresses (per-address limits) come from X-Forwarded-For. */
    trustProxy: env.JOURNEYLENS_TRUST_PROXY === "1",
    /** The installation's SMTP server for e-mail notifications (workspaces may set their own). */
    smtpUrl: env.JOURNEYLENS_SMTP_URL || undefined,
    smtpFrom: env.JOURNEYLENS_SMTP_FROM || undefined,
    webDir: env.JOURNEYLENS_WEB_DIR ? resolve(env.JOURNEYLENS_WEB_DIR) : join(packageRoot(), "dist", "web"),
  };
}
