import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuidv7 } from "../src/core/ids.js";
import { migrateStores, openStores, type Stores } from "../src/core/stores.js";
import { resolveAccess } from "../src/core/workspaces/resolve-access.js";

/**
 * Fresh embedded stores in a temporary data directory with one workspace the system actor can use;
 * `close` closes the stores and removes the directory. Shared by the benchmarks.
 */
export async function openBenchWorkspace(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `jl-bench-${name}-`));
  const stores: Stores = await openStores({ dataDir: dir });
  const close = async () => {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await migrateStores(stores);
    const workspaceId = uuidv7();
    await stores.sor.db
      .insertInto("workspaces")
      .values({ id: workspaceId, name: "Bench", slug: "bench" })
      .execute();
    const access = await resolveAccess(stores.sor.db, { kind: "system" }, workspaceId);
    if (!access) throw new Error("no access");
    return { stores, workspaceId, access, close };
  } catch (error) {
    await close();
    throw error;
  }
}
