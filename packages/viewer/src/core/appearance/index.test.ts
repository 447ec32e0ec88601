import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { buildFixtureGraph, withStatementModes } from "../../../e2e/fixtures.ts";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, ViewerGraph } from "../types.ts";
import {
  EDGE_COLOR,
  FADED_EDGE_COLOR,
  FADED_NODE_COLOR,
  HIGHLIGHT_EDGE_COLOR,
  RELATION_GROUP_COLORS,
  changedItems,
  colorForCommunity,
  colorForType,
  drawingMode,
  edgeColor,
  edgeCurvatures,
  legendEntries,
  reduceEdge,
  reduceNode,
  relationLegendEntries,
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
    expect(reduceEdge(e, a, putin, "person:xi-jinping", focus)).toMatchObject({ color: RELATION_GROUP_COLORS.cooperation.strong, label: "meet" });
    expect(reduceEdge(e, a, putin, "person:xi-jinping", { ...focus, focusEdgeCount: 30 }).label).toBeNull();
    expect(reduceEdge(e, a, putin, "person:xi-jinping", { ...focus, focusEdgeCount: 30, selectedEdge: e }).label).toBe("meet");
  });
});

describe("edge colours by relation group", () => {
  const modes = withStatementModes();
  const MEET = "person:vladimir-putin|meet|person:xi-jinping";
  const CRITICISE = "organization:united-nations|criticise|person:vladimir-putin";
  const LEADS = "person:xi-jinping|leader_of|location:beijing";
  const HOSTS = "organization:united-nations|host|event:peace-talks"; // RELATED, the catch-all
  const reduce = (e: string, s: ViewState = state()) => reduceEdge(e, modes.getEdgeAttributes(e), modes.source(e), modes.target(e), s);

  it("gives each group its colour, the catch-all the colour of other relations", () => {
    expect(reduce(MEET).color).toBe(RELATION_GROUP_COLORS.cooperation.color);
    expect(reduce(CRITICISE).color).toBe(RELATION_GROUP_COLORS.conflict.color);
    expect(reduce(LEADS).color).toBe(RELATION_GROUP_COLORS.standing.color);
    expect(reduce("denied").color).toBe(RELATION_GROUP_COLORS.other.color);
    expect(reduce(HOSTS).color).toBe(EDGE_COLOR);
    const colours = new Set(Object.values(RELATION_GROUP_COLORS).flatMap((c) => [c.color, c.strong]));
    expect(colours.size).toBe(8);
    // An edge of a graph without relation classes is drawn as before.
    expect(edgeColor({})).toBe(EDGE_COLOR);
    expect(edgeColor({}, true)).toBe(HIGHLIGHT_EDGE_COLOR);
  });

  it("draws the focus's edges in the strong colour of their group and fades the rest", () => {
    const focus = state({ focus: "organization:united-nations", focusNeighbours: new Set(["organization:united-nations", "person:vladimir-putin", "event:peace-talks"]) });
    expect(reduce(CRITICISE, focus).color).toBe(RELATION_GROUP_COLORS.conflict.strong);
    expect(reduce(HOSTS, focus).color).toBe(HIGHLIGHT_EDGE_COLOR);
    expect(reduce(MEET, focus).color).toBe(FADED_EDGE_COLOR);
  });

  it("labels a statement that is not a fact with how it was put", () => {
    const focus = state({ focus: "location:moscow", focusNeighbours: new Set(["location:moscow", "location:kyiv"]) });
    expect(reduce("denied", focus).label).toBe("attack (denied)");
    expect(reduce("negated", state({ selectedEdge: "negated" })).label).toBe("not meet");
  });

  it("lists the groups present, in order, with their colours and counts", () => {
    const entries = relationLegendEntries(modes);
    expect(entries.map((e) => e.group)).toEqual(["cooperation", "conflict", "standing", "other"]);
    expect(entries.reduce((n, e) => n + e.count, 0)).toBe(modes.size);
    expect(entries[0]).toMatchObject({ name: "Cooperation", color: RELATION_GROUP_COLORS.cooperation.color });
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
