import { describe, expect, it } from "vitest";
import { RecentIds } from "./dedup.js";

describe("RecentIds", () => {
  it("keeps ids per workspace and evicts the oldest beyond its capacity", () => {
    const ids = new RecentIds(3);
    ids.set("w1", "a", "h1");
    ids.set("w2", "a", "h2");
    ids.set("w1", "a", "h9"); // known: the first hash stays
    ids.set("w1", "b", "h3");
    ids.set("w1", "c", "h4");
    expect([ids.get("w1", "a"), ids.get("w2", "a"), ids.get("w1", "b"), ids.get("w1", "c")]).toEqual([
      undefined,
      "h2",
      "h3",
      "h4",
    ]);
    expect(ids.size).toBe(3);
  });

  it("stays bounded over many evictions", () => {
    const ids = new RecentIds(1_000);
    for (let i = 0; i < 200_000; i++) ids.set("w", String(i), "h");
    expect(ids.size).toBe(1_000);
    expect(ids.get("w", "198999")).toBeUndefined();
    expect(ids.get("w", "199000")).toBe("h");
  });
});
