/**
 * The viewer's entry: loads the graph, then wires the pure core functions to
 * the views. State lives here; views only render it and report events.
 */
import "./styles.css";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import { drawingMode, legendEntries, nodeColor, relationLegendEntries, sameView, typeColors, type ColorMode, type ViewState } from "./core/appearance/index.ts";
import { looksLikeMarkup } from "./core/data/gexf.ts";
import { graphUrlFrom, parseGraphText, type LoadResult } from "./core/data/index.ts";
import {
  articleOptions,
  computeVisibility,
  countUnrelated,
  createFilters,
  dateExtent,
  isDefaultFilters,
  isUnrelated,
  knownOnly,
  maxDegree,
  predicateOptions,
  type FilterState,
  type Visibility,
} from "./core/filters/index.ts";
import { extentOf, type Area } from "./core/camera/index.ts";
import { layoutDuration, layoutSettings } from "./core/layout/index.ts";
import { countNonFacts, relationOptions } from "./core/relations/index.ts";
import { buildSearchIndex, search } from "./core/search/index.ts";
import { neighbourhood, popHistory, pushHistory, type History, type Selection } from "./core/selection/index.ts";
import type { ViewerGraph } from "./core/types.ts";
import { decodeUrlState, encodeUrlState, type UrlState } from "./core/url-state/index.ts";
import { $, clear } from "./views/dom.ts";
import { downloadText } from "./views/download.ts";
import { installFileDrop } from "./views/drop.ts";
import { createRelationFilters } from "./views/filters.ts";
import { createGraphView, fitNodes, focusNode, refreshView, renderedLabels, type Renderer } from "./views/graph-view.ts";
import { createLegend, type Legend } from "./views/legend.ts";
import { createModesToggle } from "./views/modes.ts";
import { hidePanel, renderEdgePanel, renderNodePanel } from "./views/panel.ts";
import { createSearchBox, type SearchBox } from "./views/search.ts";
import { hideStatus, showStatus } from "./views/status.ts";
import { createToolbar, type Toolbar } from "./views/toolbar.ts";
import { createUnrelatedToggle } from "./views/unrelated.ts";

/** What the browser tests can read; nothing in the app depends on it. */
export interface ViewerHandle {
  graph: ViewerGraph;
  renderer: Renderer;
  selection: () => Selection | null;
  /** Viewport position of a node (CSS pixels relative to the canvas container). */
  nodePosition: (key: string) => { x: number; y: number } | null;
  /** The node and edge labels drawn in the last frame: which, and the box each takes (CSS pixels, as nodePosition). */
  labels: () => ReturnType<typeof renderedLabels>;
}

declare global {
  interface Window {
    kgViewer?: ViewerHandle;
    /** The graph request index.html starts before this code has loaded. */
    kgEarlyFetch?: { url: string; response: Promise<Response> };
  }
}

const statusEl = $("#status");

/** The graph on screen, as the toolbar and the file loader see it. */
interface Session {
  dispose(): void;
  fit(): void;
  toggleLayout(): void;
  exportPng(): Promise<void>;
  exportGexf(): void;
}

let session: Session | null = null;

// The toolbar outlives graphs: Open works before any graph loads, and after one failed to.
const toolbar: Toolbar = createToolbar($("#toolbar"), {
  onFit: () => session?.fit(),
  onToggleLayout: () => session?.toggleLayout(),
  onExport: () => void session?.exportPng(),
  onExportGexf: () => session?.exportGexf(),
  onOpenFile: (file) => void openFile(file),
});
toolbar.setEnabled(false);
installFileDrop($(".stage"), (file) => void openFile(file));

async function load(): Promise<void> {
  const url = graphUrlFrom(location.search);
  document.body.dataset.state = "loading";
  showStatus(statusEl, "loading", "Loading graph…", url);
  let text: string;
  try {
    const early = window.kgEarlyFetch;
    window.kgEarlyFetch = undefined;
    const response = await (early?.url === url ? early.response : fetch(url, { cache: "no-cache" }));
    if (!response.ok) {
      fail("Could not load the graph", `${url}: HTTP ${response.status} ${response.statusText}`.trim());
      return;
    }
    text = await response.text();
  } catch (err) {
    fail("Could not load the graph", `${url}: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  await show(text, url, decodeUrlState(location.search));
}

/**
 * A file chosen with Open or dropped on the page. It replaces the graph,
 * with the selection and the filters reset; the address loses `?graph=` and
 * the view state, which described the graph it replaces.
 */
async function openFile(file: File): Promise<void> {
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    fail("Could not read the file", `${file.name}: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  await show(text, file.name, { ...decodeUrlState(""), graph: null });
}

/** graph.json, or GEXF (the GEXF reader loads only when needed). */
async function parseAny(text: string): Promise<LoadResult> {
  if (!looksLikeMarkup(text)) return parseGraphText(text);
  const { readGexf } = await import("./io/gexf.ts");
  return readGexf(text);
}

/**
 * Parses and draws a graph. When it is not a graph (or is empty) the
 * message says so and the graph already on screen, if any, stays.
 */
async function show(text: string, source: string, state: UrlState): Promise<void> {
  document.body.dataset.state = "loading";
  showStatus(statusEl, "loading", "Reading the graph…", source);
  const result = await parseAny(text);
  if (!result.ok) {
    fail("This file is not a graph", `${source} — ${result.error.replace(/^This file is not a graph: /, "")}`);
    return;
  }
  for (const w of result.warnings) console.warn(`viewer: ${w}`);
  if (result.graph.order === 0) {
    document.body.dataset.state = "empty";
    showStatus(statusEl, "empty", "This graph is empty", "It has no entities. Build it from articles that mention people, places or organisations.", backToGraph());
    return;
  }
  hideStatus(statusEl);
  session?.dispose();
  session = null;
  toolbar.setEnabled(false);
  try {
    session = start(result.graph, state);
  } catch (err) {
    console.error(err);
    fail("The viewer could not draw this graph", err instanceof Error ? err.message : String(err));
    return;
  }
  toolbar.setEnabled(true);
  document.body.dataset.state = "ready";
}

function fail(title: string, detail: string): void {
  document.body.dataset.state = "error";
  showStatus(statusEl, "error", title, detail, backToGraph());
}

/** The way back from a message to the graph still behind it; none when there is no graph. */
function backToGraph() {
  if (!session) return undefined;
  return {
    label: "Back to the graph",
    onClick: () => {
      hideStatus(statusEl);
      document.body.dataset.state = "ready";
    },
  };
}

function start(graph: ViewerGraph, initial: UrlState): Session {
  const colors = typeColors(graph);
  const colorOf = (type: string) => colors.get(type) ?? "#7a7a7a";
  // Built when first needed, or when the browser is idle after the first frame.
  let index: ReturnType<typeof buildSearchIndex> | null = null;
  const searchIndex = () => (index ??= buildSearchIndex(graph));
  if ("requestIdleCallback" in window) requestIdleCallback(() => void searchIndex(), { timeout: 2000 });
  const stage = $(".stage");
  const panel = $("#panel");
  const communities = new Set<number>();
  graph.forEachNode((_k, a) => a.community >= 0 && communities.add(a.community));

  let filters: FilterState = knownOnly(createFilters(initial.filters), graph);
  let visibility: Visibility | null = null;
  // Entities with no relation: none at all, or none stated as a fact while only facts are shown.
  const unrelatedCounts = { facts: countUnrelated(graph, false), all: countUnrelated(graph, true) };
  const unrelatedCount = (f: FilterState) => (f.showAllModes ? unrelatedCounts.all : unrelatedCounts.facts);
  const nonFacts = countNonFacts(graph);
  let colorMode: ColorMode = communities.size > 1 ? initial.colorMode : "type";
  let selection: Selection | null = null;
  let history: History = { stack: [] };
  let hovered: string | null = null;
  let candidate: string | null = null;
  let viewState: ViewState;

  const isNodeVisible = (key: string) => !visibility || visibility.nodes.has(key);
  const isEdgeVisible = (key: string) => !visibility || visibility.edges.has(key);
  // Search offers entities hidden only for having no relation; choosing one shows it.
  const isFindable = (key: string) => !visibility || visibility.nodes.has(key) || visibility.unrelated.has(key);
  const selectedNodeKey = () => (selection?.kind === "node" ? selection.key : null);
  /** The visibility sets, or null when the filters hide nothing (the cheap path). */
  const visibilityFor = (f: FilterState): Visibility | null =>
    isDefaultFilters(f) && unrelatedCount(f) === 0 && nonFacts.total === 0 ? null : computeVisibility(graph, f, selectedNodeKey());

  const { fadeByLayer } = drawingMode(graph.order, graph.size);
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
      fadeByLayer,
    };
  };
  // The first frame already hides what the filters hide (a change of the sets later means a full redraw).
  visibility = visibilityFor(filters);
  viewState = computeViewState();

  const renderer = createGraphView($("#graph"), graph, () => viewState, {
    onClickNode: (key) => select({ kind: "node", key }),
    onClickEdge: (key) => select({ kind: "edge", key }),
    onClickStage: () => select(null),
    onHoverNode: (key) => {
      hovered = key;
      redraw();
    },
    openArea: () => freeArea(),
  });

  function redraw(): void {
    const next = computeViewState();
    // Sigma reruns the reducers over every node and edge: skip it when nothing changed.
    if (sameView(next, viewState)) return;
    const prev = viewState;
    viewState = next;
    refreshView(renderer, prev, next);
  }

  function syncUrl(): void {
    const search = encodeUrlState({ graph: initial.graph, selection, filters, colorMode }, location.search);
    replaceUrl(search);
  }

  /**
   * The canvas area not covered by the side panel, nor by the open legend on
   * a wide screen (it is a column on the left; on a phone it is small or
   * folded, and the panel is a bottom sheet).
   */
  function freeArea(): Area {
    const { width, height } = renderer.getDimensions();
    const s = stage.getBoundingClientRect();
    let left = 0;
    const legendEl = $("#legend");
    const legendBody = legendEl.querySelector<HTMLElement>(".legend-body");
    if (!legendEl.hidden && legendBody && !legendBody.hidden && s.width > 720) left = legendEl.getBoundingClientRect().right - s.left;
    if (panel.hidden) return { x: left, y: 0, width: Math.max(80, width - left), height };
    const p = panel.getBoundingClientRect();
    if (p.width >= s.width * 0.9) return { x: 0, y: 0, width, height: Math.max(80, p.top - s.top) };
    return { x: left, y: 0, width: Math.max(80, p.left - s.left - left), height };
  }

  /** Frames the entities shown (not the hidden ones around them). */
  function fit(duration = 400): void {
    fitNodes(renderer, extentOf(graph, isNodeVisible), freeArea(), duration);
  }

  function renderPanel(): void {
    const ctx = {
      graph,
      colorOf,
      isEdgeVisible,
      canGoBack: history.stack.length > 0,
      showAllModes: filters.showAllModes,
      onShowAllModes: () => applyFilters({ ...filters, showAllModes: true }),
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
    const revealed = selectedNodeKey();
    selection = next;
    // An entity with no relation is shown while selected (found by search, or named in the URL).
    const reveal = selectedNodeKey();
    const loner = (key: string | null) => key !== null && isUnrelated(graph, key, filters.showAllModes);
    if (reveal !== revealed && visibility && (loner(revealed) || loner(reveal))) {
      visibility = visibilityFor(filters);
      updateCounts();
    }
    renderPanel();
    redraw();
    syncUrl();
    if (opts.moveCamera && next?.kind === "node") focusNode(renderer, next.key, neighbourhood(graph, next.key, isEdgeVisible), freeArea());
  }

  function back(): void {
    const { history: rest, selection: previous } = popHistory(history);
    history = rest;
    select(previous, { moveCamera: true, record: false });
    if (previous) history = rest; // select(null) would have cleared it
  }

  let legend: Legend;
  function updateCounts(): void {
    legend.update(filters, colorMode, {
      shownNodes: visibility ? visibility.nodes.size : graph.order,
      totalNodes: graph.order,
      shownEdges: visibility ? visibility.edges.size : graph.size,
      totalEdges: graph.size,
    });
    unrelatedToggle.update(unrelatedCount(filters), filters.showUnrelated);
    modesToggle.update(nonFacts, filters.showAllModes);
  }

  function applyFilters(next: FilterState): void {
    filters = next;
    visibility = visibilityFor(filters);
    showFiltered();
  }

  /** The panel, counts, controls, canvas and URL, after the visibility changed. */
  function showFiltered(): void {
    if (selection?.kind === "node" && !isNodeVisible(selection.key)) select(null);
    else if (selection?.kind === "edge" && !isEdgeVisible(selection.key)) select(null);
    else renderPanel();
    updateCounts();
    relationFilters.update(filters, !isDefaultFilters(filters));
    searchBox.refresh();
    redraw();
    syncUrl();
  }

  const searchBox: SearchBox = createSearchBox($("#search"), {
    search: (q) => search(searchIndex(), q, { limit: 12, isVisible: isFindable }),
    colorOf,
    onChoose: (key) => select({ kind: "node", key }, { moveCamera: true }),
    onPreview: (key) => {
      candidate = key;
      redraw();
    },
  });

  const relationFilters = createRelationFilters({
    relations: relationOptions(graph),
    predicates: predicateOptions(graph),
    articles: articleOptions(graph),
    dateExtent: dateExtent(graph),
    onRelations: (relations) => applyFilters({ ...filters, relations }),
    onPredicates: (predicates) => applyFilters({ ...filters, predicates }),
    onArticles: (articles) => applyFilters({ ...filters, articles }),
    onDates: (range) => applyFilters({ ...filters, ...range }),
    onResetAll: () => applyFilters(createFilters()),
  });

  // The legend grows upwards from the bottom left; it stops below the notes at the top left.
  const notes = $(".canvas-notes");
  const notesObserver = new ResizeObserver(() => {
    const height = notes.offsetHeight;
    stage.style.setProperty("--notes-height", height ? `${height + 8}px` : "0px");
  });
  notesObserver.observe(notes);

  const unrelatedToggle = createUnrelatedToggle($("#unrelated"), (showUnrelated) => {
    applyFilters({ ...filters, showUnrelated });
    fit();
  });

  // Facts first: relations not stated as facts are behind this control.
  const modesToggle = createModesToggle($("#modes"), (showAllModes) => {
    applyFilters({ ...filters, showAllModes });
    fit();
  });

  legend = createLegend($("#legend"), {
    entries: legendEntries(graph, colors),
    relationEntries: relationLegendEntries(graph),
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
    extra: relationFilters.element,
  });

  let layout: FA2Layout | null = null;
  let layoutTimer: number | undefined;
  const stopLayout = () => {
    layout?.stop();
    window.clearTimeout(layoutTimer);
    toolbar.setLayoutRunning(false);
  };
  const toggleLayout = () => {
    if (layout?.isRunning()) return stopLayout();
    layout ??= new FA2Layout(graph, { settings: layoutSettings(graph.order), getEdgeWeight: null });
    layout.start();
    toolbar.setLayoutRunning(true);
    layoutTimer = window.setTimeout(stopLayout, layoutDuration(graph.order));
  };
  const exportPng = async () => {
    const { downloadAsPNG } = await import("@sigma/export-image");
    await downloadAsPNG(renderer as unknown as Parameters<typeof downloadAsPNG>[0], { fileName: "knowledge-graph", backgroundColor: "#ffffff" });
  };
  /** What passes the filters, with positions and the colours on screen. */
  const exportGexf = async () => {
    const { writeGexf } = await import("./io/gexf.ts");
    const shown = `${visibility?.nodes.size ?? graph.order} entities, ${visibility?.edges.size ?? graph.size} relations`;
    const text = writeGexf(graph, {
      visibility,
      colorOf: (_key, attrs) => nodeColor(attrs, colorMode, colors),
      description: `News knowledge graph: ${shown}${visibility ? ` (filtered from ${graph.order} and ${graph.size})` : ""}`,
    });
    downloadText(text, "knowledge-graph.gexf", "application/gexf+xml");
  };

  const onKey = (e: KeyboardEvent) => {
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
  };
  document.addEventListener("keydown", onKey);

  showFiltered();
  fit(0);
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
    labels: () => renderedLabels(renderer),
  };

  return {
    fit: () => fit(),
    toggleLayout,
    exportPng,
    exportGexf: () => void exportGexf(),
    /** Everything this graph added to the page, for the next graph to start clean. */
    dispose() {
      stopLayout();
      layout?.kill();
      renderer.kill();
      document.removeEventListener("keydown", onKey);
      notesObserver.disconnect();
      clear($("#search"));
      for (const id of ["#unrelated", "#modes"]) {
        clear($(id));
        $(id).hidden = true;
      }
      const legendEl = $("#legend");
      clear(legendEl);
      legendEl.hidden = true;
      hidePanel(panel);
      stage.classList.remove("has-panel");
      window.kgViewer = undefined;
    },
  };
}

function replaceUrl(search: string): void {
  const url = `${location.pathname}${search}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) window.history.replaceState(null, "", url);
}

void load();
