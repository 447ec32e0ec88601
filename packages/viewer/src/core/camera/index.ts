/**
 * What the camera frames. Pure: the extent of the nodes on screen, and the
 * zoom that fits a box of a given size into a free area. The view turns
 * these into a sigma camera state (views/graph-view.ts, fitNodes).
 */
import type { ViewerGraph } from "../types.ts";

export interface Extent {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The bounding box of the nodes that pass `isShown`, in graph coordinates,
 * or null when none does. Only these count: hidden entities (those with no
 * relation sit on a wide band around everything) would otherwise shrink the
 * network to a blob in the middle of the screen.
 */
export function extentOf(graph: ViewerGraph, isShown: (key: string) => boolean): Extent | null {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((key, a) => {
    if (!isShown(key) || !Number.isFinite(a.x) || !Number.isFinite(a.y)) return;
    if (a.x < minX) minX = a.x;
    if (a.x > maxX) maxX = a.x;
    if (a.y < minY) minY = a.y;
    if (a.y > maxY) maxY = a.y;
  });
  return minX <= maxX ? { minX, maxX, minY, maxY } : null;
}

/**
 * The camera ratio that makes a box measuring `span` pixels at ratio 1 fit
 * into `area` less `padding` on each side (on-screen distances scale with
 * 1 / ratio). A single node (no span) is shown at `closest`.
 */
export function ratioToFit(span: { width: number; height: number }, area: Area, padding: number, closest: number): number {
  const width = Math.max(1, area.width - 2 * padding);
  const height = Math.max(1, area.height - 2 * padding);
  return Math.max(closest, span.width / width, span.height / height);
}
