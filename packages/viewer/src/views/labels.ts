/**
 * Node and edge labels drawn by our placement (core/labels) instead of
 * sigma's label grid: sigma's `renderLabels` and `renderEdgeLabels` are
 * replaced on the renderer (sigma 3.0 calls them on every frame, after the
 * WebGL layers). Labels of highlighted nodes (the hovered or selected node;
 * on a big graph faded by layer, its whole neighbourhood) are drawn by
 * `drawHover`, on sigma's hover layer above everything, at the place the
 * placement chose for them.
 */
import type { NodeLabelDrawingFunction } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { ViewState } from "../core/appearance/index.ts";
import type { Area } from "../core/camera/index.ts";
import { LabelSpace, labelPriority, placeEdgeLabel, placeLabels, type LabelRequest, type PlacedLabel } from "../core/labels/index.ts";
import { controlPoint } from "../core/picking/index.ts";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, ViewerGraph } from "../core/types.ts";
import type { Renderer } from "./graph-view.ts";

type ViewerSettings = Settings<NodeAttributes, EdgeAttributes, GraphAttributes>;

/**
 * Sigma's members the label pass replaces or reads (sigma 3.0). The node
 * data cache is read directly: `getNodeDisplayData` copies the object, and
 * the pass looks at every node on every frame (50,000 on the biggest graphs).
 */
interface SigmaLabelInternals {
  renderLabels(): unknown;
  renderEdgeLabels(): unknown;
  displayedNodeLabels: Set<string>;
  displayedEdgeLabels: Set<string>;
  canvasContexts: { labels: CanvasRenderingContext2D; edgeLabels: CanvasRenderingContext2D };
  nodeDataCache: Record<string, { x: number; y: number; size: number; label: string | null; hidden: boolean; forceLabel: boolean; highlighted: boolean }>;
}

export interface LabelLayer {
  /** The node labels drawn in the last frame, with their boxes (viewport pixels). */
  nodeLabels(): PlacedLabel[];
  /** The edge labels drawn in the last frame. */
  edgeLabels(): PlacedLabel[];
  /** For sigma's `defaultDrawNodeHover`: a highlighted node's halo and label, where the placement put it. */
  drawHover: NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes, GraphAttributes>;
}

const PADDING = 2;
/** The most important entities on screen that may cover lesser, unlabelled nodes when nothing else is free (core/labels). */
const COVER_LESSER = 30;
/**
 * At most one label (beyond the forced ones) per this many square pixels of
 * open canvas, about 60 on a laptop screen: more reads as a wall of text,
 * and every label is drawn again on every frame.
 */
const AREA_PER_LABEL = 12_000;
const LABEL_BACKGROUND = "rgba(255,255,255,0.86)";
const LABEL_COLOR = "#111827";

/**
 * Labels: text on a light background that hides the edges under it. The
 * backgrounds are one path, filled once (software canvases pay per call).
 */
function drawPlaced(ctx: CanvasRenderingContext2D, labels: ReadonlyArray<{ p: PlacedLabel; text: string }>, font: string, color: string, background: string): void {
  if (!labels.length) return;
  ctx.strokeStyle = "#6b7280";
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const { p } of labels) {
    if (!p.leader) continue;
    ctx.moveTo(p.leader.x1, p.leader.y1);
    ctx.lineTo(p.leader.x2, p.leader.y2);
  }
  ctx.stroke();
  ctx.fillStyle = background;
  ctx.beginPath();
  for (const { p } of labels) ctx.roundRect(p.box.x1, p.box.y1, p.box.x2 - p.box.x1, p.box.y2 - p.box.y1, 3);
  ctx.fill();
  ctx.font = font;
  ctx.fillStyle = color;
  ctx.textBaseline = "middle";
  for (const { p, text } of labels) ctx.fillText(text, p.textX, p.textY);
}

/**
 * `openArea` is the part of the canvas the panel and legend leave open
 * (viewport pixels): labels are kept inside it, not slid under a card.
 */
export function installLabels(
  renderer: Renderer,
  graph: ViewerGraph,
  getState: () => ViewState,
  curvatures: Map<string, number>,
  openArea: () => Area,
  /** True while the camera moves on a big graph: no labels then, as no edges (DrawingMode.hideEdgesOnMove). */
  skip: () => boolean = () => false,
  /** True while the camera moves (pan, zoom, drag). */
  moving: () => boolean = () => false,
): LabelLayer {
  const sigma = renderer as unknown as SigmaLabelInternals;
  let priority: string[] | null = null;
  const widthsByFont = new Map<string, Map<string, number>>();
  let nodePlaced = new Map<string, PlacedLabel>();
  let edgePlaced: Array<{ placed: PlacedLabel; text: string }> = [];
  let space = new LabelSpace();
  // renderEdgeLabels also runs alone, on sigma's own hover frames: it then redraws the last placement.
  let fresh = false;
  // While the camera moves the labels of the last still frame follow their
  // nodes (placing them costs tens of milliseconds a frame on a big graph);
  // the frame after the move places them again.
  let anchors = new Map<string, { x: number; y: number }>();
  let placedFor: ViewState | null = null;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let edgesHidden = false;

  renderer.on("kill", () => clearTimeout(settle));

  const nodeFont = (s: ViewerSettings) => `${s.labelWeight} ${s.labelSize}px ${s.labelFont}`;
  const edgeFont = (s: ViewerSettings) => `${s.edgeLabelWeight} ${s.edgeLabelSize}px ${s.edgeLabelFont}`;
  // Text widths, by font, then text.
  const measure = (ctx: CanvasRenderingContext2D, font: string, text: string) => {
    let widths = widthsByFont.get(font);
    if (!widths) widthsByFont.set(font, (widths = new Map()));
    let w = widths.get(text);
    if (w === undefined) {
      ctx.font = font;
      w = ctx.measureText(text).width;
      widths.set(text, w);
    }
    return w;
  };

  sigma.renderLabels = () => {
    const settings = renderer.getSettings();
    if (!settings.renderLabels) return renderer;
    if (skip()) {
      nodePlaced = new Map();
      placedFor = null;
      sigma.displayedNodeLabels = new Set();
      fresh = true;
      return renderer;
    }
    const ctx = sigma.canvasContexts.labels;
    const font = nodeFont(settings);
    const { width, height } = renderer.getDimensions();
    const state = getState();
    priority ??= labelPriority(graph);
    const order = priority;
    // Framed graph to viewport is affine: three points give it, then no call (and no object) per node.
    const o = renderer.framedGraphToViewport({ x: 0, y: 0 });
    const ex = renderer.framedGraphToViewport({ x: 1, y: 0 });
    const ey = renderer.framedGraphToViewport({ x: 0, y: 1 });
    const [ax, ay, bx, by] = [ex.x - o.x, ex.y - o.y, ey.x - o.x, ey.y - o.y];
    const scale = renderer.scaleSize(1);
    const cache = sigma.nodeDataCache;
    if (moving() && placedFor === state) {
      const moved = new Map<string, PlacedLabel>();
      const drawnNow: Array<{ p: PlacedLabel; text: string }> = [];
      for (const [key, p] of nodePlaced) {
        const d = cache[key];
        const a = anchors.get(key);
        if (!d || !a || d.hidden || !d.label) continue;
        const dx = o.x + d.x * ax + d.y * bx - a.x;
        const dy = o.y + d.x * ay + d.y * by - a.y;
        const q: PlacedLabel = {
          ...p,
          box: { x1: p.box.x1 + dx, y1: p.box.y1 + dy, x2: p.box.x2 + dx, y2: p.box.y2 + dy },
          textX: p.textX + dx,
          textY: p.textY + dy,
          ...(p.leader ? { leader: { x1: p.leader.x1 + dx, y1: p.leader.y1 + dy, x2: p.leader.x2 + dx, y2: p.leader.y2 + dy } } : {}),
        };
        moved.set(key, q);
        if (!d.highlighted) drawnNow.push({ p: q, text: d.label });
      }
      drawPlaced(ctx, drawnNow, font, LABEL_COLOR, LABEL_BACKGROUND);
      for (const [key, q] of moved) {
        const p = nodePlaced.get(key)!;
        anchors.set(key, { x: anchors.get(key)!.x + q.textX - p.textX, y: anchors.get(key)!.y + q.textY - p.textY });
      }
      nodePlaced = moved;
      edgesHidden = true;
      clearTimeout(settle);
      settle = setTimeout(() => !moving() && renderer.scheduleRender(), 120);
      return renderer;
    }
    edgesHidden = false;
    space = new LabelSpace(width, height);
    const request = (key: string, rank: number): LabelRequest | null => {
      const d = cache[key];
      if (!d || d.hidden || !d.label) return null;
      const x = o.x + d.x * ax + d.y * bx;
      const y = o.y + d.x * ay + d.y * by;
      const radius = d.size * scale;
      if (x < -radius || y < -radius || x > width + radius || y > height + radius) return null;
      const label = d.label;
      // Measured only if the placement gets to it (it stops at the label budget), once.
      let measured: number | undefined;
      return { key, x, y, radius, rank, forced: d.forceLabel || d.highlighted, get width() { return (measured ??= measure(ctx, font, label)); } };
    };
    // Every disc on screen; around a focus the rest is faded (or, on a big
    // graph, the whole canvas), so only the neighbourhood is in the way.
    const first: LabelRequest[] = [];
    const forced: LabelRequest[] = [];
    for (let rank = 0; rank < order.length; rank++) {
      const key = order[rank]!;
      const d = cache[key];
      if (!d || d.hidden) continue;
      const x = o.x + d.x * ax + d.y * bx;
      const y = o.y + d.x * ay + d.y * by;
      const radius = d.size * scale;
      if (x < -radius || y < -radius || x > width + radius || y > height + radius) continue;
      if (!state.focusNeighbours || d.forceLabel || d.highlighted) space.addDiscAt(key, x, y, radius + 1, rank);
      if (!(d.forceLabel || d.highlighted)) continue;
      const r = request(key, rank);
      if (!r) continue;
      if (key === state.selectedNode || key === state.focus || key === state.candidate) first.push(r);
      else forced.push(r);
    }
    function* candidates(): Generator<LabelRequest> {
      yield* first;
      yield* forced;
      for (let rank = 0; rank < order.length; rank++) {
        const r = request(order[rank]!, rank);
        if (r && !r.forced) yield r;
      }
    }
    const open = openArea();
    const bounds = { x1: open.x, y1: open.y, x2: open.x + open.width, y2: open.y + open.height };
    const maxLabels = Math.max(10, Math.round((open.width * open.height) / AREA_PER_LABEL));
    const placed = placeLabels(candidates(), space, { bounds, fontSize: settings.labelSize, padding: PADDING, coverLesser: COVER_LESSER, maxLabels });
    nodePlaced = new Map(placed.map((p) => [p.key, p]));
    anchors = new Map(placed.map((p) => {
      const d = cache[p.key]!;
      return [p.key, { x: o.x + d.x * ax + d.y * bx, y: o.y + d.x * ay + d.y * by }];
    }));
    placedFor = state;
    sigma.displayedNodeLabels = new Set(nodePlaced.keys());
    const drawn: Array<{ p: PlacedLabel; text: string }> = [];
    for (const p of placed) {
      const d = cache[p.key]!;
      if (!d.highlighted) drawn.push({ p, text: d.label! });
    }
    drawPlaced(ctx, drawn, font, LABEL_COLOR, LABEL_BACKGROUND);
    fresh = true;
    return renderer;
  };

  sigma.renderEdgeLabels = () => {
    const settings = renderer.getSettings();
    const ctx = sigma.canvasContexts.edgeLabels;
    const { width, height } = renderer.getDimensions();
    ctx.clearRect(0, 0, width, height);
    if (!settings.renderEdgeLabels || edgesHidden) return renderer;
    const font = edgeFont(settings);
    if (fresh) {
      fresh = false;
      edgePlaced = [];
      const state = getState();
      const edges = new Set<string>();
      if (state.selectedEdge !== null && graph.hasEdge(state.selectedEdge)) edges.add(state.selectedEdge);
      if (state.focus !== null && graph.hasNode(state.focus)) graph.forEachEdge(state.focus, (e) => void edges.add(e));
      for (const edge of edges) {
        const e = renderer.getEdgeDisplayData(edge);
        if (!e || e.hidden || !e.label || !e.forceLabel) continue;
        const [s, t] = graph.extremities(edge);
        const sd = renderer.getNodeDisplayData(s);
        const td = renderer.getNodeDisplayData(t);
        if (!sd || !td || sd.hidden || td.hidden || s === t) continue;
        const source = renderer.framedGraphToViewport(sd);
        const target = renderer.framedGraphToViewport(td);
        const curvature = curvatures.get(edge) ?? 0;
        const via = curvature ? controlPoint({ key: edge, source, target, curvature }) : undefined;
        const placed = placeEdgeLabel(
          { key: edge, source, target, ...(via ? { via } : {}), ends: [s, t], width: measure(ctx, font, e.label), forced: edge === state.selectedEdge },
          space,
          { fontSize: settings.edgeLabelSize, padding: PADDING },
        );
        if (placed) edgePlaced.push({ placed, text: e.label });
      }
      sigma.displayedEdgeLabels = new Set(edgePlaced.map((p) => p.placed.key));
    }
    drawPlaced(ctx, edgePlaced.map(({ placed, text }) => ({ p: placed, text })), font, "#374151", "rgba(255,255,255,0.92)");
    return renderer;
  };

  const drawHover: LabelLayer["drawHover"] = (ctx, data, settings) => {
    ctx.save();
    ctx.shadowColor = "rgba(0,0,0,0.35)";
    ctx.shadowBlur = 6;
    ctx.fillStyle = "#fff";
    ctx.beginPath();
    ctx.arc(data.x, data.y, data.size + 2, 0, Math.PI * 2);
    ctx.fill();
    const p = nodePlaced.get(data.key);
    if (p && data.label) drawPlaced(ctx, [{ p, text: data.label }], nodeFont(settings), LABEL_COLOR, "#fff");
    ctx.restore();
  };

  return {
    nodeLabels: () => [...nodePlaced.values()],
    edgeLabels: () => edgePlaced.map((p) => p.placed),
    drawHover,
  };
}
