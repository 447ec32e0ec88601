/**
 * ForceAtlas2 settings for a graph of a given size. The worker itself is
 * started by the view (graphology-layout-forceatlas2/worker).
 */
import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";

export function layoutSettings(order: number): ForceAtlas2Settings {
  return {
    barnesHutOptimize: order > 500,
    barnesHutTheta: 0.6,
    strongGravityMode: true,
    gravity: 0.05,
    scalingRatio: order > 1000 ? 20 : 10,
    slowDown: 1 + Math.log10(Math.max(1, order)),
    adjustSizes: false,
    linLogMode: false,
    outboundAttractionDistribution: false,
    edgeWeightInfluence: 0,
  };
}

/** How long to let the worker run before stopping it on its own, in ms. */
export function layoutDuration(order: number): number {
  return Math.min(20_000, 2_000 + order * 10);
}
