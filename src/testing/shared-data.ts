import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The shared third-party data folder (read at run time, never copied into the repository): from
 * `JOURNEYLENS_SHARED_DATA`, next to the checkout (`../shared/data`), or the workplace's fixed
 * location, so a clone elsewhere (CI) still finds it. Undefined when none exists.
 */
export const SHARED_DATA: string | undefined = [
  process.env.JOURNEYLENS_SHARED_DATA,
  resolve(ROOT, "../shared/data"),
  "/work/shared/data",
].find((dir): dir is string => dir !== undefined && dir !== "" && existsSync(join(dir, "README.md")));

/** A file in the shared data folder, or a path that does not exist (tests skip on it). */
export const sharedDataFile = (relative: string): string =>
  SHARED_DATA ? join(SHARED_DATA, relative) : join(ROOT, "missing-shared-data", relative);
