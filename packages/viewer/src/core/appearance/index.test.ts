import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { buildFixtureGraph } from "../../../e2e/fixtures.ts";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, ViewerGraph } from "../types.ts";
import {
  FADED_NODE_COLOR,
  HIGHLIGHT_EDGE_COLOR,
  colorForCommunity,
  colorForType,
  edgeCurvatures,
  legendEntries,
  reduceEdge,
  reduceNode,
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
