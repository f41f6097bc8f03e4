import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../testing/cli.js";

describe("journeylens touchpoint and persona commands", () => {
  it("imports and exports touchpoints, and creates and lists personas, on a closed data directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jl-cli-design-"));
    const env = { JOURNEYLENS_DATA: join(dir, "data") };
    expect((await runCli(["workspace", "create", "--name", "Stadtwerke Nord"], env)).code).toBe(0);
    const w = ["--workspace", "stadtwerke-nord"];

    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "Name;Kanal;Art\nTechniker-Termin;Außendienst;direkt\nWarten;Brief-Taube!;manchmal\n");
    const refused = await runCli(["touchpoint", "import", bad, ...w], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("2 error(s) in the file; nothing was imported");
    expect(refused.stderr).toContain('\n  row 3, channel: "brief-taube!" is not a channel');
    expect(refused.stderr).toContain('\n  row 3, kind: "manchmal" is not direct, indirect or hidden');

    const good = join(dir, "good.csv");
    writeFileSync(
      good,
      "Name;Kanal;Art;Tags\nTechniker-Termin;Außendienst;direkt;Vor Ort\nWarten auf Rückruf;Telefon;versteckt;\n",
    );
    const imported = await runCli(["touchpoint", "import", good, ...w], env);
    expect(imported.stdout).toContain("Created 2, updated 0, unchanged 0");

    const out = join(dir, "export.csv");
    expect((await runCli(["touchpoint", "export", ...w, "--out", out], env)).code).toBe(0);
    const csv = readFileSync(out, "utf8");
    expect(csv).toContain("techniker-termin,Techniker-Termin,,field_service,direct,,,Vor Ort,no,,");
    expect(csv).toContain("warten-auf-rueckruf,Warten auf Rückruf,,phone,hidden,");
    expect((await runCli(["touchpoint", "import", out, ...w], env)).stdout).toContain(
      "Created 0, updated 0, unchanged 2",
    );

    const created = await runCli(
      [
        "persona",
        "create",
        ...w,
        "--name",
        "Sparfuchs Sabine",
        "--goal",
        "Sparen",
        "--goal",
        "Klarheit",
      ].concat(["--channels", "web,app", "--segment-rule", 'plan = "basic"']),
      env,
    );
    expect(created.stdout).toMatch(
      /Created persona "Sparfuchs Sabine" \(key sparfuchs-sabine, id [0-9a-f-]{36}\)/,
    );
    const listed = JSON.parse((await runCli(["persona", "list", ...w, "--json"], env)).stdout);
    expect(listed).toEqual([
      expect.objectContaining({
        name: "Sparfuchs Sabine",
        initials: "SS",
        goals: ["Sparen", "Klarheit"],
        channels: ["web", "app"],
        segmentRule: 'plan = "basic"',
      }),
    ]);
  }, 240_000);
});
