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
import { LabelSpace, labelPriority, placeEdgeLabel, placeLabels, type Box, type LabelRequest, type PlacedLabel } from "../core/labels/index.ts";
import { controlPoint } from "../core/picking/index.ts";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, ViewerGraph } from "../core/types.ts";
import type { Renderer } from "./graph-view.ts";

type ViewerSettings = Settings<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Sigma's members the label pass replaces or reads (sigma 3.0). */
interface SigmaLabelInternals {
  renderLabels(): unknown;
  renderEdgeLabels(): unknown;
  displayedNodeLabels: Set<string>;
  displayedEdgeLabels: Set<string>;
  canvasContexts: { labels: CanvasRenderingContext2D; edgeLabels: CanvasRenderingContext2D };
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
const LABEL_BACKGROUND = "rgba(255,255,255,0.86)";
const LABEL_COLOR = "#111827";

function roundRect(ctx: CanvasRenderingContext2D, b: Box, radius: number): void {
  ctx.beginPath();
  ctx.roundRect(b.x1, b.y1, b.x2 - b.x1, b.y2 - b.y1, radius);
}

/** A label: text on a light background that hides the edges under it. */
function drawPlaced(ctx: CanvasRenderingContext2D, p: PlacedLabel, text: string, font: string, color: string, background: string): void {
  if (p.leader) {
    ctx.strokeStyle = "#6b7280";
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(p.leader.x1, p.leader.y1);
    ctx.lineTo(p.leader.x2, p.leader.y2);
    ctx.stroke();
  }
  ctx.font = font;
  ctx.fillStyle = background;
  roundRect(ctx, p.box, 3);
  ctx.fill();
  ctx.fillStyle = color;
  ctx.textBaseline = "middle";
  ctx.fillText(text, p.textX, p.textY);
}

/**
 * `openArea` is the part of the canvas the panel and legend leave open
 * (viewport pixels): labels are kept inside it, not slid under a card.
 */
export function installLabels(renderer: Renderer, graph: ViewerGraph, getState: () => ViewState, curvatures: Map<string, number>, openArea: () => Area): LabelLayer {
  const sigma = renderer as unknown as SigmaLabelInternals;
  let priority: string[] | null = null;
  const widths = new Map<string, number>();
  let nodePlaced = new Map<string, PlacedLabel>();
  let edgePlaced: Array<{ placed: PlacedLabel; text: string }> = [];
  let space = new LabelSpace();
  // renderEdgeLabels also runs alone, on sigma's own hover frames: it then redraws the last placement.
  let fresh = false;

  const nodeFont = (s: ViewerSettings) => `${s.labelWeight} ${s.labelSize}px ${s.labelFont}`;
  const edgeFont = (s: ViewerSettings) => `${s.edgeLabelWeight} ${s.edgeLabelSize}px ${s.edgeLabelFont}`;
  const measure = (ctx: CanvasRenderingContext2D, font: string, text: string) => {
    const id = `${font}\u0000${text}`;
    let w = widths.get(id);
    if (w === undefined) {
      ctx.font = font;
      w = ctx.measureText(text).width;
      widths.set(id, w);
    }
    return w;
  };

  sigma.renderLabels = () => {
    const settings = renderer.getSettings();
    if (!settings.renderLabels) return renderer;
    const ctx = sigma.canvasContexts.labels;
    const font = nodeFont(settings);
    const { width, height } = renderer.getDimensions();
    const state = getState();
    priority ??= labelPriority(graph);
    space = new LabelSpace();
    const first: LabelRequest[] = [];
    const forced: LabelRequest[] = [];
    const rest: LabelRequest[] = [];
    for (let rank = 0; rank < priority.length; rank++) {
      const key = priority[rank]!;
      const d = renderer.getNodeDisplayData(key);
      if (!d || d.hidden) continue;
      const p = renderer.framedGraphToViewport(d);
      const radius = renderer.scaleSize(d.size);
      if (p.x < -radius || p.y < -radius || p.x > width + radius || p.y > height + radius) continue;
      // Around a focus the rest is faded (or, on a big graph, the whole canvas): only the neighbourhood is in the way.
      if (!state.focusNeighbours || state.focusNeighbours.has(key) || key === state.focus || key === state.selectedNode) space.addDisc({ key, x: p.x, y: p.y, radius: radius + 1, rank });
      if (!d.label) continue;
      const request: LabelRequest = { key, x: p.x, y: p.y, radius, rank, width: measure(ctx, font, d.label), forced: d.forceLabel || d.highlighted };
      if (key === state.selectedNode || key === state.focus || key === state.candidate) first.push(request);
      else (request.forced ? forced : rest).push(request);
    }
    const open = openArea();
    const bounds = { x1: open.x, y1: open.y, x2: open.x + open.width, y2: open.y + open.height };
    const placed = placeLabels([...first, ...forced, ...rest], space, { bounds, fontSize: settings.labelSize, padding: PADDING, coverLesser: COVER_LESSER });
    nodePlaced = new Map(placed.map((p) => [p.key, p]));
    sigma.displayedNodeLabels = new Set(nodePlaced.keys());
    for (const p of placed) {
      const d = renderer.getNodeDisplayData(p.key)!;
      if (!d.highlighted) drawPlaced(ctx, p, d.label!, font, LABEL_COLOR, LABEL_BACKGROUND);
    }
    fresh = true;
    return renderer;
  };

  sigma.renderEdgeLabels = () => {
    const settings = renderer.getSettings();
    const ctx = sigma.canvasContexts.edgeLabels;
    const { width, height } = renderer.getDimensions();
    ctx.clearRect(0, 0, width, height);
    if (!settings.renderEdgeLabels) return renderer;
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
    for (const { placed, text } of edgePlaced) drawPlaced(ctx, placed, text, font, "#374151", "rgba(255,255,255,0.92)");
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
    if (p && data.label) drawPlaced(ctx, p, data.label, nodeFont(settings), LABEL_COLOR, "#fff");
    ctx.restore();
  };

  return {
    nodeLabels: () => [...nodePlaced.values()],
    edgeLabels: () => edgePlaced.map((p) => p.placed),
    drawHover,
  };
}
