/**
 * Which node labels to draw and where. Sigma's label grid keeps the biggest
 * nodes of each grid cell and draws their labels at the right of the disc,
 * whatever is there: labels ran over each other ("United Kingdom" over "U2")
 * and over other nodes, and big leaves won over hubs. Here candidates come
 * in order of importance (degree, then PageRank), and each gets the first
 * side of its disc (right, left, below, above) where the label covers no
 * other label and no node disc; when there is none it is not drawn. Forced
 * labels (the selection, its neighbours, the hovered node) come first and are
 * always drawn: on a free side, else slid along a side to a free place with a
 * leader line, else where they cover the least.
 *
 * One exception, so that the most important entities are named at every
 * zoom: the first `coverLesser` candidates, when no side is free, may cover
 * the discs of unlabelled nodes ranked after them (never a label, a labelled
 * node, or a node ranked before). Without it a dense core, such as the BBC
 * graph's at the fitted view (about 60 nodes under any label-sized box),
 * would show no name at all while the sparse rings around it were labelled.
 */
import type { ViewerGraph } from "../types.ts";
import { LabelSpace, type Box, type Disc } from "./space.ts";

export * from "./space.ts";

export type Side = "right" | "left" | "below" | "above";
const SIDES: readonly Side[] = ["right", "left", "below", "above"];

export interface LabelRequest {
  key: string;
  /** Node centre and disc radius, viewport pixels. */
  x: number;
  y: number;
  radius: number;
  /** Text width, pixels. */
  width: number;
  forced: boolean;
  /** Place in the order of importance, as given to the discs. */
  rank?: number;
}

export interface PlacedLabel {
  key: string;
  side: Side;
  /** The area the label takes (text and its background). */
  box: Box;
  /** Where the text starts: left end, vertical middle. */
  textX: number;
  textY: number;
  /** A forced label moved off its disc's side: a line from the disc to it says whose it is. */
  leader?: { x1: number; y1: number; x2: number; y2: number };
}

export interface PlacementOptions {
  /** The part of the viewport open to labels (the panel and legend cover the rest): labels that are not forced stay inside it. */
  bounds: Box;
  /** Text size in pixels; the box is a little taller. */
  fontSize: number;
  /** Space between a disc and its label. */
  gap?: number;
  /** Background padding around the text, pixels. */
  padding?: number;
  /** Labels at most (beyond the forced ones). */
  maxLabels?: number;
  /** How many of the first candidates that are not forced may cover lesser discs (see above). */
  coverLesser?: number;
  /**
   * Candidates that are not forced tried at most: in a crowded view most find
   * no free side, and trying all 50,000 nodes of a big graph on every frame
   * costs more than the frame; the first ones are the most important anyway.
   */
  maxTries?: number;
}

/**
 * Entities in the order they deserve a label: most relations first, then
 * PageRank, then mentions; the key breaks ties so the order is stable.
 */
export function labelPriority(graph: ViewerGraph): string[] {
  // Numbers in flat arrays and one sort of indices: this runs before the first frame of a 50,000-node graph.
  const keys = graph.nodes();
  const n = keys.length;
  const degree = new Float64Array(n);
  const pagerank = new Float64Array(n);
  const mentions = new Float64Array(n);
  keys.forEach((key, i) => {
    const a = graph.getNodeAttributes(key);
    degree[i] = Number.isFinite(a.degree) && a.degree > 0 ? a.degree : graph.degree(key);
    pagerank[i] = Number.isFinite(a.pagerank) ? a.pagerank : 0;
    mentions[i] = Number.isFinite(a.mentions) ? a.mentions : 0;
  });
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((i, j) => degree[j]! - degree[i]! || pagerank[j]! - pagerank[i]! || mentions[j]! - mentions[i]! || (keys[i]! < keys[j]! ? -1 : 1));
  return order.map((i) => keys[i]!);
}

/** The box of a label on one side of its disc. */
export function labelBox(r: LabelRequest, side: Side, o: Required<Pick<PlacementOptions, "fontSize" | "gap" | "padding">>): PlacedLabel {
  const h = o.fontSize + 2 * o.padding;
  const w = r.width + 2 * o.padding;
  let x1: number;
  let y1: number;
  if (side === "right" || side === "left") {
    x1 = side === "right" ? r.x + r.radius + o.gap : r.x - r.radius - o.gap - w;
    y1 = r.y - h / 2;
  } else {
    x1 = r.x - w / 2;
    y1 = side === "below" ? r.y + r.radius + o.gap : r.y - r.radius - o.gap - h;
  }
  const box = { x1, y1, x2: x1 + w, y2: y1 + h };
  return { key: r.key, side, box, textX: x1 + o.padding, textY: y1 + h / 2 };
}

/**
 * A forced label slid along its side by `steps` label heights (up or down
 * beside the disc, left or right above and below it), with a leader line from
 * the disc: around a hub, neighbours' labels need more room than the four
 * sides give.
 */
function shiftedBox(r: LabelRequest, side: Side, steps: number, o: Required<Pick<PlacementOptions, "fontSize" | "gap" | "padding">>): PlacedLabel {
  const p = labelBox(r, side, o);
  const h = p.box.y2 - p.box.y1;
  const dx = side === "above" || side === "below" ? steps * (p.box.x2 - p.box.x1) * 0.6 : 0;
  const dy = side === "left" || side === "right" ? steps * (h + 1) : steps * 2;
  const box = { x1: p.box.x1 + dx, y1: p.box.y1 + dy, x2: p.box.x2 + dx, y2: p.box.y2 + dy };
  // From the disc's edge towards the nearest point of the box.
  const nx = Math.min(Math.max(r.x, box.x1), box.x2);
  const ny = Math.min(Math.max(r.y, box.y1), box.y2);
  const d = Math.hypot(nx - r.x, ny - r.y) || 1;
  const leader = { x1: r.x + ((nx - r.x) / d) * r.radius, y1: r.y + ((ny - r.y) / d) * r.radius, x2: nx, y2: ny };
  return { ...p, box, textX: p.textX + dx, textY: p.textY + dy, leader };
}

const SHIFTS = [-1, 1, -2, 2, -3, 3];

const inside = (b: Box, bounds: Box) => b.x1 >= bounds.x1 && b.y1 >= bounds.y1 && b.x2 <= bounds.x2 && b.y2 <= bounds.y2;

/**
 * Places labels in the order given (forced ones should come first). `space`
 * holds every disc on screen; the placed boxes are added to it, so edge
 * labels placed afterwards avoid them too.
 */
export function placeLabels(requests: Iterable<LabelRequest>, space: LabelSpace, options: PlacementOptions): PlacedLabel[] {
  const o = { gap: 3, padding: 2, maxLabels: 400, coverLesser: 0, maxTries: 5000, ...options };
  const placed: PlacedLabel[] = [];
  let free = 0;
  let tried = 0;
  for (const r of requests) {
    if (!r.forced && (free >= o.maxLabels || tried >= o.maxTries)) break;
    if (!r.forced && space.isCovered(r.key)) continue;
    const own = [r.key];
    let sides = SIDES.map((side) => labelBox(r, side, o)).filter((p) => r.forced || inside(p.box, o.bounds));
    let best = sides.find((p) => space.isFree(p.box, own)) ?? null;
    if (!best && !r.forced && tried < o.coverLesser && r.rank !== undefined) best = sides.find((p) => space.isFree(p.box, own, r.rank)) ?? null;
    if (!best && r.forced) {
      const shifted = SHIFTS.flatMap((steps) => SIDES.map((side) => shiftedBox(r, side, steps, o)));
      best = shifted.find((p) => inside(p.box, o.bounds) && space.isFree(p.box, own)) ?? null;
      sides = [...sides, ...shifted];
    }
    if (!best && r.forced) {
      let bestCost = Infinity;
      for (const p of sides) {
        const cost = space.cost(p.box, own) + (inside(p.box, o.bounds) ? 0 : 5);
        if (cost < bestCost) [best, bestCost] = [p, cost];
      }
    }
    if (!r.forced) tried++;
    if (!best) continue;
    space.addBox(best.box, r.key);
    placed.push(best);
    if (!r.forced) free++;
  }
  return placed;
}

export interface EdgeLabelRequest {
  key: string;
  /** The two ends of the edge as drawn (a curve through `via`, or a straight line). */
  source: { x: number; y: number };
  target: { x: number; y: number };
  via?: { x: number; y: number };
  ends: readonly string[];
  width: number;
  forced: boolean;
}

/**
 * An edge label, whole (never cut to the edge's length), horizontal, centred
 * on a point of the edge: the middle, or further along either way when the
 * middle is taken. Null when no point is free and the label is not forced.
 */
export function placeEdgeLabel(r: EdgeLabelRequest, space: LabelSpace, options: Pick<PlacementOptions, "fontSize" | "padding">): PlacedLabel | null {
  const pad = options.padding ?? 2;
  const h = options.fontSize + 2 * pad;
  const w = r.width + 2 * pad;
  let best: PlacedLabel | null = null;
  let bestCost = Infinity;
  let found = false;
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
    const u = 1 - t;
    const c = r.via ?? { x: (r.source.x + r.target.x) / 2, y: (r.source.y + r.target.y) / 2 };
    const x = u * u * r.source.x + 2 * u * t * c.x + t * t * r.target.x;
    const y = u * u * r.source.y + 2 * u * t * c.y + t * t * r.target.y;
    const box = { x1: x - w / 2, y1: y - h / 2, x2: x + w / 2, y2: y + h / 2 };
    const p: PlacedLabel = { key: r.key, side: "right", box, textX: box.x1 + pad, textY: y };
    if (space.isFree(box, r.ends)) {
      [best, found] = [p, true];
      break;
    }
    if (r.forced) {
      const cost = space.cost(box, r.ends);
      if (cost < bestCost) [best, bestCost] = [p, cost];
    }
  }
  if (!best || (!found && !r.forced)) return null;
  space.addBox(best.box);
  return best;
}

export type { Disc };
