/**
 * The viewer's entry: loads the graph, then wires the pure core functions to
 * the views. State lives here; views only render it and report events.
 */
import "./styles.css";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import { legendEntries, typeColors, type ColorMode, type ViewState } from "./core/appearance/index.ts";
import { graphUrlFrom, parseGraphText } from "./core/data/index.ts";
import { computeVisibility, createFilters, isDefaultFilters, maxDegree, type FilterState, type Visibility } from "./core/filters/index.ts";
import { layoutDuration, layoutSettings } from "./core/layout/index.ts";
import { buildSearchIndex, search } from "./core/search/index.ts";
import { neighbourhood, popHistory, pushHistory, type History, type Selection } from "./core/selection/index.ts";
import type { ViewerGraph } from "./core/types.ts";
import { decodeUrlState, encodeUrlState } from "./core/url-state/index.ts";
import { $ } from "./views/dom.ts";
import { createGraphView, fitView, focusNode, type Renderer } from "./views/graph-view.ts";
import { createLegend, type Legend } from "./views/legend.ts";
import { hidePanel, renderEdgePanel, renderNodePanel } from "./views/panel.ts";
import { createSearchBox, type SearchBox } from "./views/search.ts";
import { hideStatus, showStatus } from "./views/status.ts";
import { createToolbar, type Toolbar } from "./views/toolbar.ts";

/** What the browser tests can read; nothing in the app depends on it. */
export interface ViewerHandle {
  graph: ViewerGraph;
  renderer: Renderer;
  selection: () => Selection | null;
  /** Viewport position of a node (CSS pixels relative to the canvas container). */
  nodePosition: (key: string) => { x: number; y: number } | null;
}

declare global {
  interface Window {
    kgViewer?: ViewerHandle;
  }
}

const statusEl = $("#status");

async function load(): Promise<void> {
  const url = graphUrlFrom(location.search);
  document.body.dataset.state = "loading";
  showStatus(statusEl, "loading", "Loading graph…", url);
  let text: string;
  try {
    const response = await fetch(url, { cache: "no-cache" });
    if (!response.ok) {
      fail("Could not load the graph", `${url}: HTTP ${response.status} ${response.statusText}`.trim());
      return;
    }
    text = await response.text();
  } catch (err) {
    fail("Could not load the graph", `${url}: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  const result = parseGraphText(text);
  if (!result.ok) {
    fail("This file is not a graph", `${url} — ${result.error.replace(/^This file is not a graph: /, "")}`);
    return;
  }
  for (const w of result.warnings) console.warn(`viewer: ${w}`);
  if (result.graph.order === 0) {
    document.body.dataset.state = "empty";
    showStatus(statusEl, "empty", "This graph is empty", "It has no entities. Build it from articles that mention people, places or organisations.");
    return;
  }
  hideStatus(statusEl);
  try {
    start(result.graph);
  } catch (err) {
    console.error(err);
    fail("The viewer could not draw this graph", err instanceof Error ? err.message : String(err));
    return;
  }
  document.body.dataset.state = "ready";
}

function fail(title: string, detail: string): void {
  document.body.dataset.state = "error";
  showStatus(statusEl, "error", title, detail);
}

function start(graph: ViewerGraph): void {
  const initial = decodeUrlState(location.search);
  const colors = typeColors(graph);
  const colorOf = (type: string) => colors.get(type) ?? "#7a7a7a";
  const index = buildSearchIndex(graph);
  const stage = $(".stage");
  const panel = $("#panel");
  const communities = new Set<number>();
  graph.forEachNode((_k, a) => a.community >= 0 && communities.add(a.community));

  let filters: FilterState = createFilters(initial.filters);
  let visibility: Visibility | null = null;
  let colorMode: ColorMode = communities.size > 1 ? initial.colorMode : "type";
  let selection: Selection | null = null;
  let history: History = { stack: [] };
  let hovered: string | null = null;
  let candidate: string | null = null;
  let viewState: ViewState;

  const isNodeVisible = (key: string) => !visibility || visibility.nodes.has(key);
  const isEdgeVisible = (key: string) => !visibility || visibility.edges.has(key);

  const computeViewState = (): ViewState => {
    const selectedNode = selection?.kind === "node" ? selection.key : null;
    const selectedEdge = selection?.kind === "edge" ? selection.key : null;
    const focus = hovered ?? selectedNode;
    let focusNeighbours: Set<string> | null = focus ? neighbourhood(graph, focus, isEdgeVisible) : null;
    if (!focus && selectedEdge) focusNeighbours = new Set([graph.source(selectedEdge), graph.target(selectedEdge)]);
    let focusEdgeCount = 0;
    if (focus) graph.forEachEdge(focus, (edge) => void (isEdgeVisible(edge) && focusEdgeCount++));
    return {
      colorMode,
      typeColors: colors,
      focusEdgeCount,
      maxFocusEdgeLabels: 8,
      focus,
      focusNeighbours,
      selectedNode,
      selectedEdge,
      candidate,
      visibleNodes: visibility?.nodes ?? null,
      visibleEdges: visibility?.edges ?? null,
    };
  };
  viewState = computeViewState();

  const renderer = createGraphView($("#graph"), graph, () => viewState, {
    onClickNode: (key) => select({ kind: "node", key }),
    onClickEdge: (key) => select({ kind: "edge", key }),
    onClickStage: () => select(null),
    onHoverNode: (key) => {
      hovered = key;
      redraw();
    },
  });

  function redraw(): void {
    viewState = computeViewState();
    renderer.refresh({ skipIndexation: true });
  }

  function syncUrl(): void {
    const search = encodeUrlState({ graph: initial.graph, selection, filters, colorMode }, location.search);
    replaceUrl(search);
  }

  /** The canvas area not covered by the side panel. */
  function freeArea() {
    const { width, height } = renderer.getDimensions();
    if (panel.hidden) return { x: 0, y: 0, width, height };
    const p = panel.getBoundingClientRect();
    const s = stage.getBoundingClientRect();
    if (p.width >= s.width * 0.9) return { x: 0, y: 0, width, height: Math.max(80, p.top - s.top) };
    return { x: 0, y: 0, width: Math.max(80, p.left - s.left), height };
  }

  function renderPanel(): void {
    const ctx = {
      graph,
      colorOf,
      isEdgeVisible,
      canGoBack: history.stack.length > 0,
      onEntity: (key: string) => select({ kind: "node", key }, { moveCamera: true }),
      onEdge: (key: string) => select({ kind: "edge", key }),
      onBack: back,
      onClose: () => select(null),
    };
    if (selection?.kind === "node") renderNodePanel(panel, ctx, selection.key);
    else if (selection?.kind === "edge") renderEdgePanel(panel, ctx, selection.key);
    else hidePanel(panel);
    stage.classList.toggle("has-panel", !panel.hidden);
  }

  function select(next: Selection | null, opts: { moveCamera?: boolean; record?: boolean } = {}): void {
    if (next?.kind === "node" && !graph.hasNode(next.key)) next = null;
    if (next?.kind === "edge" && !graph.hasEdge(next.key)) next = null;
    if (opts.record !== false && next) history = pushHistory(history, selection, next);
    if (!next) history = { stack: [] };
    selection = next;
    renderPanel();
    redraw();
    syncUrl();
    if (opts.moveCamera && next?.kind === "node") focusNode(renderer, next.key, freeArea());
  }

  function back(): void {
    const { history: rest, selection: previous } = popHistory(history);
    history = rest;
    select(previous, { moveCamera: true, record: false });
    if (previous) history = rest; // select(null) would have cleared it
  }

  let legend: Legend;
  function applyFilters(next: FilterState): void {
    filters = next;
    visibility = isDefaultFilters(filters) ? null : computeVisibility(graph, filters);
    if (selection?.kind === "node" && !isNodeVisible(selection.key)) select(null);
    else if (selection?.kind === "edge" && !isEdgeVisible(selection.key)) select(null);
    else renderPanel();
    legend.update(filters, colorMode, {
      shownNodes: visibility ? visibility.nodes.size : graph.order,
      totalNodes: graph.order,
      shownEdges: visibility ? visibility.edges.size : graph.size,
      totalEdges: graph.size,
    });
    searchBox.refresh();
    redraw();
    syncUrl();
  }

  const searchBox: SearchBox = createSearchBox($("#search"), {
    search: (q) => search(index, q, { limit: 12, isVisible: isNodeVisible }),
    colorOf,
    onChoose: (key) => select({ kind: "node", key }, { moveCamera: true }),
    onPreview: (key) => {
      candidate = key;
      redraw();
    },
  });

  legend = createLegend($("#legend"), {
    entries: legendEntries(graph, colors),
    maxDegree: maxDegree(graph),
    hasCommunities: communities.size > 1,
    collapsed: window.matchMedia("(max-width: 720px)").matches,
    onToggleType: (type) => {
      const hiddenTypes = new Set(filters.hiddenTypes);
      if (hiddenTypes.has(type)) hiddenTypes.delete(type);
      else hiddenTypes.add(type);
      applyFilters({ ...filters, hiddenTypes });
    },
    onShowAllTypes: () => applyFilters({ ...filters, hiddenTypes: new Set() }),
    onMinConfidence: (minConfidence) => applyFilters({ ...filters, minConfidence }),
    onMinDegree: (minDegree) => applyFilters({ ...filters, minDegree }),
    onColorMode: (mode) => {
      colorMode = mode;
      applyFilters(filters);
    },
  });

  let layout: FA2Layout | null = null;
  let layoutTimer: number | undefined;
  const stopLayout = () => {
    layout?.stop();
    window.clearTimeout(layoutTimer);
    toolbar.setLayoutRunning(false);
  };
  const toolbar: Toolbar = createToolbar($("#toolbar"), {
    onFit: () => fitView(renderer),
    onToggleLayout: () => {
      if (layout?.isRunning()) return stopLayout();
      layout ??= new FA2Layout(graph, { settings: layoutSettings(graph.order), getEdgeWeight: null });
      layout.start();
      toolbar.setLayoutRunning(true);
      layoutTimer = window.setTimeout(stopLayout, layoutDuration(graph.order));
    },
    onExport: async () => {
      const { downloadAsPNG } = await import("@sigma/export-image");
      await downloadAsPNG(renderer as unknown as Parameters<typeof downloadAsPNG>[0], { fileName: "knowledge-graph", backgroundColor: "#ffffff" });
    },
  });

  document.addEventListener("keydown", (e) => {
    const inField = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement;
    if (e.key === "/" && !inField) {
      e.preventDefault();
      searchBox.input.focus();
    } else if (e.key === "Escape" && !inField && selection) {
      select(null);
    } else if (e.key === "ArrowLeft" && e.altKey && history.stack.length) {
      e.preventDefault();
      back();
    }
  });

  applyFilters(filters);
  if (initial.selection) select(initial.selection, { moveCamera: true });

  window.kgViewer = {
    graph,
    renderer,
    selection: () => selection,
    nodePosition: (key) => {
      if (!graph.hasNode(key)) return null;
      const d = renderer.getNodeDisplayData(key);
      return d ? renderer.framedGraphToViewport(d) : null;
    },
  };
}

function replaceUrl(search: string): void {
  const url = `${location.pathname}${search}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) window.history.replaceState(null, "", url);
}

void load();
