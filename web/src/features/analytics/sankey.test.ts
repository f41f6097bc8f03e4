import { describe, expect, it } from "vitest";
import { sankeyGraph } from "./sankey";

describe("sankeyGraph", () => {
  it("places each event at its distance from the anchor, so a repeated name is two nodes", () => {
    const graph = sankeyGraph(
      [
        { depth: 1, source: "Page Viewed", target: "Signed In", units: 3 },
        { depth: 2, source: "Signed In", target: "Page Viewed", units: 2 },
        { depth: 2, source: "Signed In", target: "(end)", units: 1 },
      ],
      "after",
      "(Ende)",
    );
    expect(graph.nodes).toEqual([
      { id: "0|Page Viewed", label: "Page Viewed", end: false },
      { id: "1|Signed In", label: "Signed In", end: false },
      { id: "2|Page Viewed", label: "Page Viewed", end: false },
      { id: "2|(end)", label: "(Ende)", end: true },
    ]);
    expect(graph.links).toEqual([
      { source: "0|Page Viewed", target: "1|Signed In", value: 3 },
      { source: "1|Signed In", target: "2|Page Viewed", value: 2 },
      { source: "1|Signed In", target: "2|(end)", value: 1 },
    ]);
  });

  it("before the anchor, the source is the farther (earlier) event and links keep time order", () => {
    const graph = sankeyGraph(
      [
        { depth: 1, source: "Checkout Started", target: "Order Completed", units: 2 },
        { depth: 2, source: "(end)", target: "Checkout Started", units: 1 },
        { depth: 2, source: "Product Viewed", target: "Checkout Started", units: 1 },
      ],
      "before",
      "(end)",
    );
    expect(graph.links).toEqual([
      { source: "1|Checkout Started", target: "0|Order Completed", value: 2 },
      { source: "2|(end)", target: "1|Checkout Started", value: 1 },
      { source: "2|Product Viewed", target: "1|Checkout Started", value: 1 },
    ]);
  });
});
