import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../errors.js";

export interface DataDirLock {
  path: string;
  release(): void;
}

interface LockContent {
  pid: number;
  startedAt: string;
  url?: string;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

export const lockPath = (dataDir: string) => join(dataDir, "journeylens.lock");

/** Reads the lock of a data directory; undefined when none is held by a live process. */
export function readLock(dataDir: string): LockContent | undefined {
  try {
    const content = JSON.parse(readFileSync(lockPath(dataDir), "utf8")) as LockContent;
    return isAlive(content.pid) ? content : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One process owns a data directory (embedded PGlite and chDB are single-process engines).
 * The lock file holds the owner's PID; a lock left by a dead process is taken over.
 */
export function acquireLock(dataDir: string, extra: { url?: string } = {}): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = lockPath(dataDir);
  const content: LockContent = { pid: process.pid, startedAt: new Date().toISOString(), ...extra };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(content), { flag: "wx" });
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          rmSync(path, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = readLock(dataDir);
      if (owner) {
        throw new AppError(
          "data_dir_locked",
          `The data directory ${dataDir} is in use by another Journeylens process (PID ${owner.pid}, started ${owner.startedAt}). Stop it first, or use another JOURNEYLENS_DATA directory.`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new AppError("data_dir_locked", `Could not lock the data directory ${dataDir}`);
}

/** Records the URL the owner serves on, so the CLI can talk to it over HTTP. */
export function updateLock(lock: DataDirLock, extra: { url: string }): void {
  const content = JSON.parse(readFileSync(lock.path, "utf8")) as LockContent;
  writeFileSync(lock.path, JSON.stringify({ ...content, ...extra }));
}
