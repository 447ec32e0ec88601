/**
 * Colours and what sigma draws for each node and edge: pure functions that
 * the sigma reducers in the view call with the current state.
 */
import { DISPLAY_GROUPS, GROUP_NAMES, displayGroup, edgeLabelText, groupOf, type DisplayGroup } from "../relations/index.ts";
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
/** Edges of the "other" group and the catch-all, and edges of graphs without relation classes. */
export const EDGE_COLOR = "#b4b9c4";
export const HIGHLIGHT_EDGE_COLOR = "#4b5563";

/**
 * Edge colours by relation group: a light tint for the resting graph (the
 * entities' colours stay the strongest marks) and a strong one for the
 * edges of the focus and the selection. Teal and vermilion keep cooperation
 * and conflict apart in the common colour blindnesses too (they differ in
 * lightness and in blue); standing relations are violet; other relations
 * keep the grey every edge had before.
 */
export const RELATION_GROUP_COLORS: Readonly<Record<DisplayGroup, { color: string; strong: string }>> = {
  cooperation: { color: "#4fa89a", strong: "#17766a" },
  conflict: { color: "#e8795d", strong: "#c2410c" },
  standing: { color: "#9d8ed2", strong: "#5b45a8" },
  other: { color: EDGE_COLOR, strong: HIGHLIGHT_EDGE_COLOR },
};

/** The colour of an edge by its relation group; `strong` for an edge of the focus or the selection. */
export function edgeColor(attrs: Pick<EdgeAttributes, "relation" | "relationGroup">, strong = false): string {
  const colors = RELATION_GROUP_COLORS[displayGroup(groupOf(attrs))];
  return strong ? colors.strong : colors.color;
}

export interface RelationLegendEntry {
  group: DisplayGroup;
  name: string;
  color: string;
  count: number;
}

/** The relation groups present in the graph, in the filter's order, with their colours and edge counts. */
export function relationLegendEntries(graph: ViewerGraph): RelationLegendEntry[] {
  const counts = new Map<DisplayGroup, number>();
  graph.forEachEdge((_key, attrs) => {
    const g = displayGroup(groupOf(attrs));
    counts.set(g, (counts.get(g) ?? 0) + 1);
  });
  return DISPLAY_GROUPS.filter((g) => counts.has(g)).map((group) => ({
    group,
    name: GROUP_NAMES[group],
    color: RELATION_GROUP_COLORS[group].color,
    count: counts.get(group)!,
  }));
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export function colorForType(type: string): string {
  // Own keys only: a type read from another tool's file may be "constructor" or "toString".
  return (Object.hasOwn(TYPE_PALETTE, type) ? TYPE_PALETTE[type] : undefined) ?? EXTRA_PALETTE[hash(type) % EXTRA_PALETTE.length]!;
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
  /**
   * Big graphs (DrawingMode.fadeByLayer): the view fades the whole canvas
   * and draws the focus neighbourhood above it, so the reducers leave every
   * other node and edge as it is.
   */
  fadeByLayer?: boolean;
}

/**
 * Whether two view states draw the same picture. The focus neighbourhood and
 * edge count follow from the focus, the selection and the filters, so they
 * are not compared (they are fresh objects every time).
 */
export function sameView(a: ViewState, b: ViewState): boolean {
  return (
    a.colorMode === b.colorMode &&
    a.typeColors === b.typeColors &&
    a.focus === b.focus &&
    a.selectedNode === b.selectedNode &&
    a.selectedEdge === b.selectedEdge &&
    a.candidate === b.candidate &&
    a.maxFocusEdgeLabels === b.maxFocusEdgeLabels &&
    a.visibleNodes === b.visibleNodes &&
    a.visibleEdges === b.visibleEdges &&
    a.fadeByLayer === b.fadeByLayer
  );
}

/**
 * The nodes and edges whose display differs between two view states, or null
 * when everything has to be drawn again. Only a graph faded by layer has a
 * partial answer: elsewhere a new focus recolours every node and edge.
 */
export function changedItems(graph: ViewerGraph, prev: ViewState, next: ViewState): { nodes: string[]; edges: string[] } | null {
  if (!prev.fadeByLayer || !next.fadeByLayer) return null;
  const global =
    prev.colorMode !== next.colorMode ||
    prev.typeColors !== next.typeColors ||
    prev.visibleNodes !== next.visibleNodes ||
    prev.visibleEdges !== next.visibleEdges ||
    prev.maxFocusEdgeLabels !== next.maxFocusEdgeLabels;
  if (global) return null;
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const s of [prev, next]) {
    for (const n of s.focusNeighbours ?? []) nodes.add(n);
    for (const n of [s.focus, s.selectedNode, s.candidate]) if (n !== null && graph.hasNode(n)) nodes.add(n);
    if (s.focus !== null && graph.hasNode(s.focus)) graph.forEachEdge(s.focus, (e) => void edges.add(e));
    if (s.selectedEdge !== null && graph.hasEdge(s.selectedEdge)) edges.add(s.selectedEdge);
  }
  return { nodes: [...nodes], edges: [...edges] };
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
  if (state.fadeByLayer) {
    // Drawn above the faded canvas with their labels; the rest stays as it is.
    const shown = state.focusNeighbours?.has(key) || key === state.focus || key === state.selectedNode || key === state.candidate;
    if (shown) display.highlighted = display.forceLabel = true;
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
  /** The selected edge or an edge of the focus node. */
  highlighted: boolean;
  zIndex: number;
}

export function edgeBaseSize(attrs: EdgeAttributes): number {
  const count = Number.isFinite(attrs.count) ? attrs.count : 1;
  return Math.min(6, 1.5 + Math.log2(Math.max(1, count)));
}

export function reduceEdge(key: string, attrs: EdgeAttributes, source: string, target: string, state: ViewState): EdgeDisplay {
  const display: EdgeDisplay = {
    color: edgeColor(attrs),
    size: edgeBaseSize(attrs),
    hidden: false,
    label: null,
    forceLabel: false,
    highlighted: false,
    zIndex: 0,
  };
  if (state.visibleEdges && !state.visibleEdges.has(key)) {
    display.hidden = true;
    return display;
  }
  const touchesFocus = state.focus !== null && (source === state.focus || target === state.focus);
  if (key === state.selectedEdge || touchesFocus) {
    display.highlighted = true;
    // Many labels around one node pile up on each other; the panel lists them instead.
    const crowded = (state.focusEdgeCount ?? 0) > (state.maxFocusEdgeLabels ?? 8);
    if (key === state.selectedEdge || !crowded) {
      display.label = edgeLabelText(attrs);
      display.forceLabel = true;
    }
    // Faded by layer, the view draws the highlighted edge itself, above the canvas.
    if (state.fadeByLayer) return display;
    display.color = edgeColor(attrs, true);
    display.zIndex = 1;
    if (key === state.selectedEdge) display.size += 1.5;
  } else if (state.focus !== null && !state.fadeByLayer) {
    display.color = FADED_EDGE_COLOR;
  }
  return display;
}

/** How the canvas draws a graph of this size: big graphs trade detail for frame rate. */
export interface DrawingMode {
  /** Edges outside the focus are 1-pixel lines without arrow heads (the focus keeps its arrows). */
  thinEdges: boolean;
  /** Edges are left out of the frames drawn while the camera moves. */
  hideEdgesOnMove: boolean;
  /** Sigma picks edges under the pointer (a second drawing of every edge); without it a click near an edge still selects it. */
  edgeEvents: boolean;
  /**
   * A focus (hover, selection) fades the canvas layers as a whole and draws
   * its neighbourhood above them, instead of recolouring every node and edge:
   * the edges, drawn once, are not drawn again.
   */
  fadeByLayer: boolean;
}

export const THIN_EDGES_ABOVE = 20_000;
export const HIDE_EDGES_ON_MOVE_ABOVE = 10_000;

export function drawingMode(_order: number, size: number): DrawingMode {
  return {
    thinEdges: size > THIN_EDGES_ABOVE,
    hideEdgesOnMove: size > HIDE_EDGES_ON_MOVE_ABOVE,
    edgeEvents: size <= HIDE_EDGES_ON_MOVE_ABOVE,
    fadeByLayer: size > THIN_EDGES_ABOVE,
  };
}

/**
 * Curvature for each edge so that parallel edges (same pair of nodes, either
 * direction) are drawn apart; lone edges are straight (0). Curvatures are
 * never negative (the curve program clips negative ones); a positive
 * curvature bends an edge to its own left, so edges pointing opposite ways
 * fall on opposite sides of the line between the two nodes.
 */
export function edgeCurvatures(graph: ViewerGraph, step = 0.25): Map<string, number> {
  // A pair of nodes is a number (no string per edge: this runs on 250k edges
  // before the first frame), and most pairs have one edge, kept without a group.
  const index = new Map<string, number>();
  graph.forEachNode((node) => void index.set(node, index.size));
  const n = index.size;
  const lone = new Map<number, string>();
  const groups = new Map<number, { forward: string[]; backward: string[] }>();
  const add = (group: { forward: string[]; backward: string[] }, edge: string, source: string, target: string) =>
    (source < target ? group.forward : group.backward).push(edge);
  graph.forEachEdge((edge, _attrs, source, target) => {
    if (source === target) return;
    const i = index.get(source)!;
    const j = index.get(target)!;
    const id = i < j ? i * n + j : j * n + i;
    const group = groups.get(id);
    if (group) return void add(group, edge, source, target);
    const first = lone.get(id);
    if (first === undefined) return void lone.set(id, edge);
    const created = { forward: [], backward: [] };
    add(created, first, graph.source(first), graph.target(first));
    add(created, edge, source, target);
    lone.delete(id);
    groups.set(id, created);
  });
  const result = new Map<string, number>();
  for (const edge of lone.values()) result.set(edge, 0);
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
