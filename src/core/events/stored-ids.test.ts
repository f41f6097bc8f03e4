import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeVariants } from "../../testing/stores.js";
import type { Stores } from "../stores.js";
import { chTime, type EventRow, TRACK_ONLY_COLUMNS } from "./event-row.js";
import { StoredIds } from "./stored-ids.js";

describe("stored-id filter", () => {
  it("never forgets an added id, across growth, and rarely claims an unknown one", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 40 }), { maxLength: 300 }), (ids) => {
        // A tiny first filter, so the ids spill into grown ones.
        const f = new StoredIds(16);
        for (const id of ids) f.add(id);
        for (const id of ids) expect(f.mightHave(id)).toBe(true);
      }),
    );
    const f = new StoredIds(50_000);
    for (let i = 0; i < 200_000; i++) f.add(randomUUID());
    let falsePositives = 0;
    for (let i = 0; i < 300_000; i++) if (f.mightHave(randomUUID())) falsePositives++;
    // About 2·10⁻⁷ at capacity per filter, so ~0.2 expected here over three filters after growth
    // (20 bits and 14 probes per id gave ~60, 10 bits and 7 probes ~9,000).
    expect(falsePositives).toBeLessThanOrEqual(3);
    expect(f.count).toBe(200_000);
  });
});

describe.each(storeVariants().map((v) => [v.name, v] as const))(
  "stored-id filter fill on %s",
  (_n, variant) => {
    let stores: Stores;
    beforeAll(async () => {
      stores = await variant.open();
    });
    afterAll(() => stores.close());

    it("learns every message id of the events table, page by page, and only then is ready", async () => {
      const row = (ws: string, id: string): EventRow => ({
        ...TRACK_ONLY_COLUMNS,
        workspace_id: ws,
        message_id: id,
        type: "track",
        event: "e",
        customer_id: "",
        user_id: "u",
        anonymous_id: "",
        timestamp: chTime(new Date()),
        received_at: chTime(new Date()),
        properties: "{}",
        context: "{}",
        version: 1,
        payload_hash: "h",
        source: "import",
        historical: 1,
      });
      const [a, b] = [randomUUID(), randomUUID()];
      const ids = Array.from({ length: 2_500 }, (_, i) => `m-${i}`);
      await stores.facts.insert("events", [
        ...ids.map((id) => row(a, id)),
        ...ids.slice(0, 100).map((id) => row(b, id)),
      ]);
      const f = new StoredIds(1_000);
      expect(f.ready).toBe(false);
      await f.fill(stores.facts, 700);
      expect(f.ready).toBe(true);
      expect(f.count).toBe(2_600);
      for (const id of ids) expect(f.mightHave(id)).toBe(true);
    });
  },
);
