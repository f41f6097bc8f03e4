import { readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { type Call, CliError, findWorkspace, withApi } from "../api.js";
import { envConfig } from "../env.js";
import { printTable } from "../output.js";
import { listAll } from "./workspace.js";

interface Journey {
  id: string;
  version: number;
  document: { title: string; status: string; stages: { steps: unknown[] }[] };
  updatedAt: string;
}

interface Revision {
  version: number;
  author: { name: string };
  createdAt: string;
  summary: Record<string, number>;
}

const WORKSPACE = ["--workspace <idOrSlug>", "workspace id or slug"] as const;

/** Runs `work` with the API and the journeys path of the workspace named by `--workspace`. */
const inWorkspace = <T>(ref: string, work: (call: Call, base: string) => Promise<T>) =>
  withApi(envConfig(), async (call) => {
    const ws = await findWorkspace(call, ref);
    return work(call, `/api/v1/workspaces/${ws.id}/journeys`);
  });

const id = (value: string) => encodeURIComponent(value);
const summary = (s: Record<string, number>) =>
  Object.entries(s)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ") || "no changes";

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new CliError(`${file}: ${(e as Error).message}`);
  }
}

export function journeyCommand(program: Command): void {
  const journey = program.command("journey").description("Manage journey maps of a workspace");
  journey
    .command("list")
    .description("List journeys")
    .requiredOption(...WORKSPACE)
    .option("--status <status>", "draft, as_is, to_be or archived")
    .option("--json", "print JSON")
    .action(async (opts: { workspace: string; status?: string; json?: boolean }) => {
      const qs = opts.status ? `?status=${encodeURIComponent(opts.status)}` : "";
      const rows = await inWorkspace(opts.workspace, (call, base) =>
        listAll<Record<string, unknown>>(call, `${base}${qs}`),
      );
      printTable(
        rows,
        ["id", "title", "status", "version", "stageCount", "stepCount", "updatedAt"],
        Boolean(opts.json),
      );
    });
  journey
    .command("get")
    .description("Print a journey as JSON")
    .requiredOption(...WORKSPACE)
    .argument("<journeyId>")
    .action(async (journeyId: string, opts: { workspace: string }) => {
      const j = await inWorkspace(opts.workspace, (call, base) =>
        call<Journey>("GET", `${base}/${id(journeyId)}`),
      );
      console.log(JSON.stringify(j, null, 2));
    });
  journey
    .command("create")
    .description("Create an empty journey")
    .requiredOption(...WORKSPACE)
    .requiredOption("--title <title>", 'title, e.g. "Umzug melden"')
    .option("--scenario <scenario>", "e.g. new_purchase, moving_house, complaint, onboarding", "")
    .option("--status <status>", "draft, as_is, to_be or archived", "draft")
    .action(async (opts: { workspace: string; title: string; scenario: string; status: string }) => {
      const document = { title: opts.title, scenario: opts.scenario, status: opts.status };
      const j = await inWorkspace(opts.workspace, (call, base) => call<Journey>("POST", base, { document }));
      console.log(`Created journey "${j.document.title}" (id ${j.id}, version ${j.version})`);
    });
  journey
    .command("delete")
    .description("Delete a journey with its history")
    .requiredOption(...WORKSPACE)
    .argument("<journeyId>")
    .action(async (journeyId: string, opts: { workspace: string }) => {
      await inWorkspace(opts.workspace, (call, base) => call("DELETE", `${base}/${id(journeyId)}`));
      console.log(`Deleted journey ${journeyId}`);
    });
  journey
    .command("export")
    .description("Export a journey as lossless JSON (to a file, or to stdout)")
    .requiredOption(...WORKSPACE)
    .argument("<journeyId>")
    .option("--out <file>", "write to this file")
    .action(async (journeyId: string, opts: { workspace: string; out?: string }) => {
      const j = await inWorkspace(opts.workspace, (call, base) =>
        call<Journey>("GET", `${base}/${id(journeyId)}/export`),
      );
      const text = `${JSON.stringify(j, null, 2)}\n`;
      if (opts.out) {
        writeFileSync(opts.out, text);
        console.log(`Exported "${j.document.title}" (version ${j.version}) to ${opts.out}`);
      } else process.stdout.write(text);
    });
  journey
    .command("import")
    .description("Import an exported journey or a journey document as a new journey")
    .requiredOption(...WORKSPACE)
    .argument("<file>", "a JSON file")
    .action(async (file: string, opts: { workspace: string }) => {
      const body = readJson(file);
      const j = await inWorkspace(opts.workspace, (call, base) =>
        call<Journey>("POST", `${base}/import`, body),
      );
      const steps = j.document.stages.reduce((n, s) => n + s.steps.length, 0);
      console.log(
        `Imported journey "${j.document.title}" (id ${j.id}, ${j.document.stages.length} stages, ${steps} steps)`,
      );
    });
  journey
    .command("revisions")
    .description("List the versions of a journey, newest first")
    .requiredOption(...WORKSPACE)
    .argument("<journeyId>")
    .option("--json", "print JSON")
    .action(async (journeyId: string, opts: { workspace: string; json?: boolean }) => {
      const revisions = await inWorkspace(opts.workspace, (call, base) =>
        listAll<Revision>(call, `${base}/${id(journeyId)}/revisions`),
      );
      const rows = opts.json
        ? revisions
        : revisions.map((r) => ({ ...r, author: r.author.name, summary: summary(r.summary) }));
      printTable(
        rows as unknown as Record<string, unknown>[],
        ["version", "author", "createdAt", "summary"],
        Boolean(opts.json),
      );
    });
  journey
    .command("restore")
    .description("Save an old version's document as the newest version")
    .requiredOption(...WORKSPACE)
    .argument("<journeyId>")
    .argument("<version>", "the version to restore")
    .option("--base <version>", "the version you expect to replace (default: the current one)")
    .action(async (journeyId: string, version: string, opts: { workspace: string; base?: string }) => {
      const j = await inWorkspace(opts.workspace, async (call, base) => {
        const baseVersion = opts.base
          ? Number(opts.base)
          : (await call<Journey>("GET", `${base}/${id(journeyId)}`)).version;
        return call<Journey>("POST", `${base}/${id(journeyId)}/revisions/${id(version)}/restore`, {
          baseVersion,
        });
      });
      console.log(`Restored version ${version} of "${j.document.title}" as version ${j.version}`);
    });
}
