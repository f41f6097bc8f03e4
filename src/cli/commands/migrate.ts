import type { Command } from "commander";
import { acquireLock } from "../../core/datadir/lock.js";
import { migrateStores, openStores } from "../../core/stores.js";
import { envConfig } from "../env.js";

export function migrateCommand(program: Command): void {
  program
    .command("migrate")
    .description("Apply pending migrations to both stores (the server also does this at start)")
    .action(async () => {
      const env = envConfig();
      const lock = acquireLock(env.dataDir);
      try {
        const stores = await openStores(env);
        try {
          const applied = await migrateStores(stores);
          const all = [...applied.systemOfRecord, ...applied.facts.map((m) => `facts/${m}`)];
          console.log(all.length ? `Applied: ${all.join(", ")}` : "Both stores are up to date.");
        } finally {
          await stores.close();
        }
      } finally {
        lock.release();
      }
    });
}
