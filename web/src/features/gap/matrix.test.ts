import { describe, expect, it } from "vitest";
import { matrixPoints } from "./matrix";
import type { TouchpointGap } from "./types";

const metric = { n: 0, value: null, interval: null, warning: null };
const tp = (
  name: string,
  gap: number | null,
  importance: number | null,
  team: string | null,
): TouchpointGap => ({
  touchpointId: name,
  key: name,
  name,
  owner: { userId: null, name: null, team },
  importance,
  important: false,
  class: gap === null ? "unknown" : gap > 0.5 ? "blindspot" : "aligned",
  comments: [],
  predicted: { csat: metric, nps: metric },
  internal: metric,
  measured: metric,
  feedback: 0,
  gap: { value: gap, interval: null },
  internalGood: metric,
  customerGood: metric,
});

describe("matrixPoints", () => {
  it("places touchpoints with a known gap and importance at (importance %, gap)", () => {
    expect(
      matrixPoints([
        tp("Lieferung", 2.21, 0.02514, "Logistik"),
        tp("Rechnung", null, 0.3, null),
        tp("Chat", 0.1, null, null),
      ]),
    ).toEqual([{ name: "Lieferung", owner: "Logistik", value: [2.5, 2.21], gapClass: "blindspot" }]);
  });
});
