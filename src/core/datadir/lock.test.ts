import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireLock, lockPath, readLock } from "./lock.js";

describe("data directory lock", () => {
  it("lets one process own the directory and names its PID to the next", () => {
    const dir = mkdtempSync(join(tmpdir(), "jl-lock-"));
    const lock = acquireLock(dir);
    expect(JSON.parse(readFileSync(lockPath(dir), "utf8")).pid).toBe(process.pid);
    expect(() => acquireLock(dir)).toThrow(
      new RegExp(`in use by another Journeylens process \\(PID ${process.pid}`),
    );
    expect(readLock(dir)?.pid).toBe(process.pid);
    lock.release();
    expect(existsSync(lockPath(dir))).toBe(false);
    acquireLock(dir).release();
  });

  it("takes over a lock left by a process that died", () => {
    const dir = mkdtempSync(join(tmpdir(), "jl-lock-"));
    // A real PID that is certainly gone: a child that has already exited.
    const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid;
    writeFileSync(lockPath(dir), JSON.stringify({ pid: dead, startedAt: "2026-01-01T00:00:00Z" }));
    expect(readLock(dir)).toBeUndefined();
    const lock = acquireLock(dir);
    expect(readLock(dir)?.pid).toBe(process.pid);
    lock.release();
  });
});
