/**
 * ForceAtlas2 positions, computed once at build time so the viewer opens on
 * a readable picture. Start positions come from a hash of each node id, so
 * the same graph always gets the same layout.
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { KnowledgeGraph } from "../build/index.ts";

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface LayoutOptions {
  /** More iterations settle big graphs better; the default scales down with size. */
  iterations?: number;
}

export function applyLayout(graph: KnowledgeGraph, options: LayoutOptions = {}): void {
  graph.forEachNode((n, attrs) => {
    const h = hash(n);
    const angle = ((h & 0xffff) / 0xffff) * Math.PI * 2;
    const radius = 10 + ((h >>> 16) / 0xffff) * 90;
    attrs.x = Math.cos(angle) * radius;
    attrs.y = Math.sin(angle) * radius;
  });
  if (graph.order < 2) return;
  const iterations = options.iterations ?? (graph.order > 20_000 ? 50 : graph.order > 2_000 ? 150 : 400);
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 1000 };
  forceAtlas2.assign(graph, { iterations, settings, getEdgeWeight: null });
  graph.forEachNode((_n, attrs) => {
    attrs.x = Math.round(attrs.x * 100) / 100;
    attrs.y = Math.round(attrs.y * 100) / 100;
  });
}
