import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../testing/cli.js";

describe("journeylens survey command", () => {
  it("imports, lists and exports surveys and prints personal links, on a closed data directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jl-cli-survey-"));
    const env = { JOURNEYLENS_DATA: join(dir, "data") };
    expect((await runCli(["workspace", "create", "--name", "Paketdienst Süd"], env)).code).toBe(0);
    const w = ["--workspace", "paketdienst-sued"];

    const file = join(dir, "survey.json");
    const doc = {
      format: "journeylens.survey",
      formatVersion: 1,
      survey: {
        name: "Zustellung NPS",
        defaultLanguage: "de",
        definition: {
          schemaVersion: 1,
          title: { de: "Ihre Zustellung" },
          thankYou: { de: "Danke!" },
          questions: [{ id: "nps", type: "nps", text: { de: "Empfehlen?" }, required: true }],
        },
        settings: {},
        touchpointKey: "zustellung",
      },
    };
    writeFileSync(file, JSON.stringify(doc));
    const imported = await runCli(["survey", "import", file, ...w], env);
    expect(imported.stdout).toMatch(
      /Imported survey "Zustellung NPS" as a draft \(id ([0-9a-f-]{36}), no touchpoint\)/,
    );
    const id = /id ([0-9a-f-]{36})/.exec(imported.stdout)?.[1] ?? "";

    const listed = JSON.parse((await runCli(["survey", "list", ...w, "--json"], env)).stdout);
    expect(listed).toEqual([
      expect.objectContaining({ id, name: "Zustellung NPS", status: "draft", responseCount: 0 }),
    ]);

    const out = join(dir, "export.json");
    expect((await runCli(["survey", "export", id, ...w, "-o", out], env)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual({
      ...doc,
      survey: { ...doc.survey, touchpointKey: null },
    });

    const link = await runCli(
      ["survey", "link", id, ...w, "--customer", "kunde-9", "--hidden", "orderId=A-9", "--hidden", "x"],
      env,
    );
    expect(link.code).toBe(1);
    expect(link.stderr).toContain('--hidden: "x" is not key=value');
    const made = await runCli(
      ["survey", "link", id, ...w, "--customer", "kunde-9", "--hidden", "orderId=A-9"],
      env,
    );
    expect(made.stdout).toMatch(new RegExp(`^http://localhost:3000/s/${id}\\?t=[A-Za-z0-9_-]{43}\\n$`));
    expect(made.stderr).toContain("Single-use link");
    expect(made.stderr).toContain("for kunde-9");

    const bad = await runCli(["survey", "import", out.replace("export", "missing"), ...w], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Cannot read");
  }, 240_000);
});
