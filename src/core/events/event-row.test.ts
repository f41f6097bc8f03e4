import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chTime } from "./event-row.js";

const reference = (ms: number) => {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
};

describe("chTime", () => {
  it("writes DateTime64(3) text, the same from its cache as computed afresh", () => {
    expect(chTime(new Date("2026-11-23T10:15:00.123Z"))).toBe("2026-11-23 10:15:00.123");
    expect(chTime(new Date("1900-01-01T00:00:00.000Z"))).toBe("1900-01-01 00:00:00.000");
    fc.assert(
      fc.property(
        // 1900–2299 (the facts store's range), drawn so that repeats and cache-slot collisions occur.
        fc.array(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2299, 11, 31) }), { maxLength: 40 }),
        fc.array(fc.nat(255), { maxLength: 40 }),
        (times, shifts) => {
          const all = [
            ...times,
            ...shifts.map((s, i) => (times[i % Math.max(1, times.length)] ?? 0) + s * 256),
          ];
          for (const ms of [...all, ...all.reverse()]) expect(chTime(new Date(ms))).toBe(reference(ms));
        },
      ),
      { numRuns: 500 },
    );
  });
});
