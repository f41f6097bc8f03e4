import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { CliError, findWorkspace, withApi } from "../api.js";
import { envConfig } from "../env.js";
import { printTable } from "../output.js";
import { collect } from "./files.js";
import { listAll } from "./workspace.js";

interface Survey {
  id: string;
  name: string;
  status: string;
  defaultLanguage: string;
  responseCount: number;
  updatedAt: string;
}

interface CreatedLink {
  id: string;
  url: string;
  customerId: string | null;
  singleUse: boolean;
}

const ws = "--workspace <idOrSlug>";
const path = (workspaceId: string, suffix = "") => `/api/v1/workspaces/${workspaceId}/surveys${suffix}`;

/** `--hidden orderId=A-1 --hidden plan=basic` → `{ orderId: "A-1", plan: "basic" }`. */
function hiddenFields(pairs: string[]): Record<string, string> {
  const hidden: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at < 1) throw new CliError(`--hidden: "${pair}" is not key=value`);
    hidden[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return hidden;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new CliError(`Cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(`${file} is not JSON (expected a survey export)`);
  }
}

export function surveyCommand(program: Command): void {
  const survey = program
    .command("survey")
    .description("Manage surveys: list, export, import, personal links");

  survey
    .command("list")
    .description("List surveys, newest first")
    .requiredOption(ws, "workspace id or slug")
    .option("--status <status>", "only draft, active or closed")
    .option("--json", "print JSON")
    .action(async (o: { workspace: string; status?: string; json?: boolean }) => {
      const qs = o.status ? `?status=${encodeURIComponent(o.status)}` : "";
      const items = await withApi(envConfig(), async (call) => {
        const w = await findWorkspace(call, o.workspace);
        return listAll<Survey>(call, path(w.id, qs));
      });
      printTable(
        items as unknown as Record<string, unknown>[],
        ["id", "name", "status", "defaultLanguage", "responseCount", "updatedAt"],
        Boolean(o.json),
      );
    });

  survey
    .command("export")
    .description("Export a survey as JSON (to import into this or another workspace)")
    .requiredOption(ws, "workspace id or slug")
    .argument("<surveyId>", "the survey's id")
    .option("-o, --out <file>", "write to this file instead of standard output")
    .action(async (id: string, o: { workspace: string; out?: string }) => {
      const doc = await withApi(envConfig(), async (call) => {
        const w = await findWorkspace(call, o.workspace);
        return call<unknown>("GET", path(w.id, `/${encodeURIComponent(id)}/export`));
      });
      const text = `${JSON.stringify(doc, null, 2)}\n`;
      if (o.out) {
        writeFileSync(o.out, text);
        console.error(`Wrote the survey to ${o.out}`);
      } else process.stdout.write(text);
    });

  survey
    .command("import")
    .description("Create a draft survey from an exported JSON file (touchpoint matched by key)")
    .requiredOption(ws, "workspace id or slug")
    .argument("<file>", "a file written by `survey export`")
    .action(async (file: string, o: { workspace: string }) => {
      const doc = readJson(file);
      const created = await withApi(envConfig(), async (call) => {
        const w = await findWorkspace(call, o.workspace);
        return call<Survey & { touchpointId: string | null }>("POST", path(w.id, "/import"), doc);
      });
      console.log(
        `Imported survey "${created.name}" as a draft (id ${created.id}${created.touchpointId ? "" : ", no touchpoint"})`,
      );
    });

  survey
    .command("link")
    .description("Create a personal survey link (single-use unless --multi-use) and print its URL")
    .requiredOption(ws, "workspace id or slug")
    .argument("<surveyId>", "the survey's id")
    .option("--customer <id>", "the customer the response is attributed to")
    .option("--hidden <key=value>", "a hidden field stored with the response (repeatable)", collect)
    .option("--language <de|en>", "the survey's language for this link")
    .option("--multi-use", "allow more than one response through the link")
    .option("--expires <isoDate>", "the link stops working at this time")
    .action(
      async (
        id: string,
        o: {
          workspace: string;
          customer?: string;
          hidden?: string[];
          language?: string;
          multiUse?: boolean;
          expires?: string;
        },
      ) => {
        const body = {
          ...(o.customer && { customerId: o.customer }),
          ...(o.hidden && { hidden: hiddenFields(o.hidden) }),
          ...(o.language && { language: o.language }),
          ...(o.expires && { expiresAt: o.expires }),
          singleUse: !o.multiUse,
        };
        const link = await withApi(envConfig(), async (call) => {
          const w = await findWorkspace(call, o.workspace);
          return call<CreatedLink>("POST", path(w.id, `/${encodeURIComponent(id)}/links`), body);
        });
        console.log(link.url);
        console.error(
          `${link.singleUse ? "Single-use" : "Multi-use"} link ${link.id}${link.customerId ? ` for ${link.customerId}` : ""}; the URL is shown only now`,
        );
      },
    );
}
