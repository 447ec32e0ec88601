/**
 * Finding the edge under the pointer in screen space. Sigma picks edges in a
 * half-resolution buffer, where thin lines are easily missed; this is the
 * fallback that gives every edge a few pixels of tolerance.
 */

export interface Point {
  x: number;
  y: number;
}

export interface ScreenEdge {
  key: string;
  source: Point;
  target: Point;
  /** As given to @sigma/edge-curve: 0 is straight. */
  curvature: number;
}

export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * The control point of a curved edge in screen coordinates (y down). The
 * curve program bends towards the left-hand normal in GL space (y up),
 * which is (dy, -dx) once y points down.
 */
export function controlPoint(edge: ScreenEdge): Point {
  const dx = edge.target.x - edge.source.x;
  const dy = edge.target.y - edge.source.y;
  return {
    x: (edge.source.x + edge.target.x) / 2 + dy * edge.curvature,
    y: (edge.source.y + edge.target.y) / 2 - dx * edge.curvature,
  };
}

export function distanceToEdge(p: Point, edge: ScreenEdge, steps = 16): number {
  if (!edge.curvature) return distanceToSegment(p, edge.source, edge.target);
  const c = controlPoint(edge);
  let best = Infinity;
  let prev = edge.source;
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    const next = {
      x: u * u * edge.source.x + 2 * u * t * c.x + t * t * edge.target.x,
      y: u * u * edge.source.y + 2 * u * t * c.y + t * t * edge.target.y,
    };
    best = Math.min(best, distanceToSegment(p, prev, next));
    prev = next;
  }
  return best;
}

/** The edge nearest to `p` within `tolerance` pixels, or null. */
export function nearestEdge(p: Point, edges: Iterable<ScreenEdge>, tolerance = 6): string | null {
  let best: string | null = null;
  let bestDistance = tolerance;
  for (const edge of edges) {
    const d = distanceToEdge(p, edge);
    if (d <= bestDistance) {
      best = edge.key;
      bestDistance = d;
    }
  }
  return best;
}
