/**
 * The sigma canvas: creation, reducers wired to the pure appearance
 * functions, events, camera moves.
 */
import Sigma from "sigma";
import type { CameraState } from "sigma/types";
import { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import {
  EdgeArrowHeadProgram,
  EdgeClampedProgram,
  EdgeLineProgram,
  NodeCircleProgram,
  createEdgeCompoundProgram,
  type EdgeProgramType,
  type NodeLabelDrawingFunction,
  type NodeProgramType,
} from "sigma/rendering";
import { changedItems, drawingMode, edgeColor, edgeCurvatures, reduceEdge, reduceNode, type DrawingMode, type ViewState } from "../core/appearance/index.ts";
import { controlPoint, nearestEdge, type ScreenEdge } from "../core/picking/index.ts";
import { ratioToFit, type Area, type Extent } from "../core/camera/index.ts";
import type { PlacedLabel } from "../core/labels/index.ts";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, ViewerGraph } from "../core/types.ts";
import { installLabels, type LabelLayer } from "./labels.ts";
import { fast, unless } from "./programs.ts";

export type Renderer = Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>;

export interface GraphViewEvents {
  onClickNode: (key: string) => void;
  onClickEdge: (key: string) => void;
  onClickStage: () => void;
  onHoverNode: (key: string | null) => void;
  /** The part of the canvas the panel and legend leave open (labels stay inside it). */
  openArea: () => Area;
}

type Edges = EdgeProgramType<NodeAttributes, EdgeAttributes, GraphAttributes>;
type Nodes = NodeProgramType<NodeAttributes, EdgeAttributes, GraphAttributes>;
// The stock programs, drawn without instancing (see programs.ts).
const NodeProgram = fast(NodeCircleProgram) as unknown as Nodes;
const ArrowProgram = createEdgeCompoundProgram([fast(EdgeClampedProgram), fast(EdgeArrowHeadProgram)]) as unknown as Edges;
// The curve program is typed for untyped attributes; it reads only display data.
const CurvedProgram = fast(EdgeCurvedArrowProgram) as unknown as Edges;
const LineProgram = fast(EdgeLineProgram) as unknown as Edges;

/** The per-view state the canvas keeps besides sigma's (see refreshView). */
interface Layers {
  graph: ViewerGraph;
  mode: DrawingMode;
  container: HTMLElement;
  labels: LabelLayer;
}
const layers = new WeakMap<Renderer, Layers>();

/** Sigma's members that the edge-layer reuse needs (sigma 3.0). */
interface SigmaInternals {
  webGLContexts: Record<string, unknown>;
}

export function createGraphView(container: HTMLElement, graph: ViewerGraph, getState: () => ViewState, events: GraphViewEvents): Renderer {
  const curvatures = edgeCurvatures(graph);
  const mode = drawingMode(graph.order, graph.size);

  // Edges are the bulk of the drawing. They are left out while the camera
  // moves on big graphs, and a big graph's edge layer is kept as it is when
  // neither the camera nor the edges changed since it was drawn (a hover, a
  // selection): see `keepEdges` below.
  let view: Renderer | null = null;
  let keepEdges = false;
  const moving = () => {
    if (!view) return false;
    const captor = view.getMouseCaptor();
    return view.getCamera().isAnimated() || captor.isMoving || captor.draggedEvents > 0 || captor.currentWheelDirection !== 0;
  };
  const edgesOff = () => keepEdges || (mode.hideEdgesOnMove && moving());
  const edgePrograms: Record<string, Edges> = { arrow: ArrowProgram, line: LineProgram, curved: CurvedProgram };
  // Set once the label layer exists (it needs the renderer); sigma's first frame, in its constructor, has no highlight.
  let drawHover: NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes, GraphAttributes> | null = null;
  for (const type of Object.keys(edgePrograms)) edgePrograms[type] = unless(edgePrograms[type]!, edgesOff);

  // Sigma draws a frame in its constructor, before the camera can be set to
  // frame the graph: drawn into a container of no size it costs nothing, and
  // the first real frame is the framed one (see fitNodes, called next).
  container.style.display = "none";
  const renderer: Renderer = new Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>(graph, container, {
    allowInvalidContainer: true,
    renderEdgeLabels: true,
    // Without edge picking a click near an edge still selects it (clickStage below).
    enableEdgeEvents: mode.edgeEvents,
    zIndex: true,
    defaultEdgeType: "arrow",
    nodeProgramClasses: { circle: NodeProgram },
    edgeProgramClasses: edgePrograms,
    labelFont: 'Inter, "Segoe UI", system-ui, "DejaVu Sans", sans-serif',
    labelSize: 13,
    labelWeight: "600",
    labelColor: { color: "#111827" },
    // Which labels show, and where, is decided by views/labels.ts; these only shape sigma's unused grid.
    labelDensity: 0.6,
    labelGridCellSize: 90,
    labelRenderedSizeThreshold: 7,
    edgeLabelFont: 'Inter, "Segoe UI", system-ui, "DejaVu Sans", sans-serif',
    edgeLabelSize: 11,
    edgeLabelWeight: "500",
    edgeLabelColor: { color: "#374151" },
    defaultDrawNodeHover: (ctx, data, settings) => drawHover?.(ctx, data, settings),
    stagePadding: 40,
    // Discs keep their size when zooming in (sigma's default grows them with
    // the square root of the zoom) and shrink when zooming out: zooming into a
    // dense core spreads it out, with room for its labels.
    zoomToSizeRatioFunction: (ratio) => Math.max(1, Math.sqrt(ratio)),
    minCameraRatio: 0.03,
    maxCameraRatio: 8,
    // Sigma draws what the reducers return: only what it draws, in objects of
    // one shape (they run for every node and edge whenever the view changes;
    // a copy of all the attributes, grown by the display fields, made a full
    // refresh of a 50k-node graph several times slower).
    // `type` is the program name for sigma (in the data it is the entity type).
    nodeReducer: (key, attrs) => {
      const d = reduceNode(key, attrs, getState());
      return { x: attrs.x, y: attrs.y, size: d.size, color: d.color, label: d.label, hidden: d.hidden, forceLabel: d.forceLabel, highlighted: d.highlighted, zIndex: d.zIndex, type: "circle" };
    },
    edgeReducer: (key, attrs) => {
      const curvature = curvatures.get(key) ?? 0;
      const type = curvature ? "curved" : mode.thinEdges ? "line" : "arrow";
      const d = reduceEdge(key, attrs, graph.source(key), graph.target(key), getState());
      return { size: d.size, color: d.color, label: d.label, hidden: d.hidden, forceLabel: d.forceLabel, zIndex: d.zIndex, type, curvature };
    },
  });
  container.style.display = "";
  renderer.resize();
  view = renderer;
  const labels = installLabels(renderer, graph, getState, curvatures, events.openArea, () => mode.hideEdgesOnMove && moving(), moving);
  drawHover = labels.drawHover;
  layers.set(renderer, { graph, mode, container, labels });

  // Reusing the edge layer: sigma clears every layer before each frame; when
  // the edges would come out the same, their layer is left alone and the
  // edge programs draw nothing (edgesOff). Anything sigma reprocesses
  // (filters, colours, positions, size) counts as a change.
  if (mode.fadeByLayer) {
    let version = 0;
    let drawn: string | null = null;
    const key = () => {
      const c = renderer.getCamera().getState();
      const { width, height } = renderer.getDimensions();
      return `${version} ${c.x} ${c.y} ${c.ratio} ${c.angle} ${width} ${height}`;
    };
    renderer.on("beforeProcess", () => version++);
    const sigmaClear = renderer.clear.bind(renderer);
    renderer.clear = () => {
      keepEdges = drawn !== null && drawn === key();
      if (!keepEdges) return sigmaClear();
      const contexts = (renderer as unknown as SigmaInternals).webGLContexts;
      const edges = contexts.edges;
      contexts.edges = { bindFramebuffer() {}, clear() {} };
      try {
        return sigmaClear();
      } finally {
        contexts.edges = edges;
      }
    };
    renderer.on("afterRender", () => {
      if (!keepEdges) drawn = mode.hideEdgesOnMove && moving() ? null : key();
      keepEdges = false;
    });
  }
  if (mode.hideEdgesOnMove) {
    // The frame after a drag, with the edges back (sigma's own hideEdgesOnMove
    // would reprocess the whole graph here). Sigma stops counting the drag in
    // a timeout of its own, set before this runs.
    const captor = renderer.getMouseCaptor();
    captor.on("mouseup", () => {
      if (captor.draggedEvents > 0) setTimeout(() => renderer.scheduleRender(), 0);
    });
  }
  if (mode.fadeByLayer) drawFocusLayer(renderer, graph, curvatures, getState);
  container.classList.toggle("kg-faded", !!getState().fadeByLayer && getState().focusNeighbours !== null);

  renderer.on("clickNode", ({ node }) => events.onClickNode(node));
  renderer.on("clickEdge", ({ edge }) => events.onClickEdge(edge));
  // Thin edges are easy to miss in sigma's picking buffer: a click on the
  // stage close to an edge selects that edge.
  renderer.on("clickStage", ({ event }) => {
    const edge = edgeNear(renderer, graph, curvatures, { x: event.x, y: event.y });
    if (edge) events.onClickEdge(edge);
    else events.onClickStage();
  });
  renderer.on("enterNode", ({ node }) => {
    container.style.cursor = "pointer";
    events.onHoverNode(node);
  });
  renderer.on("leaveNode", () => {
    container.style.cursor = "";
    events.onHoverNode(null);
  });
  renderer.on("enterEdge", () => (container.style.cursor = "pointer"));
  renderer.on("leaveEdge", () => (container.style.cursor = ""));
  return renderer;
}

/** The labels drawn in the last frame (the browser tests read them). */
export function renderedLabels(renderer: Renderer): { nodes: PlacedLabel[]; edges: PlacedLabel[] } {
  const labels = layers.get(renderer)?.labels;
  return { nodes: labels?.nodeLabels() ?? [], edges: labels?.edgeLabels() ?? [] };
}

/**
 * Draws what changed between two view states. On a big graph faded by layer
 * that is the focus neighbourhood only; elsewhere every node and edge.
 */
export function refreshView(renderer: Renderer, prev: ViewState, next: ViewState): void {
  const view = layers.get(renderer);
  if (!view) return void renderer.refresh({ skipIndexation: true });
  view.container.classList.toggle("kg-faded", !!next.fadeByLayer && next.focusNeighbours !== null);
  const changed = changedItems(view.graph, prev, next);
  renderer.refresh(changed ? { partialGraph: changed, skipIndexation: true } : { skipIndexation: true });
}

/**
 * A big graph's focus, above its faded layers (styles.css, `.kg-faded`): the
 * focus node's edges and the selected edge drawn on a canvas of their own;
 * its neighbours are sigma's highlighted nodes, drawn on sigma's top layer.
 */
function drawFocusLayer(renderer: Renderer, graph: ViewerGraph, curvatures: Map<string, number>, getState: () => ViewState): void {
  const canvas = renderer.createCanvas("focusEdges", { afterLayer: "edges" });
  const ctx = canvas.getContext("2d")!;
  const fit = () => {
    const { width, height } = renderer.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    Object.assign(canvas.style, { width: `${width}px`, height: `${height}px` });
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    ctx.scale(ratio, ratio);
  };
  fit();
  renderer.on("resize", fit);
  renderer.on("afterRender", () => {
    const { width, height } = renderer.getDimensions();
    ctx.clearRect(0, 0, width, height);
    const state = getState();
    if (!state.focusNeighbours) return;
    const edges = new Set<string>();
    if (state.focus !== null && graph.hasNode(state.focus)) {
      graph.forEachEdge(state.focus, (edge) => void ((!state.visibleEdges || state.visibleEdges.has(edge)) && edges.add(edge)));
    }
    if (state.selectedEdge !== null && graph.hasEdge(state.selectedEdge)) edges.add(state.selectedEdge);
    for (const edge of edges) {
      const [source, target] = graph.extremities(edge);
      const s = renderer.getNodeDisplayData(source);
      const t = renderer.getNodeDisplayData(target);
      const e = renderer.getEdgeDisplayData(edge);
      if (!s || !t || !e || s.hidden || t.hidden || e.hidden || source === target) continue;
      const thickness = renderer.scaleSize(e.size + (edge === state.selectedEdge ? 1.5 : 0));
      // The strong colour of the edge's relation group, as on a small graph.
      ctx.strokeStyle = ctx.fillStyle = edgeColor(graph.getEdgeAttributes(edge), true);
      drawArrow(ctx, renderer.framedGraphToViewport(s), renderer.framedGraphToViewport(t), renderer.scaleSize(t.size), curvatures.get(edge) ?? 0, thickness);
    }
  });
}

/** An edge as sigma draws it: a line or a curve ending in an arrow head at the border of the target. */
function drawArrow(ctx: CanvasRenderingContext2D, a: { x: number; y: number }, b: { x: number; y: number }, targetRadius: number, curvature: number, thickness: number): void {
  const c = curvature ? controlPoint({ key: "", source: a, target: b, curvature }) : a;
  // The head points along the last stretch of the curve (or the line).
  const dx = b.x - c.x;
  const dy = b.y - c.y;
  const length = Math.hypot(dx, dy);
  if (length < 1e-6) return;
  const ux = dx / length;
  const uy = dy / length;
  // Proportions matched by eye to sigma's arrow program at the same edge size.
  const headLength = thickness * 2.4;
  const headWidth = thickness * 0.95;
  const tip = { x: b.x - ux * targetRadius, y: b.y - uy * targetRadius };
  const base = { x: tip.x - ux * headLength, y: tip.y - uy * headLength };
  ctx.lineWidth = thickness * 0.6;
  ctx.beginPath();
  ctx.moveTo(a.x, a.y);
  if (curvature) ctx.quadraticCurveTo(c.x, c.y, base.x, base.y);
  else ctx.lineTo(base.x, base.y);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(tip.x, tip.y);
  ctx.lineTo(base.x - uy * headWidth, base.y + ux * headWidth);
  ctx.lineTo(base.x + uy * headWidth, base.y - ux * headWidth);
  ctx.closePath();
  ctx.fill();
}

function edgeNear(renderer: Renderer, graph: ViewerGraph, curvatures: Map<string, number>, point: { x: number; y: number }): string | null {
  const screen = (node: string) => {
    const d = renderer.getNodeDisplayData(node);
    return d && !d.hidden ? renderer.framedGraphToViewport(d) : null;
  };
  const edges: ScreenEdge[] = [];
  graph.forEachEdge((key, _attrs, source, target) => {
    if (renderer.getEdgeDisplayData(key)?.hidden) return;
    const s = screen(source);
    const t = screen(target);
    if (s && t) edges.push({ key, source: s, target: t, curvature: curvatures.get(key) ?? 0 });
  });
  return nearestEdge(point, edges, 6);
}

/** A camera state with its `x`/`y` moved so that what it centres lands in the middle of `free` instead of the canvas. */
function centreIn(renderer: Renderer, target: CameraState, free: Area | null): CameraState {
  if (!free) return target;
  const { width, height } = renderer.getDimensions();
  const centre = { x: width / 2, y: height / 2 };
  const want = { x: free.x + free.width / 2, y: free.y + free.height / 2 };
  const a = renderer.viewportToFramedGraph(centre, { cameraState: target });
  const b = renderer.viewportToFramedGraph({ x: 2 * centre.x - want.x, y: 2 * centre.y - want.y }, { cameraState: target });
  return { ...target, x: target.x + b.x - a.x, y: target.y + b.y - a.y };
}

/**
 * Moves the camera to a node and frames its neighbours around it (the node
 * in the middle, so it is where the eye expects it). `free` is the part of
 * the canvas not covered by the side panel (viewport pixels): the node is
 * centred in it rather than hidden under the panel. A node with no shown
 * neighbour is zoomed to, if the view is far out.
 */
export function focusNode(renderer: Renderer, key: string, neighbours: Iterable<string> = [], free: Area | null = null, duration = 500): void {
  const pos = renderer.getNodeDisplayData(key);
  if (!pos) return;
  const camera = renderer.getCamera();
  const graph = renderer.getGraph();
  const at = graph.getNodeAttributes(key);
  let dx = 0;
  let dy = 0;
  for (const n of neighbours) {
    if (n === key || !graph.hasNode(n)) continue;
    const a = graph.getNodeAttributes(n);
    dx = Math.max(dx, Math.abs(a.x - at.x));
    dy = Math.max(dy, Math.abs(a.y - at.y));
  }
  const area = free ?? { x: 0, y: 0, ...renderer.getDimensions() };
  const ratio =
    dx > 0 || dy > 0
      ? Math.min(1, cameraFor(renderer, { minX: at.x - dx, maxX: at.x + dx, minY: at.y - dy, maxY: at.y + dy }, area, 0.03).ratio)
      : Math.min(camera.ratio, 0.5);
  camera.animate(centreIn(renderer, { ...camera.getState(), x: pos.x, y: pos.y, ratio }, free), { duration });
}

/** Room left around the fitted nodes, in pixels: their discs and the labels beside them. */
const FIT_PADDING = 48;

/**
 * Frames `extent` (graph coordinates; null: the whole graph) in `free`, the
 * part of the canvas that the legend and the panel leave open. Sigma's own
 * "ratio 1" frames every node, hidden ones included; the extent is of the
 * nodes shown. `duration` 0 sets the camera at once (the first view).
 */
export function fitNodes(renderer: Renderer, extent: Extent | null, free: Area, duration = 400): void {
  const camera = renderer.getCamera();
  const target = extent ? cameraFor(renderer, extent, free, 0.25) : { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  if (duration > 0) camera.animate(target, { duration });
  else camera.setState(target);
}

/** The camera state that frames `extent` (graph coordinates) in `free`, zoomed in no closer than `closest`. */
function cameraFor(renderer: Renderer, extent: Extent, free: Area, closest: number): CameraState {
  const unit: CameraState = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  const centre = renderer.graphToViewport({ x: (extent.minX + extent.maxX) / 2, y: (extent.minY + extent.maxY) / 2 }, { cameraState: unit });
  const framed = renderer.viewportToFramedGraph(centre, { cameraState: unit });
  const atOne: CameraState = { x: framed.x, y: framed.y, ratio: 1, angle: 0 };
  const a = renderer.graphToViewport({ x: extent.minX, y: extent.minY }, { cameraState: atOne });
  const b = renderer.graphToViewport({ x: extent.maxX, y: extent.maxY }, { cameraState: atOne });
  const ratio = ratioToFit({ width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) }, free, FIT_PADDING, closest);
  return centreIn(renderer, { ...atOne, ratio }, free);
}
