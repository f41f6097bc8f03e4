import type { Command } from "commander";
import { type Call, CliError, findWorkspace, withApi } from "../api.js";
import { envConfig } from "../env.js";
import { printTable } from "../output.js";
import { formatOf, printImport, readBody, writeOut } from "./files.js";
import { listAll } from "./workspace.js";

interface Touchpoint {
  id: string;
  key: string;
  name: string;
  channel: string;
  kind: string;
  department: string | null;
  owner: { type: "user" | "team"; name: string } | null;
  tags: string[];
  signature: boolean;
  internalRating: { value: number } | null;
  usedBy: number;
}

interface FieldOptions {
  name?: string;
  key?: string;
  description?: string;
  channel?: string;
  kind?: string;
  department?: string;
  owner?: string;
  tags?: string;
  signature?: string;
  rating?: string;
  matchers?: string;
}

const withFields = (cmd: Command) =>
  cmd
    .option("--key <key>", "stable key (default: derived from the name)")
    .option("--description <text>", "description")
    .option(
      "--channel <channel>",
      "web, app, email, phone, chat, store, field_service, letter, social, billing, delivery, other …",
    )
    .option("--kind <kind>", "direct, indirect or hidden")
    .option("--department <name>", 'department ("" to clear)')
    .option("--owner <emailOrTeam>", 'a member\'s e-mail or a team name ("" to clear)')
    .option("--tags <list>", "comma-separated tags")
    .option("--signature <yesNo>", "a signature interaction: yes or no")
    .option("--rating <value>", 'internal rating 1–5, one decimal ("" to clear)')
    .option("--matchers <json>", 'event matchers as JSON, e.g. \'[{"event":"Order *"}]\'');

/** The API body for the options given; an owner e-mail becomes the member's user id. */
async function body(call: Call, workspaceId: string, o: FieldOptions): Promise<Record<string, unknown>> {
  const b: Record<string, unknown> = {};
  for (const f of ["name", "key", "description", "channel", "kind"] as const)
    if (o[f] !== undefined) b[f] = o[f];
  if (o.department !== undefined) b.department = o.department || null;
  if (o.tags !== undefined)
    b.tags = o.tags
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
  if (o.signature !== undefined) {
    if (!/^(yes|no|true|false|ja|nein)$/i.test(o.signature)) throw new CliError("--signature: yes or no");
    b.signature = /^(yes|true|ja)$/i.test(o.signature);
  }
  if (o.rating !== undefined) b.internalRating = o.rating === "" ? null : Number(o.rating.replace(",", "."));
  if (o.matchers !== undefined) {
    try {
      b.eventMatchers = JSON.parse(o.matchers);
    } catch {
      throw new CliError('--matchers: not JSON (e.g. [{"event":"Order Completed"}])');
    }
  }
  if (o.owner !== undefined) {
    if (o.owner === "") b.owner = null;
    else if (!o.owner.includes("@")) b.owner = { type: "team", name: o.owner };
    else {
      const members = await listAll<{ userId: string; email: string }>(
        call,
        `/api/v1/workspaces/${workspaceId}/members`,
      );
      const m = members.find((x) => x.email.toLowerCase() === o.owner?.toLowerCase());
      if (!m) throw new CliError(`--owner: no member with the e-mail ${o.owner}`);
      b.owner = { type: "user", userId: m.userId };
    }
  }
  return b;
}

const row = (t: Touchpoint) => ({
  ...t,
  owner: t.owner?.name ?? null,
  rating: t.internalRating?.value ?? null,
  signature: t.signature ? "yes" : "no",
});
const COLUMNS = [
  "id",
  "key",
  "name",
  "channel",
  "kind",
  "department",
  "owner",
  "tags",
  "signature",
  "rating",
  "usedBy",
];
const ws = "--workspace <idOrSlug>";

export function touchpointCommand(program: Command): void {
  const tp = program.command("touchpoint").description("Manage the touchpoint register of a workspace");
  const path = (id: string, suffix = "") => `/api/v1/workspaces/${id}/touchpoints${suffix}`;

  tp.command("list")
    .description("List touchpoints")
    .requiredOption(ws, "workspace id or slug")
    .option("--channel <channel>", "only this channel")
    .option("--kind <kind>", "only direct, indirect or hidden")
    .option("--tag <tag>", "only with this tag")
    .option("--q <text>", "search name, key and description")
    .option("--sort <field>", "name, -name, channel, kind, department, updatedAt, -updatedAt", "name")
    .option("--json", "print JSON")
    .action(
      async (o: {
        workspace: string;
        channel?: string;
        kind?: string;
        tag?: string;
        q?: string;
        sort: string;
        json?: boolean;
      }) => {
        const qs = new URLSearchParams({ sort: o.sort });
        for (const f of ["channel", "kind", "tag", "q"] as const) if (o[f]) qs.set(f, o[f] as string);
        const items = await withApi(envConfig(), async (call) => {
          const w = await findWorkspace(call, o.workspace);
          return listAll<Touchpoint>(call, path(w.id, `?${qs}`));
        });
        printTable(
          o.json ? (items as unknown as Record<string, unknown>[]) : items.map(row),
          COLUMNS,
          Boolean(o.json),
        );
      },
    );

  tp.command("get")
    .description("Show one touchpoint as JSON")
    .requiredOption(ws, "workspace id or slug")
    .argument("<touchpointId>", "the touchpoint's id")
    .action(async (id: string, o: { workspace: string }) => {
      const t = await withApi(envConfig(), async (call) => {
        const w = await findWorkspace(call, o.workspace);
        return call<Touchpoint>("GET", path(w.id, `/${encodeURIComponent(id)}`));
      });
      console.log(JSON.stringify(t, null, 2));
    });

  withFields(tp.command("create").description("Create a touchpoint"))
    .requiredOption(ws, "workspace id or slug")
    .requiredOption("--name <name>", "name, e.g. Techniker-Termin")
    .action(async (o: FieldOptions & { workspace: string }) => {
      const t = await withApi(envConfig(), async (call) => {
        const w = await findWorkspace(call, o.workspace);
        return call<Touchpoint>("POST", path(w.id), await body(call, w.id, o));
      });
      console.log(`Created touchpoint "${t.name}" (key ${t.key}, id ${t.id})`);
    });

  withFields(tp.command("update").description("Change fields of a touchpoint"))
    .requiredOption(ws, "workspace id or slug")
    .argument("<touchpointId>", "the touchpoint's id")
    .option("--name <name>", "new name")
    .action(async (id: string, o: FieldOptions & { workspace: string }) => {
      const t = await withApi(envConfig(), async (call) => {
        const w = await findWorkspace(call, o.workspace);
        return call<Touchpoint>("PATCH", path(w.id, `/${encodeURIComponent(id)}`), await body(call, w.id, o));
      });
      console.log(`Updated touchpoint "${t.name}" (key ${t.key})`);
    });

  tp.command("delete")
    .description("Delete a touchpoint (refused while journeys use it, unless --detach)")
    .requiredOption(ws, "workspace id or slug")
    .argument("<touchpointId>", "the touchpoint's id")
    .option("--detach", "turn the journey steps that use it into free moments")
    .action(async (id: string, o: { workspace: string; detach?: boolean }) => {
      await withApi(envConfig(), async (call) => {
        const w = await findWorkspace(call, o.workspace);
        return call("DELETE", path(w.id, `/${encodeURIComponent(id)}${o.detach ? "?detach=true" : ""}`));
      });
      console.log(`Deleted touchpoint ${id}`);
    });

  tp.command("import")
    .description("Import touchpoints from CSV, XLSX or JSON (upsert by key, all or nothing)")
    .requiredOption(ws, "workspace id or slug")
    .argument("<file>", "the file; its extension tells the format unless --format is given")
    .option("--format <format>", "csv, xlsx or json")
    .option("--dry-run", "check and count, store nothing")
    .action(async (file: string, o: { workspace: string; format?: string; dryRun?: boolean }) => {
      const format = formatOf(file, o.format);
      const upload = readBody(file, format);
      const result = await withApi(envConfig(), async (call, raw) => {
        const w = await findWorkspace(call, o.workspace);
        const res = await raw(
          "POST",
          path(w.id, `/import?format=${format}&dryRun=${Boolean(o.dryRun)}`),
          upload,
        );
        return JSON.parse(Buffer.from(res.data).toString("utf8"));
      });
      printImport(result);
    });

  tp.command("export")
    .description("Export all touchpoints as CSV, XLSX or JSON")
    .requiredOption(ws, "workspace id or slug")
    .option("--format <format>", "csv, xlsx or json (default: from --out's extension, else csv)")
    .option("--out <file>", "write to this file instead of standard output")
    .action(async (o: { workspace: string; format?: string; out?: string }) => {
      const format = o.format
        ? formatOf("", o.format)
        : o.out && /\.(csv|xlsx|json)$/i.test(o.out)
          ? formatOf(o.out, undefined)
          : "csv";
      const file = await withApi(envConfig(), async (call, raw) => {
        const w = await findWorkspace(call, o.workspace);
        return raw("GET", path(w.id, `/export?format=${format}`));
      });
      writeOut(file, o.out);
    });
}
