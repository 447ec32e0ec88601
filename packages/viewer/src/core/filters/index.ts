/**
 * Which nodes and edges pass the user's filters. Pure: the view hides what is
 * not in the returned sets, search ignores it too.
 */
import type { ViewerGraph } from "../types.ts";

export interface FilterState {
  /** Entity types switched off in the legend. */
  hiddenTypes: Set<string>;
  /** Edges below this confidence are hidden. */
  minConfidence: number;
  /** Nodes below this degree (the graph's `degree` attribute) are hidden. */
  minDegree: number;
}

export const DEFAULT_FILTERS: Readonly<FilterState> = Object.freeze({
  hiddenTypes: new Set<string>(),
  minConfidence: 0,
  minDegree: 0,
});

export function createFilters(partial: Partial<FilterState> = {}): FilterState {
  return {
    hiddenTypes: new Set(partial.hiddenTypes ?? []),
    minConfidence: partial.minConfidence ?? 0,
    minDegree: partial.minDegree ?? 0,
  };
}

export function isDefaultFilters(f: FilterState): boolean {
  return f.hiddenTypes.size === 0 && f.minConfidence <= 0 && f.minDegree <= 0;
}

export interface Visibility {
  nodes: Set<string>;
  edges: Set<string>;
}

export function nodeDegree(graph: ViewerGraph, key: string): number {
  const d = graph.getNodeAttribute(key, "degree");
  return typeof d === "number" && Number.isFinite(d) ? d : graph.degree(key);
}

export function computeVisibility(graph: ViewerGraph, filters: FilterState): Visibility {
  const nodes = new Set<string>();
  graph.forEachNode((key, attrs) => {
    if (filters.hiddenTypes.has(attrs.type || "Other")) return;
    if (filters.minDegree > 0 && nodeDegree(graph, key) < filters.minDegree) return;
    nodes.add(key);
  });
  const edges = new Set<string>();
  graph.forEachEdge((key, attrs, source, target) => {
    if (!nodes.has(source) || !nodes.has(target)) return;
    if (filters.minConfidence > 0 && !(attrs.confidence >= filters.minConfidence)) return;
    edges.add(key);
  });
  return { nodes, edges };
}

/** The largest degree in the graph: the upper end of the min-degree slider. */
export function maxDegree(graph: ViewerGraph): number {
  let max = 0;
  graph.forEachNode((key) => {
    max = Math.max(max, nodeDegree(graph, key));
  });
  return max;
}
