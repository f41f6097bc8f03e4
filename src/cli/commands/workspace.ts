import type { Command } from "commander";
import { type Call, withApi } from "../api.js";
import { envConfig } from "../env.js";
import { printTable } from "../output.js";

interface Ws {
  id: string;
  name: string;
  slug: string;
  createdAt: string;
}

/** Every page of a cursor-paginated list. */
export async function listAll<T>(call: Call, path: string): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const page: { items: T[]; nextCursor: string | null } = await call(
      "GET",
      `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

export function workspaceCommand(program: Command): void {
  const ws = program.command("workspace").description("Manage workspaces (tenants)");
  ws.command("create")
    .description("Create a workspace")
    .requiredOption("--name <name>", "display name")
    .option("--slug <slug>", "URL name (default: derived from the name)")
    .option("--owner <email>", "an existing account to make owner")
    .action(async (opts: { name: string; slug?: string; owner?: string }) => {
      const created = await withApi(envConfig(), (call) =>
        call<Ws>("POST", "/api/v1/workspaces", { name: opts.name, slug: opts.slug, ownerEmail: opts.owner }),
      );
      console.log(`Created workspace "${created.name}" (slug ${created.slug}, id ${created.id})`);
    });
  ws.command("list")
    .description("List all workspaces")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      const all = await withApi(envConfig(), (call) => listAll<Ws>(call, "/api/v1/workspaces"));
      printTable(
        all as unknown as Record<string, unknown>[],
        ["id", "slug", "name", "createdAt"],
        Boolean(opts.json),
      );
    });
}
