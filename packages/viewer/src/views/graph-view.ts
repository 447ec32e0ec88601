/**
 * The sigma canvas: creation, reducers wired to the pure appearance
 * functions, events, camera moves.
 */
import Sigma from "sigma";
import { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import type { EdgeProgramType, NodeLabelDrawingFunction } from "sigma/rendering";
import { edgeCurvatures, reduceEdge, reduceNode, type ViewState } from "../core/appearance/index.ts";
import { nearestEdge, type ScreenEdge } from "../core/picking/index.ts";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, ViewerGraph } from "../core/types.ts";

export type Renderer = Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>;

export interface GraphViewEvents {
  onClickNode: (key: string) => void;
  onClickEdge: (key: string) => void;
  onClickStage: () => void;
  onHoverNode: (key: string | null) => void;
}

/** Labels with a white halo, so they stay readable over edges and other nodes. */
const drawLabel: NodeLabelDrawingFunction<NodeAttributes, EdgeAttributes, GraphAttributes> = (ctx, data, settings) => {
  if (!data.label) return;
  const size = settings.labelSize;
  ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const x = data.x + data.size + 4;
  const y = data.y + size / 3;
  ctx.lineJoin = "round";
  ctx.lineWidth = 4;
  ctx.strokeStyle = "rgba(255,255,255,0.92)";
  ctx.strokeText(data.label, x, y);
  ctx.fillStyle = "#111827";
  ctx.fillText(data.label, x, y);
};

export function createGraphView(container: HTMLElement, graph: ViewerGraph, getState: () => ViewState, events: GraphViewEvents): Renderer {
  const curvatures = edgeCurvatures(graph);
  const renderer: Renderer = new Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>(graph, container, {
    allowInvalidContainer: true,
    renderEdgeLabels: true,
    enableEdgeEvents: true,
    zIndex: true,
    defaultEdgeType: "arrow",
    // The curve program is typed for untyped attributes; it reads only display data.
    edgeProgramClasses: { curved: EdgeCurvedArrowProgram as unknown as EdgeProgramType<NodeAttributes, EdgeAttributes, GraphAttributes> },
    labelFont: 'Inter, "Segoe UI", system-ui, "DejaVu Sans", sans-serif',
    labelSize: 13,
    labelWeight: "600",
    labelColor: { color: "#111827" },
    labelDensity: 0.6,
    labelGridCellSize: 90,
    labelRenderedSizeThreshold: 7,
    edgeLabelFont: 'Inter, "Segoe UI", system-ui, "DejaVu Sans", sans-serif',
    edgeLabelSize: 11,
    edgeLabelWeight: "500",
    edgeLabelColor: { color: "#374151" },
    defaultDrawNodeLabel: drawLabel,
    stagePadding: 40,
    minCameraRatio: 0.03,
    maxCameraRatio: 8,
    // Sigma draws what the reducers return, so they start from the attributes.
    // `type` is the entity type in the data but the program name for sigma.
    nodeReducer: (key, attrs) => ({ ...attrs, ...reduceNode(key, attrs, getState()), type: "circle" }),
    edgeReducer: (key, attrs) => {
      const source = graph.source(key);
      const target = graph.target(key);
      const curvature = curvatures.get(key) ?? 0;
      return { ...attrs, ...reduceEdge(key, attrs, source, target, getState()), type: curvature ? "curved" : "arrow", curvature };
    },
  });

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

/**
 * Moves the camera to a node, zooming in if the view is far out. `free` is
 * the part of the canvas not covered by the side panel (viewport pixels):
 * the node is centred in it rather than hidden under the panel.
 */
export function focusNode(
  renderer: Renderer,
  key: string,
  free: { x: number; y: number; width: number; height: number } | null = null,
  duration = 500,
): void {
  const pos = renderer.getNodeDisplayData(key);
  if (!pos) return;
  const camera = renderer.getCamera();
  const target = { ...camera.getState(), x: pos.x, y: pos.y, ratio: Math.min(camera.ratio, 0.5) };
  if (free) {
    const { width, height } = renderer.getDimensions();
    const centre = { x: width / 2, y: height / 2 };
    const want = { x: free.x + free.width / 2, y: free.y + free.height / 2 };
    const a = renderer.viewportToFramedGraph(centre, { cameraState: target });
    const b = renderer.viewportToFramedGraph({ x: 2 * centre.x - want.x, y: 2 * centre.y - want.y }, { cameraState: target });
    target.x += b.x - a.x;
    target.y += b.y - a.y;
  }
  camera.animate(target, { duration });
}

export function fitView(renderer: Renderer, duration = 400): void {
  renderer.getCamera().animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration });
}
