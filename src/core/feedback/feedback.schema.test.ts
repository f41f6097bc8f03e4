import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZRatingInput } from "./feedback.schema.js";
import { customerIdOf, feedbackIdFor } from "./feedback-ids.js";

describe("feedback ids", () => {
  it("derives one version-8 UUID per workspace and source key", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (ws, a, b) => {
        const id = feedbackIdFor(ws, a);
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(feedbackIdFor(ws, a)).toBe(id);
        if (a !== b) expect(feedbackIdFor(ws, b)).not.toBe(id);
      }),
    );
    expect(feedbackIdFor("0193a1c2-7d4e-7f00-8a00-000000000001", "email:T-1")).not.toBe(
      feedbackIdFor("0193a1c2-7d4e-7f00-8a00-000000000002", "email:T-1"),
    );
  });

  it("picks the customer's primary identity in order: user id, e-mail, anonymous id, phone", () => {
    expect(customerIdOf(undefined)).toBeNull();
    expect(customerIdOf({})).toBeNull();
    expect(customerIdOf({ userId: "u1", email: "A@B.de", anonymousId: "a", phone: "1" })).toBe("u1");
    expect(customerIdOf({ email: "A@B.de", anonymousId: "a" })).toBe("email:a@b.de");
    expect(customerIdOf({ anonymousId: "a", phone: "1" })).toBe("a");
    expect(customerIdOf({ phone: "+49 30 1234" })).toBe("+49 30 1234");
  });
});

describe("rating input", () => {
  const allowed = (metric: string, scale: { min: number; max: number } | undefined) => {
    if (metric === "nps") return !scale || (scale.min === 0 && scale.max === 10) ? { min: 0, max: 10 } : null;
    if (metric === "ces") return !scale || (scale.min === 1 && scale.max === 7) ? { min: 1, max: 7 } : null;
    if (metric === "csat")
      return !scale ? { min: 1, max: 5 } : scale.min === 1 && [5, 7, 10].includes(scale.max) ? scale : null;
    return scale && scale.min >= 0 && scale.max <= 10 && scale.min < scale.max ? scale : null;
  };

  it("accepts exactly the whole values inside an allowed scale", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("nps", "csat", "ces", "rating"),
        fc.option(
          fc.record({ min: fc.integer({ min: -2, max: 11 }), max: fc.integer({ min: -2, max: 12 }) }),
          {
            nil: undefined,
          },
        ),
        fc.oneof(fc.integer({ min: -3, max: 13 }), fc.double({ min: -3, max: 13, noNaN: true })),
        (metric, scale, value) => {
          const result = ZRatingInput.safeParse({ metric, value, ...(scale && { scale }) });
          const s = allowed(metric, scale);
          const ok = s !== null && Number.isInteger(value) && value >= s.min && value <= s.max;
          expect(result.success).toBe(ok);
        },
      ),
    );
  });
});
