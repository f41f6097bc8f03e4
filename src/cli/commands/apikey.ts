import type { Command } from "commander";
import { findWorkspace, withApi } from "../api.js";
import { envConfig } from "../env.js";
import { printTable } from "../output.js";
import { listAll } from "./workspace.js";

interface Key {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export function apikeyCommand(program: Command): void {
  const apikey = program.command("apikey").description("Manage API keys of a workspace");
  apikey
    .command("create")
    .description("Create an API key; the secret is printed once")
    .requiredOption("--workspace <idOrSlug>", "workspace id or slug")
    .requiredOption("--name <name>", "what the key is for")
    .option("--scopes <list>", "comma-separated: ingest, read, write, admin", "read")
    .option("--expires <date>", "expiry as an ISO date or date-time, e.g. 2027-06-30")
    .action(async (opts: { workspace: string; name: string; scopes: string; expires?: string }) => {
      const expiresAt = opts.expires ? toIso(opts.expires) : undefined;
      const { apiKey, secret } = await withApi(envConfig(), async (call) => {
        const ws = await findWorkspace(call, opts.workspace);
        return call<{ apiKey: Key; secret: string }>("POST", `/api/v1/workspaces/${ws.id}/api-keys`, {
          name: opts.name,
          scopes: opts.scopes
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
          expiresAt,
        });
      });
      console.log(`Created API key ${apiKey.prefix} (${apiKey.scopes.join(", ")}), id ${apiKey.id}`);
      console.log(`Secret (shown only now): ${secret}`);
    });
  apikey
    .command("list")
    .description("List the API keys of a workspace")
    .requiredOption("--workspace <idOrSlug>", "workspace id or slug")
    .option("--json", "print JSON")
    .action(async (opts: { workspace: string; json?: boolean }) => {
      const keys = await withApi(envConfig(), async (call) => {
        const ws = await findWorkspace(call, opts.workspace);
        return listAll<Key>(call, `/api/v1/workspaces/${ws.id}/api-keys`);
      });
      const rows = keys.map((k) => ({ ...k, status: status(k) }));
      printTable(
        rows,
        ["id", "prefix", "name", "scopes", "status", "expiresAt", "lastUsedAt"],
        Boolean(opts.json),
      );
    });
  apikey
    .command("revoke")
    .description("Revoke an API key immediately")
    .requiredOption("--workspace <idOrSlug>", "workspace id or slug")
    .argument("<keyId>", "the key's id (see apikey list)")
    .action(async (keyId: string, opts: { workspace: string }) => {
      const key = await withApi(envConfig(), async (call) => {
        const ws = await findWorkspace(call, opts.workspace);
        return call<Key>("DELETE", `/api/v1/workspaces/${ws.id}/api-keys/${encodeURIComponent(keyId)}`);
      });
      console.log(`Revoked API key ${key.prefix} at ${key.revokedAt}`);
    });
}

function toIso(value: string): string {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59Z` : value);
  if (Number.isNaN(d.getTime()))
    throw new Error(`--expires: "${value}" is not a date (expected e.g. 2027-06-30)`);
  return d.toISOString();
}

const status = (k: Key) =>
  k.revokedAt
    ? "revoked"
    : k.expiresAt && new Date(k.expiresAt).getTime() <= Date.now()
      ? "expired"
      : "active";
