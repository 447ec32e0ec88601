/**
 * Colours and what sigma draws for each node and edge: pure functions that
 * the sigma reducers in the view call with the current state.
 */
import type { EdgeAttributes, NodeAttributes, ViewerGraph } from "../types.ts";

/** Colours for the extractor's entity types; readable on white, distinct for common colour blindness. */
export const TYPE_PALETTE: Readonly<Record<string, string>> = {
  Person: "#d9534f",
  Organization: "#3b7dd8",
  Location: "#2e9e6a",
  Equipment: "#c98a00",
  Event: "#8e5cc4",
  Group: "#e07b1a",
  Other: "#7a7a7a",
};

/** Used for types outside the palette and for communities. */
export const EXTRA_PALETTE: readonly string[] = [
  "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
  "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39",
  "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363",
];

export const FADED_NODE_COLOR = "#e4e4e7";
export const FADED_EDGE_COLOR = "#f0f0f2";
export const EDGE_COLOR = "#b4b9c4";
export const HIGHLIGHT_EDGE_COLOR = "#4b5563";

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export function colorForType(type: string): string {
  return TYPE_PALETTE[type] ?? EXTRA_PALETTE[hash(type) % EXTRA_PALETTE.length]!;
}

export function colorForCommunity(community: number | undefined): string {
  if (community === undefined || !Number.isFinite(community) || community < 0) return TYPE_PALETTE.Other!;
  return EXTRA_PALETTE[Math.floor(community) % EXTRA_PALETTE.length]!;
}

/**
 * One colour per entity type. When every node of a type already carries the
 * same colour (the graph builder chose it) that colour is kept, so the legend
 * matches the file; otherwise the viewer's palette decides.
 */
export function typeColors(graph: ViewerGraph): Map<string, string> {
  const seen = new Map<string, string | null>();
  graph.forEachNode((_key, attrs) => {
    const type = attrs.type || "Other";
    const prev = seen.get(type);
    if (prev === undefined) seen.set(type, attrs.color || null);
    else if (prev !== attrs.color) seen.set(type, null);
  });
  const result = new Map<string, string>();
  for (const [type, color] of seen) result.set(type, color && isCssColor(color) ? color : colorForType(type));
  return result;
}

function isCssColor(value: string): boolean {
  return /^#[0-9a-f]{3,8}$/i.test(value) || /^(rgb|rgba|hsl|hsla)\([\d\s.,%]+\)$/i.test(value);
}

export interface LegendEntry {
  type: string;
  color: string;
  count: number;
}

/** Entity types present in the graph, most frequent first. */
export function legendEntries(graph: ViewerGraph, colors: Map<string, string>): LegendEntry[] {
  const counts = new Map<string, number>();
  graph.forEachNode((_key, attrs) => {
    const type = attrs.type || "Other";
    counts.set(type, (counts.get(type) ?? 0) + 1);
  });
  return [...counts]
    .map(([type, count]) => ({ type, count, color: colors.get(type) ?? colorForType(type) }))
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

export type ColorMode = "type" | "community";

export function nodeColor(attrs: NodeAttributes, mode: ColorMode, colors: Map<string, string>): string {
  if (mode === "community") return colorForCommunity(attrs.community);
  return colors.get(attrs.type || "Other") ?? colorForType(attrs.type || "Other");
}

/** What the reducers need to know about the current view. */
export interface ViewState {
  colorMode: ColorMode;
  typeColors: Map<string, string>;
  /** The node whose neighbourhood is emphasised (hovered, else selected). */
  focus: string | null;
  /** Focus node and its neighbours. */
  focusNeighbours: Set<string> | null;
  selectedNode: string | null;
  selectedEdge: string | null;
  /** Search result under the keyboard cursor, drawn with a ring. */
  candidate: string | null;
  /** Edge labels are drawn around the focus only when it has at most this many edges. */
  maxFocusEdgeLabels?: number;
  /** Number of visible edges of the focus node. */
  focusEdgeCount?: number;
  /** Nodes and edges that pass the filters; null means everything. */
  visibleNodes: Set<string> | null;
  visibleEdges: Set<string> | null;
}

export interface NodeDisplay {
  label: string | null;
  color: string;
  size: number;
  hidden: boolean;
  forceLabel: boolean;
  highlighted: boolean;
  zIndex: number;
}

export function reduceNode(key: string, attrs: NodeAttributes, state: ViewState): NodeDisplay {
  const display: NodeDisplay = {
    label: attrs.label,
    color: nodeColor(attrs, state.colorMode, state.typeColors),
    size: attrs.size,
    hidden: false,
    forceLabel: false,
    highlighted: false,
    zIndex: 1,
  };
  if (state.visibleNodes && !state.visibleNodes.has(key)) {
    display.hidden = true;
    return display;
  }
  if (state.focusNeighbours && !state.focusNeighbours.has(key)) {
    display.color = FADED_NODE_COLOR;
    display.label = null;
    display.zIndex = 0;
  } else if (state.focusNeighbours) {
    display.forceLabel = true;
    display.zIndex = 2;
  }
  if (key === state.focus || key === state.selectedNode || key === state.candidate) {
    display.highlighted = true;
    display.forceLabel = true;
    display.zIndex = 3;
  }
  return display;
}

export interface EdgeDisplay {
  color: string;
  size: number;
  hidden: boolean;
  label: string | null;
  forceLabel: boolean;
  zIndex: number;
}

export function edgeBaseSize(attrs: EdgeAttributes): number {
  const count = Number.isFinite(attrs.count) ? attrs.count : 1;
  return Math.min(6, 1.5 + Math.log2(Math.max(1, count)));
}

export function reduceEdge(key: string, attrs: EdgeAttributes, source: string, target: string, state: ViewState): EdgeDisplay {
  const display: EdgeDisplay = {
    color: EDGE_COLOR,
    size: edgeBaseSize(attrs),
    hidden: false,
    label: null,
    forceLabel: false,
    zIndex: 0,
  };
  if (state.visibleEdges && !state.visibleEdges.has(key)) {
    display.hidden = true;
    return display;
  }
  const touchesFocus = state.focus !== null && (source === state.focus || target === state.focus);
  if (key === state.selectedEdge || touchesFocus) {
    display.color = HIGHLIGHT_EDGE_COLOR;
    // Many labels around one node pile up on each other; the panel lists them instead.
    const crowded = (state.focusEdgeCount ?? 0) > (state.maxFocusEdgeLabels ?? 8);
    if (key === state.selectedEdge || !crowded) {
      display.label = (attrs.label || attrs.predicate).replace(/_/g, " ");
      display.forceLabel = true;
    }
    display.zIndex = 1;
    if (key === state.selectedEdge) display.size += 1.5;
  } else if (state.focus !== null) {
    display.color = FADED_EDGE_COLOR;
  }
  return display;
}

/**
 * Curvature for each edge so that parallel edges (same pair of nodes, either
 * direction) are drawn apart; lone edges are straight (0). Curvatures are
 * never negative (the curve program clips negative ones); a positive
 * curvature bends an edge to its own left, so edges pointing opposite ways
 * fall on opposite sides of the line between the two nodes.
 */
export function edgeCurvatures(graph: ViewerGraph, step = 0.25): Map<string, number> {
  const groups = new Map<string, { forward: string[]; backward: string[] }>();
  graph.forEachEdge((edge, _attrs, source, target) => {
    if (source === target) return;
    const id = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { forward: [], backward: [] }));
    (source < target ? group.forward : group.backward).push(edge);
  });
  const result = new Map<string, number>();
  for (const { forward, backward } of groups.values()) {
    const both = forward.length > 0 && backward.length > 0;
    for (const side of [forward, backward]) {
      const c = Math.min(step, 0.9 / Math.max(1, side.length));
      // With one direction only, the first edge stays straight.
      side.forEach((edge, i) => result.set(edge, both ? c * (i + 1) : c * i));
    }
  }
  return result;
}
