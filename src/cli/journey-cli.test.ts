import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startServer } from "../server/start.js";
import { runCli } from "../testing/cli.js";

describe("journeylens journey", () => {
  it("creates, exports, imports and lists journeys through a running server", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "jl-cli-journey-"));
    const server = await startServer({ dataDir, port: 0, seedDemo: false });
    try {
      const env = { JOURNEYLENS_DATA: dataDir };
      expect((await runCli(["workspace", "create", "--name", "Demo"], env)).code).toBe(0);
      const created = await runCli(
        ["journey", "create", "--workspace", "demo", "--title", "Umzug melden", "--scenario", "moving_house"],
        env,
      );
      expect(created.stderr).toBe("");
      const id = /Created journey "Umzug melden" \(id ([0-9a-f-]{36}), version 1\)/.exec(created.stdout)?.[1];
      expect(id).toBeDefined();
      const file = join(dataDir, "umzug.json");
      const exported = await runCli(
        ["journey", "export", "--workspace", "demo", id ?? "", "--out", file],
        env,
      );
      expect(exported.stdout).toContain(`Exported "Umzug melden" (version 1) to ${file}`);
      const json = JSON.parse(readFileSync(file, "utf8"));
      expect(json).toMatchObject({
        id,
        version: 1,
        document: { title: "Umzug melden", scenario: "moving_house" },
      });
      const imported = await runCli(["journey", "import", "--workspace", "demo", file], env);
      const copy = /Imported journey "Umzug melden" \(id ([0-9a-f-]{36}), 0 stages, 0 steps\)/.exec(
        imported.stdout,
      )?.[1];
      expect(copy).toBeDefined();
      const listed = await runCli(["journey", "list", "--workspace", "demo", "--json"], env);
      const rows = JSON.parse(listed.stdout) as { id: string; title: string }[];
      expect(rows.map((r) => [r.id, r.title])).toEqual([
        [id, "Umzug melden"],
        [copy, "Umzug melden"],
      ]);
    } finally {
      await server.close();
    }
  }, 120_000);
});
