import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignStep, computeInstances, type InstanceEvent } from "./compute.js";

const DAY = 86_400_000;

describe("assignStep", () => {
  it("takes the first matching step at or after the position, else the furthest one behind", () => {
    expect(assignStep([0], 0)).toBe(0);
    expect(assignStep([1, 4], 2)).toBe(4);
    expect(assignStep([1, 4], 4)).toBe(4);
    expect(assignStep([1, 2], 3)).toBe(2);
  });
});

describe("computeInstances", () => {
  const ev = (day: number, steps: number[], contact = false): InstanceEvent => ({
    at: day * DAY,
    steps,
    contact,
    channel: contact ? "phone" : "web",
  });

  it("splits at completion and at inactivity, and gives contacts to the open instance", () => {
    const got = computeInstances(
      [
        ev(0, [0]),
        ev(1, [], true),
        ev(2, [1]),
        ev(3, [2]), // completes (3 mapped steps)
        ev(4, [0]), // a new instance
        ev(5, [], true),
        ev(40, [], true), // 36 days after the last step: nobody's
        ev(50, [1]), // 46 days later: a new instance
      ],
      3,
      30 * DAY,
    );
    expect(
      got.map((i) => [i.startedAt / DAY, i.endedAt / DAY, i.completed, i.stepIndexes, i.contactTimes.length]),
    ).toEqual([
      [0, 3, true, [0, 1, 2], 1],
      [4, 4, false, [0], 1],
      [50, 50, false, [1], 0],
    ]);
  });

  it("keeps every matching event exactly once, in order, in non-overlapping instances", () => {
    const event = fc.record({
      at: fc.integer({ min: 0, max: 200 }).map((d) => d * DAY),
      steps: fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
      contact: fc.boolean(),
      channel: fc.constantFrom("web", "phone", "chat"),
    });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 40 }),
        fc.integer({ min: 1, max: 60 }),
        (events, inactivityDays) => {
          const inactivity = inactivityDays * DAY;
          const got = computeInstances(events, 5, inactivity);
          const matching = events.filter((e) => e.steps.length > 0);
          expect(got.reduce((n, i) => n + i.stepTimes.length, 0)).toBe(matching.length);
          expect(got.flatMap((i) => i.stepTimes)).toEqual(matching.map((e) => e.at).sort((a, b) => a - b));
          got.forEach((instance, k) => {
            expect(instance.completed).toBe(instance.stepIndexes.includes(4));
            // Only the last assigned event may complete it; no gap inside is longer than the inactivity.
            expect(instance.stepIndexes.slice(0, -1).includes(4)).toBe(false);
            instance.stepTimes.forEach((t, j) => {
              if (j > 0) expect(t - (instance.stepTimes[j - 1] as number)).toBeLessThanOrEqual(inactivity);
            });
            const next = got[k + 1];
            if (next) {
              expect(next.startedAt).toBeGreaterThanOrEqual(instance.endedAt);
              expect(instance.completed || next.startedAt - instance.endedAt > inactivity).toBe(true);
            }
            for (const c of instance.contactTimes) {
              expect(c).toBeGreaterThanOrEqual(instance.startedAt);
              expect(c - instance.endedAt).toBeLessThanOrEqual(inactivity);
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
