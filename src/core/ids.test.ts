import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isUuid, uuidv7 } from "./ids.js";

describe("uuidv7", () => {
  it("is a valid version-7 UUID carrying its timestamp", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 47 }), (ms) => {
        const id = uuidv7(ms + 10 ** 13);
        expect(isUuid(id)).toBe(true);
        expect(id[14]).toBe("7");
        expect(["8", "9", "a", "b"]).toContain(id[19]);
      }),
    );
    // Later than every time above: ids never go back in time, even when the clock does.
    const t = 2 ** 47 + 10 ** 13 + 1000;
    expect(Number.parseInt(uuidv7(t).replace(/-/g, "").slice(0, 12), 16)).toBe(t);
    expect(
      Number.parseInt(
        uuidv7(t - 5000)
          .replace(/-/g, "")
          .slice(0, 12),
        16,
      ),
    ).toBe(t);
  });

  it("increases strictly, also within one millisecond and across the counter's end", () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7());
    for (let i = 1; i < ids.length; i++) expect((ids[i] ?? "") > (ids[i - 1] ?? "")).toBe(true);
    const t = Date.UTC(2031, 5, 1);
    const burst = Array.from({ length: 5000 }, () => uuidv7(t));
    for (let i = 1; i < burst.length; i++) expect((burst[i] ?? "") > (burst[i - 1] ?? "")).toBe(true);
  });
});
