import type { PathDirection, PathsResult } from "../../api/analytics";
import { PATH_END } from "../../api/analytics";
import type { SankeyNode } from "./chart-options";

export interface SankeyGraph {
  nodes: SankeyNode[];
  links: { source: string; target: string; value: number }[];
}

/**
 * Nodes and links of the paths sankey. An event can occur at several distances from the anchor, so a
 * node is an event at one distance (`2|Checkout Started`), which also keeps the graph acyclic. Links
 * come in time order, so time flows left to right in both directions.
 */
export function sankeyGraph(
  links: PathsResult["links"],
  direction: PathDirection,
  endLabel: string,
): SankeyGraph {
  const nodes = new Map<string, SankeyNode>();
  const node = (distance: number, name: string) => {
    const id = `${distance}|${name}`;
    if (!nodes.has(id))
      nodes.set(id, { id, label: name === PATH_END ? endLabel : name, end: name === PATH_END });
    return id;
  };
  const out: SankeyGraph["links"] = [];
  for (const link of links) {
    if (link.units <= 0) continue;
    const after = direction === "after";
    out.push({
      source: node(after ? link.depth - 1 : link.depth, link.source),
      target: node(after ? link.depth : link.depth - 1, link.target),
      value: link.units,
    });
  }
  return { nodes: [...nodes.values()], links: out };
}
