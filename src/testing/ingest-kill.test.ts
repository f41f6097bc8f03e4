import { describe, expect, it } from "vitest";
import { runKillTest } from "./ingest-kill.js";

// The short form of scripts/ingest-kill-test.ts: the real server as a child process, SIGKILLed
// and restarted while a retrying client sends; nothing timed, only what ends up stored.
describe("ingestion survives SIGKILL", () => {
  it("stores every acknowledged messageId exactly once across 3 kills, and links every id of them to a customer", async () => {
    const r = await runKillTest({ events: 3_000, kills: 3, clients: 3 });
    expect(r.kills).toBe(3);
    expect(r.acknowledged).toBe(3_000);
    expect({
      missing: r.missing,
      duplicated: r.duplicated,
      unexpected: r.unexpected,
      unlinked: r.unlinked,
    }).toEqual({
      missing: [],
      duplicated: [],
      unexpected: [],
      unlinked: [],
    });
    expect([r.storedFinal, r.storedRaw]).toEqual([3_000, 3_000]);
  }, 900_000);
});
