import type { Command } from "commander";
import { findWorkspace, withApi } from "../api.js";
import { envConfig } from "../env.js";
import { printTable } from "../output.js";
import { collect, FILE_TYPES, printImport, readBody, writeOut } from "./files.js";
import { listAll } from "./workspace.js";

interface Persona {
  id: string;
  key: string;
  name: string;
  initials: string;
  avatarColor: string;
  channels: string[];
  segmentRule: string | null;
}

interface FieldOptions {
  name?: string;
  key?: string;
  quote?: string;
  description?: string;
  color?: string;
  goal?: string[];
  need?: string[];
  frustration?: string[];
  channels?: string;
  segmentRule?: string;
}

const withFields = (cmd: Command) =>
  cmd
    .option("--key <key>", "stable key (default: derived from the name)")
    .option("--quote <text>", "a typical quote")
    .option("--description <text>", "description")
    .option("--color <#rrggbb>", "avatar colour (default: derived from the name)")
    .option("--goal <text>", "a goal (repeatable)", collect)
    .option("--need <text>", "a need (repeatable)", collect)
    .option("--frustration <text>", "a frustration (repeatable)", collect)
    .option("--channels <list>", "comma-separated preferred channels")
    .option("--segment-rule <expr>", 'e.g. \'plan = "business" and tenure_months >= 24\' ("" to clear)');

function body(o: FieldOptions): Record<string, unknown> {
  const b: Record<string, unknown> = {};
  for (const f of ["name", "key", "quote", "description"] as const) if (o[f] !== undefined) b[f] = o[f];
  if (o.color !== undefined) b.avatarColor = o.color;
  if (o.goal) b.goals = o.goal;
  if (o.need) b.needs = o.need;
  if (o.frustration) b.frustrations = o.frustration;
  if (o.channels !== undefined)
    b.channels = o.channels
      .split(",")
      .map((c) => c.trim())
      .filter(Boolean);
  if (o.segmentRule !== undefined) b.segmentRule = o.segmentRule || null;
  return b;
}

const ws = "--workspace <idOrSlug>";

export function personaCommand(program: Command): void {
  const persona = program.command("persona").description("Manage the personas of a workspace");
  const path = (id: string, suffix = "") => `/api/v1/workspaces/${id}/personas${suffix}`;

  persona
    .command("list")
    .description("List personas by name")
    .requiredOption(ws, "workspace id or slug")
    .option("--q <text>", "search name, key, quote and description")
    .option("--json", "print JSON")
    .action(async (o: { workspace: string; q?: string; json?: boolean }) => {
      const items = await withApi(envConfig(), async (call) => {
        const w = await findWorkspace(call, o.workspace);
        return listAll<Persona>(call, path(w.id, o.q ? `?q=${encodeURIComponent(o.q)}` : ""));
      });
      printTable(
        items as unknown as Record<string, unknown>[],
        ["id", "key", "name", "initials", "avatarColor", "channels", "segmentRule"],
        Boolean(o.json),
      );
    });

  persona
    .command("get")
    .description("Show one persona as JSON")
    .requiredOption(ws, "workspace id or slug")
    .argument("<personaId>", "the persona's id")
    .action(async (id: string, o: { workspace: string }) => {
      const p = await withApi(envConfig(), async (call) => {
        const w = await findWorkspace(call, o.workspace);
        return call<Persona>("GET", path(w.id, `/${encodeURIComponent(id)}`));
      });
      console.log(JSON.stringify(p, null, 2));
    });

  withFields(persona.command("create").description("Create a persona"))
    .requiredOption(ws, "workspace id or slug")
    .requiredOption("--name <name>", "name, e.g. Sparfuchs Sabine")
    .action(async (o: FieldOptions & { workspace: string }) => {
      const p = await withApi(envConfig(), async (call) => {
        const w = await findWorkspace(call, o.workspace);
        return call<Persona>("POST", path(w.id), body(o));
      });
      console.log(`Created persona "${p.name}" (key ${p.key}, id ${p.id})`);
    });

  withFields(persona.command("update").description("Change fields of a persona (lists are replaced)"))
    .requiredOption(ws, "workspace id or slug")
    .argument("<personaId>", "the persona's id")
    .option("--name <name>", "new name")
    .action(async (id: string, o: FieldOptions & { workspace: string }) => {
      const p = await withApi(envConfig(), async (call) => {
        const w = await findWorkspace(call, o.workspace);
        return call<Persona>("PATCH", path(w.id, `/${encodeURIComponent(id)}`), body(o));
      });
      console.log(`Updated persona "${p.name}" (key ${p.key})`);
    });

  persona
    .command("delete")
    .description("Delete a persona; journeys that reference it keep working without one")
    .requiredOption(ws, "workspace id or slug")
    .argument("<personaId>", "the persona's id")
    .action(async (id: string, o: { workspace: string }) => {
      await withApi(envConfig(), async (call) => {
        const w = await findWorkspace(call, o.workspace);
        return call("DELETE", path(w.id, `/${encodeURIComponent(id)}`));
      });
      console.log(`Deleted persona ${id}`);
    });

  persona
    .command("import")
    .description("Import personas from a JSON file (upsert by key, all or nothing)")
    .requiredOption(ws, "workspace id or slug")
    .argument("<file>", "a JSON file as written by persona export")
    .option("--dry-run", "check and count, store nothing")
    .action(async (file: string, o: { workspace: string; dryRun?: boolean }) => {
      const upload = readBody(file, "json");
      const result = await withApi(envConfig(), async (call, raw) => {
        const w = await findWorkspace(call, o.workspace);
        const res = await raw("POST", path(w.id, `/import?dryRun=${Boolean(o.dryRun)}`), upload);
        return JSON.parse(Buffer.from(res.data).toString("utf8"));
      });
      printImport(result);
    });

  persona
    .command("export")
    .description("Export all personas as JSON")
    .requiredOption(ws, "workspace id or slug")
    .option("--out <file>", "write to this file instead of standard output")
    .action(async (o: { workspace: string; out?: string }) => {
      const file = await withApi(envConfig(), async (call, raw) => {
        const w = await findWorkspace(call, o.workspace);
        return raw("GET", path(w.id, "/export"));
      });
      writeOut({ contentType: FILE_TYPES.json, data: file.data }, o.out);
    });
}
