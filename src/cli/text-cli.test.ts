import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startServer } from "../server/start.js";
import { runCli } from "../testing/cli.js";

describe("journeylens text", () => {
  it("analyses a text offline: sentiment, clauses with cues, aspects with their trigger words", async () => {
    const env = { JOURNEYLENS_DATA: mkdtempSync(join(tmpdir(), "jl-cli-text-")) };
    const text = "Die Lieferung hat ewig gedauert und niemand ruft zurück";
    const human = await runCli(["text", "analyze", text], env);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^Sentiment: negative \(-0\.\d\d\), language de, engine builtin\/1\n/);
    expect(human.stdout).toContain(`Clauses:\n  1. "${text}" – negative`);
    expect(human.stdout).toMatch(/\n {2}delivery \(Lieferung\): negative \(-0\.\d\d\) – "Lieferung"\n/);
    expect(human.stdout).toContain("reachability (Erreichbarkeit): negative");
    const json = await runCli(
      ["text", "analyze", "Great staff, very helpful!", "--language", "en", "--json"],
      env,
    );
    const analysis = JSON.parse(json.stdout);
    expect(analysis).toMatchObject({ engine: "builtin/1", language: "en", label: "positive" });
    expect(analysis.aspects[0].triggers[0]).toEqual({ from: 6, to: 11, text: "staff" });
    const bad = await runCli(["text", "analyze", "x", "--language", "fr"], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--language: "fr" is not de or en');
  }, 120_000);

  it("backfills a workspace with a progress bar, without and with a running server", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jl-cli-text-"));
    const env = { JOURNEYLENS_DATA: join(dir, "data") };
    expect((await runCli(["workspace", "create", "--name", "Paketdienst"], env)).code).toBe(0);
    const file = join(dir, "feedback.json");
    const texts = [
      "Paket kam nie an, niemand ruft zurück",
      "Super schnelle Lieferung, danke!",
      "App stürzt ständig ab",
    ];
    writeFileSync(file, JSON.stringify(texts.map((Kommentar, i) => ({ Nr: String(i + 1), Kommentar }))));
    const imported = await runCli(
      ["feedback", "import", file, "--workspace", "paketdienst", "--channel", "email"].concat(
        ["externalId=Nr", "text=Kommentar"].flatMap((m) => ["--map", m]),
      ),
      env,
    );
    expect(imported.code).toBe(0);

    const offline = await runCli(["text", "backfill", "--workspace", "paketdienst"], env);
    expect(offline.code).toBe(0);
    expect(offline.stdout).toMatch(/^Backfill [0-9a-f-]{36}: 3 records analysed\n$/);
    expect(offline.stderr).toContain("100% records analysed 3/3");
    const listed = await runCli(["feedback", "list", "--workspace", "paketdienst", "--json"], env);
    const enriched = (JSON.parse(listed.stdout) as { enrichment: { engine: string } | null }[]).map(
      (f) => f.enrichment?.engine,
    );
    expect(enriched).toEqual(["builtin/1", "builtin/1", "builtin/1"]);

    const server = await startServer({ dataDir: env.JOURNEYLENS_DATA, port: 0 });
    try {
      const online = await runCli(["text", "backfill", "--workspace", "paketdienst"], env);
      expect(online.code).toBe(0);
      expect(online.stdout).toMatch(/: 3 records analysed\n$/);
    } finally {
      await server.close();
    }
  }, 240_000);
});
