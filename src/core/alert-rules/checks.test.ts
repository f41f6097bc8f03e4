import { describe, expect, it } from "vitest";
import { checkAnomaly, checkChange, checkThreshold } from "./checks.js";

const pt = (value: number | null, n = 50) => ({ value, n });

describe("threshold check", () => {
  const below20 = { operator: "below" as const, value: 20, minN: 1 };
  it("fires strictly below (or above) the limit", () => {
    expect(checkThreshold(pt(19.9), below20).status).toBe("firing");
    expect(checkThreshold(pt(20), below20).status).toBe("ok");
    expect(checkThreshold(pt(35), below20).status).toBe("ok");
    const above = { operator: "above" as const, value: 2.5, minN: 1 };
    expect(checkThreshold(pt(2.6), above).status).toBe("firing");
    expect(checkThreshold(pt(2.5), above).status).toBe("ok");
  });
  it("has no data for a null value, n = 0 or n under minN, and never fires then", () => {
    expect(checkThreshold(pt(null, 0), below20).status).toBe("no_data");
    expect(checkThreshold(pt(-50, 0), below20).status).toBe("no_data");
    expect(checkThreshold(pt(-50, 29), { ...below20, minN: 30 }).status).toBe("no_data");
    expect(checkThreshold(pt(-50, 30), { ...below20, minN: 30 }).status).toBe("firing");
  });
});

describe("change check", () => {
  const points = { mode: "points" as const, amount: 10, direction: "worse" as const, minN: 1 };
  it("fires for a fall of a higher-is-better KPI of at least the amount (30 after 40: −10 points)", () => {
    expect(checkChange(pt(30), pt(40), "higher", points)).toEqual({ status: "firing", change: -10 });
    expect(checkChange(pt(30.5), pt(40), "higher", points)).toEqual({ status: "ok", change: -9.5 });
    // A rise is an improvement: `worse` stays quiet, `any` fires.
    expect(checkChange(pt(50), pt(40), "higher", points)).toEqual({ status: "ok", change: 10 });
    expect(checkChange(pt(50), pt(40), "higher", { ...points, direction: "any" }).status).toBe("firing");
  });
  it("reads worse the other way for a lower-is-better KPI", () => {
    expect(checkChange(pt(50), pt(40), "lower", points).status).toBe("firing");
    expect(checkChange(pt(30), pt(40), "lower", points).status).toBe("ok");
  });
  it("measures percent of the previous value's magnitude (30 after 40: −25 %; −15 after −10: −50 %)", () => {
    const pct = { ...points, mode: "percent" as const, amount: 25 };
    expect(checkChange(pt(30), pt(40), "higher", pct)).toEqual({ status: "firing", change: -25 });
    expect(checkChange(pt(31), pt(40), "higher", pct)).toEqual({ status: "ok", change: -22.5 });
    expect(checkChange(pt(-15), pt(-10), "higher", pct)).toEqual({ status: "firing", change: -50 });
    // From 0 a percent change is undefined.
    expect(checkChange(pt(-5), pt(0), "higher", pct)).toEqual({ status: "no_data", change: null });
  });
  it("has no data without both values", () => {
    expect(checkChange(pt(null, 0), pt(40), "higher", points)).toEqual({ status: "no_data", change: null });
    expect(checkChange(pt(10), pt(40, 0), "higher", points)).toEqual({ status: "no_data", change: null });
    expect(checkChange(pt(10, 5), pt(40), "higher", { ...points, minN: 10 }).status).toBe("no_data");
  });
});

describe("anomaly check", () => {
  // Baseline 10, 12, 14: mean 12, sample sd √((4 + 0 + 4) / 2) = 2.
  const base = [pt(10), pt(12), pt(14)];
  const any3 = { z: 3, direction: "any" as const, minN: 1 };
  it("fires at |z| ≥ the threshold (18: z = 3; 17: z = 2.5)", () => {
    expect(checkAnomaly(pt(18), base, "higher", any3)).toEqual({
      status: "firing",
      z: 3,
      mean: 12,
      sd: 2,
      baselinePeriods: 3,
    });
    expect(checkAnomaly(pt(17), base, "higher", any3)).toMatchObject({ status: "ok", z: 2.5 });
    expect(checkAnomaly(pt(6), base, "higher", any3)).toMatchObject({ status: "firing", z: -3 });
  });
  it("with `worse` fires only against the KPI's direction", () => {
    const worse = { ...any3, direction: "worse" as const };
    expect(checkAnomaly(pt(18), base, "higher", worse).status).toBe("ok");
    expect(checkAnomaly(pt(6), base, "higher", worse).status).toBe("firing");
    expect(checkAnomaly(pt(18), base, "lower", worse).status).toBe("firing");
  });
  it("needs three baseline periods with a value: else not enough history", () => {
    const sparse = [pt(10), pt(null, 0), pt(14), pt(99, 3)];
    expect(checkAnomaly(pt(40), sparse, "higher", { ...any3, minN: 10 })).toEqual({
      status: "not_enough_history",
      z: null,
      mean: null,
      sd: null,
      baselinePeriods: 2,
    });
    expect(checkAnomaly(pt(40), [], "higher", any3).status).toBe("not_enough_history");
  });
  it("has no data when the latest period has no value", () => {
    expect(checkAnomaly(pt(null, 0), base, "higher", any3)).toMatchObject({ status: "no_data", z: null });
  });
  it("handles a constant baseline (sd 0): the same value is ok, any other fires with z null", () => {
    const flat = [pt(50), pt(50), pt(50), pt(50)];
    expect(checkAnomaly(pt(50), flat, "higher", any3)).toEqual({
      status: "ok",
      z: 0,
      mean: 50,
      sd: 0,
      baselinePeriods: 4,
    });
    expect(checkAnomaly(pt(49), flat, "higher", any3)).toMatchObject({ status: "firing", z: null, sd: 0 });
    expect(checkAnomaly(pt(51), flat, "higher", { ...any3, direction: "worse" }).status).toBe("ok");
  });
});
