import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { lockPath } from "../core/datadir/lock.js";
import { runCli } from "../testing/cli.js";
import { startServer } from "./start.js";

describe("server start, lock and shutdown (embedded stores)", () => {
  it("serves, seeds the demo once, refuses a second owner by PID, and releases on close", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "jl-start-"));
    const webDir = join(dataDir, "web");
    mkdirSync(webDir);
    writeFileSync(join(webDir, "index.html"), "<!doctype html><title>Journeylens</title>");
    const server = await startServer({ dataDir, port: 0, seedDemo: true, webDir });
    try {
      expect(server.demo).toEqual({ email: "demo@journeylens.local", password: "journeylens-demo" });
      const ready = await fetch(`${server.url}/health/ready`);
      expect(ready.status).toBe(200);
      const page = await fetch(`${server.url}/journeys`);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(await page.text()).toContain("<title>Journeylens</title>");
      const api404 = await fetch(`${server.url}/api/v1/nope`);
      expect(api404.status).toBe(404);
      expect(api404.headers.get("content-type")).toBe("application/problem+json");
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(server.demo),
      });
      expect(login.status).toBe(200);
      expect((await login.json()).workspaces).toEqual([
        expect.objectContaining({ name: "Demo", slug: "demo", role: "owner" }),
      ]);

      await expect(startServer({ dataDir, port: 0 })).rejects.toThrow(new RegExp(`PID ${process.pid}`));
      const second = await runCli(["serve", "--port", "0"], { JOURNEYLENS_DATA: dataDir });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`in use by another Journeylens process (PID ${process.pid}`);
    } finally {
      await server.close();
    }
    expect(existsSync(lockPath(dataDir))).toBe(false);
    const again = await startServer({ dataDir, port: 0, seedDemo: true });
    expect(again.demo).toBeUndefined();
    await again.close();
    // Seeding the demo and starting twice is heavy work on a loaded 2-core machine: allow for it.
  }, 120_000);

  it("shuts down gracefully on SIGTERM and releases the lock", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "jl-sigterm-"));
    const child = spawn(
      process.execPath,
      ["--import", "tsx", resolve("src/cli/main.ts"), "serve", "--port", "0"],
      {
        env: { ...process.env, JOURNEYLENS_DATA: dataDir },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    const url = await new Promise<string>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`server did not start:\n${out}`)), 90_000);
      child.stdout.on("data", (d) => {
        out += d;
        const m = /running at (http:\/\/\S+)/.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          res(m[1]);
        }
      });
      child.stderr.on("data", (d) => {
        out += d;
      });
    });
    expect(out).toContain("Demo login: demo@journeylens.local / journeylens-demo");
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    expect(existsSync(lockPath(dataDir))).toBe(true);
    const exit = new Promise<number | null>((res) => child.on("close", (code) => res(code)));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(out).toContain("SIGTERM: draining and shutting down");
    expect(existsSync(lockPath(dataDir))).toBe(false);
  }, 120_000);
});
