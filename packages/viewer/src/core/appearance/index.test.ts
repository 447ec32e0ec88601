import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { buildFixtureGraph } from "../../../e2e/fixtures.ts";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, ViewerGraph } from "../types.ts";
import {
  FADED_NODE_COLOR,
  HIGHLIGHT_EDGE_COLOR,
  changedItems,
  colorForCommunity,
  colorForType,
  drawingMode,
  edgeCurvatures,
  legendEntries,
  reduceEdge,
  reduceNode,
  sameView,
  typeColors,
  type ViewState,
} from "./index.ts";

const graph = buildFixtureGraph();
const colors = typeColors(graph);
const state = (over: Partial<ViewState> = {}): ViewState => ({
  colorMode: "type",
  typeColors: colors,
  focus: null,
  focusNeighbours: null,
  selectedNode: null,
  selectedEdge: null,
  candidate: null,
  visibleNodes: null,
  visibleEdges: null,
  ...over,
});

describe("colours", () => {
  it("has stable colours for known and unknown types", () => {
    expect(colorForType("Person")).toBe(colorForType("Person"));
    expect(colorForType("Spaceship")).toMatch(/^#[0-9a-f]{6}$/);
    for (const inherited of ["constructor", "toString", "__proto__"]) expect(colorForType(inherited)).toMatch(/^#[0-9a-f]{6}$/);
    expect(colorForCommunity(3)).not.toBe(colorForCommunity(4));
    expect(colorForCommunity(-1)).toBe(colorForType("Other"));
  });

  it("keeps the graph's colour per type when it is consistent, else uses the palette", () => {
    const g: ViewerGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
    const node = (type: string, color: string) =>
      ({ label: "x", type, color, aliases: [], mentions: 0, articles: [], degree: 0, pagerank: 0, community: 0, x: 0, y: 0, size: 1 }) as NodeAttributes;
    g.addNode("a", node("Person", "#123456"));
    g.addNode("b", node("Person", "#123456"));
    g.addNode("c", node("Location", "#111111"));
    g.addNode("d", node("Location", "#222222"));
    const c = typeColors(g);
    expect(c.get("Person")).toBe("#123456");
    expect(c.get("Location")).toBe(colorForType("Location"));
  });

  it("lists legend entries most frequent first", () => {
    const entries = legendEntries(graph, colors);
    expect(entries[0]!.count).toBeGreaterThanOrEqual(entries.at(-1)!.count);
    expect(entries.reduce((n, e) => n + e.count, 0)).toBe(graph.order);
  });
});

describe("reducers", () => {
  const putin = "person:vladimir-putin";
  const focus = state({ focus: putin, focusNeighbours: new Set([putin, "person:xi-jinping"]), selectedNode: putin });

  it("fades nodes outside the focus neighbourhood and labels those inside", () => {
    expect(reduceNode("location:geneva", graph.getNodeAttributes("location:geneva"), focus)).toMatchObject({ color: FADED_NODE_COLOR, label: null });
    expect(reduceNode("person:xi-jinping", graph.getNodeAttributes("person:xi-jinping"), focus)).toMatchObject({ forceLabel: true, label: "Xi Jinping" });
    expect(reduceNode(putin, graph.getNodeAttributes(putin), focus)).toMatchObject({ highlighted: true, zIndex: 3 });
  });

  it("hides filtered nodes and edges", () => {
    const s = state({ visibleNodes: new Set(), visibleEdges: new Set() });
    expect(reduceNode(putin, graph.getNodeAttributes(putin), s).hidden).toBe(true);
    const e = "person:vladimir-putin|meet|person:xi-jinping";
    expect(reduceEdge(e, graph.getEdgeAttributes(e), putin, "person:xi-jinping", s).hidden).toBe(true);
  });

  it("labels the focus's edges unless there are too many", () => {
    const e = "person:vladimir-putin|meet|person:xi-jinping";
    const a = graph.getEdgeAttributes(e);
    expect(reduceEdge(e, a, putin, "person:xi-jinping", focus)).toMatchObject({ color: HIGHLIGHT_EDGE_COLOR, label: "meet" });
    expect(reduceEdge(e, a, putin, "person:xi-jinping", { ...focus, focusEdgeCount: 30 }).label).toBeNull();
    expect(reduceEdge(e, a, putin, "person:xi-jinping", { ...focus, focusEdgeCount: 30, selectedEdge: e }).label).toBe("meet");
  });
});

describe("edgeCurvatures", () => {
  it("draws lone edges straight and parallel edges apart", () => {
    const c = edgeCurvatures(graph);
    expect(c.get("person:vladimir-putin|visit|location:beijing")).toBe(0);
    // Reciprocal edges: both curved (positive curvature bends each to its own side).
    expect(c.get("person:vladimir-putin|meet|person:xi-jinping")).toBeGreaterThan(0);
    expect(c.get("person:xi-jinping|invite|person:vladimir-putin")).toBeGreaterThan(0);
  });

  it("spreads several edges of one direction", () => {
    const g: ViewerGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
    g.addNode("a");
    g.addNode("b");
    const keys = [0, 1, 2].map(() => g.addEdge("a", "b"));
    const c = edgeCurvatures(g);
    const values = keys.map((k) => c.get(k)!);
    expect(values[0]).toBe(0);
    expect(new Set(values).size).toBe(3);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
  });
});

describe("big graphs", () => {
  const putin = "person:vladimir-putin";
  const xi = "person:xi-jinping";
  const layered = (over: Partial<ViewState> = {}) => state({ fadeByLayer: true, ...over });

  it("switch to thin edges, no edge picking and layer fading with the number of edges", () => {
    expect(drawingMode(100, 500)).toEqual({ thinEdges: false, hideEdgesOnMove: false, edgeEvents: true, fadeByLayer: false });
    expect(drawingMode(50_000, 250_000)).toEqual({ thinEdges: true, hideEdgesOnMove: true, edgeEvents: false, fadeByLayer: true });
  });

  it("faded by layer, only the neighbourhood changes: it is highlighted, the rest keeps its colours", () => {
    const focus = layered({ focus: putin, focusNeighbours: new Set([putin, xi]) });
    expect(reduceNode("location:geneva", graph.getNodeAttributes("location:geneva"), focus)).toEqual(
      reduceNode("location:geneva", graph.getNodeAttributes("location:geneva"), layered()),
    );
    expect(reduceNode(xi, graph.getNodeAttributes(xi), focus)).toMatchObject({ highlighted: true, forceLabel: true });
    const e = "person:vladimir-putin|meet|person:xi-jinping";
    expect(reduceEdge(e, graph.getEdgeAttributes(e), putin, xi, focus)).toMatchObject({ highlighted: true, label: "meet", zIndex: 0 });
    expect(reduceEdge(e, graph.getEdgeAttributes(e), putin, xi, focus).color).not.toBe(HIGHLIGHT_EDGE_COLOR);
  });

  it("knows when nothing changed and what a new focus changes", () => {
    const a = layered();
    expect(sameView(a, layered())).toBe(true);
    expect(sameView(a, layered({ focus: putin, focusNeighbours: new Set([putin]) }))).toBe(false);
    const b = layered({ focus: putin, focusNeighbours: new Set([putin, xi]) });
    const changed = changedItems(graph, a, b)!;
    expect(new Set(changed.nodes)).toEqual(new Set([putin, xi]));
    expect(new Set(changed.edges)).toEqual(new Set(graph.edges(putin)));
    // Filters, colours and graphs not faded by layer redraw everything.
    expect(changedItems(graph, a, layered({ visibleNodes: new Set() }))).toBeNull();
    expect(changedItems(graph, state(), state({ focus: putin }))).toBeNull();
  });
});
