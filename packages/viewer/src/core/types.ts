/**
 * Types the viewer shares between its concerns. Node and edge attributes come
 * from the graph package, the one place that defines them.
 */
import type { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, EvidenceItem, GraphAttributes, NodeAttributes } from "../../../graph/src/types.ts";

export type { EdgeAttributes, EvidenceItem, GraphAttributes, NodeAttributes };
export type Modality = EdgeAttributes["modality"];
export type Polarity = EdgeAttributes["polarity"];

export type ViewerGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** graphology's `graph.export()` of a ViewerGraph. */
export interface SerializedGraph {
  attributes?: Partial<GraphAttributes>;
  options?: { type?: string; multi?: boolean; allowSelfLoops?: boolean };
  nodes: Array<{ key: string; attributes?: Partial<NodeAttributes> }>;
  edges: Array<{ key?: string; source: string; target: string; attributes?: Partial<EdgeAttributes>; undirected?: boolean }>;
}
