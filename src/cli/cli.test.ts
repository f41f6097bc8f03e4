import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startServer } from "../server/start.js";
import { runCli } from "../testing/cli.js";

describe("journeylens CLI", () => {
  it("shows help for every command", async () => {
    const env = { JOURNEYLENS_DATA: mkdtempSync(join(tmpdir(), "jl-cli-")) };
    const top = await runCli(["--help"], env);
    expect(top.code).toBe(0);
    for (const cmd of ["serve", "migrate", "user", "apikey", "workspace"]) expect(top.stdout).toContain(cmd);
    const sub = await runCli(["apikey", "create", "--help"], env);
    expect(sub.stdout).toContain("--scopes <list>");
    const unknown = await runCli(["nonsense"], env);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("unknown command");
    // Three CLI processes started from the sources (tsx): seconds each, much longer on a busy machine.
  }, 120_000);

  it("manages workspaces, accounts and keys on a closed data directory", async () => {
    const env = { JOURNEYLENS_DATA: mkdtempSync(join(tmpdir(), "jl-cli-")) };
    const migrated = await runCli(["migrate"], env);
    expect(migrated.stdout).toContain(
      "Applied: 0001_foundation, 0002_journey_design, 0003_listen, 0004_understand, 0005_observe, 0006_suppressions, 0007_journey_instances, 0008_assessment_rounds, 0009_kpi_catalogue, 0010_cases, 0011_case_rules, 0012_webhooks, 0013_notifications, 0014_alert_rules, 0015_case_sla_pause, facts/0001_events, facts/0002_feedback, facts/0003_feedback_text, facts/0004_events_ingest, facts/0005_journey_instances",
    );
    expect((await runCli(["migrate"], env)).stdout).toContain("Both stores are up to date.");
    const ws = await runCli(["workspace", "create", "--name", "Stadtwerke Süd"], env);
    expect(ws.stdout).toMatch(
      /Created workspace "Stadtwerke Süd" \(slug stadtwerke-sued, id [0-9a-f-]{36}\)/,
    );
    const user = await runCli(
      [
        "user",
        "create",
        "--email",
        "Lena@Example.com",
        "--name",
        "Lena",
        "--workspace",
        "stadtwerke-sued",
        "--role",
        "admin",
      ],
      env,
    );
    expect(user.code).toBe(0);
    expect(user.stdout).toContain("Created account lena@example.com");
    expect(user.stdout).toMatch(/Initial password: \S{16}/);
    expect(user.stdout).toContain("Added to workspace stadtwerke-sued as admin");
    const bad = await runCli(
      ["apikey", "create", "--workspace", "stadtwerke-sued", "--name", "x", "--scopes", "read,root"],
      env,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--scopes/1");
    const missing = await runCli(["apikey", "list", "--workspace", "nowhere"], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No workspace with id or slug "nowhere"');
  }, 120_000);

  it("talks to a running server over HTTP", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "jl-cli-srv-"));
    const server = await startServer({ dataDir, port: 0, seedDemo: true });
    try {
      const env = { JOURNEYLENS_DATA: dataDir };
      const created = await runCli(
        ["apikey", "create", "--workspace", "demo", "--name", "Shop", "--scopes", "ingest,read"],
        env,
      );
      expect(created.code).toBe(0);
      const secret = /Secret \(shown only now\): (jl_\S+)/.exec(created.stdout)?.[1] ?? "";
      const id = /id ([0-9a-f-]{36})/.exec(created.stdout)?.[1] ?? "";
      const listed = await runCli(["apikey", "list", "--workspace", "demo", "--json"], env);
      const keys = JSON.parse(listed.stdout) as { id: string; status: string; scopes: string[] }[];
      expect(keys).toEqual([expect.objectContaining({ id, status: "active", scopes: ["ingest", "read"] })]);
      const wsList = await fetch(`${server.url}/api/v1/workspaces`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(wsList.status).toBe(200);
      const revoked = await runCli(["apikey", "revoke", "--workspace", "demo", id], env);
      expect(revoked.stdout).toContain("Revoked API key");
      const after = await fetch(`${server.url}/api/v1/workspaces`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(after.status).toBe(401);
      const list = await runCli(["workspace", "list"], env);
      expect(list.stdout).toMatch(/demo\s+Demo/);
    } finally {
      await server.close();
    }
  }, 120_000);
});
