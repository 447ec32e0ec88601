/**
 * ForceAtlas2 positions, computed once at build time so the viewer opens on
 * a readable picture. Start positions come from a hash of each node id, so
 * the same graph always gets the same layout. Entities with no relation
 * take no part in the forces (they would only push each other apart, and in
 * news corpora they are often most of the nodes): they go on a ring around
 * the connected part.
 */
import { MultiDirectedGraph } from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { KnowledgeGraph } from "../build/index.ts";

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface LayoutOptions {
  /** Iterations of ForceAtlas2; the default keeps big graphs within a few seconds. */
  iterations?: number;
}

/** About 400,000 node-iterations: 400 iterations for small graphs, fewer for big ones. */
export function defaultIterations(order: number): number {
  return Math.max(30, Math.min(400, Math.round(400_000 / Math.max(order, 1))));
}

export function applyLayout(graph: KnowledgeGraph, options: LayoutOptions = {}): void {
  const connected = new MultiDirectedGraph();
  graph.forEachNode((n) => {
    if (graph.degree(n) === 0) return;
    const h = hash(n);
    const angle = ((h & 0xffff) / 0xffff) * Math.PI * 2;
    const radius = 10 + ((h >>> 16) / 0xffff) * 90;
    connected.addNode(n, { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius });
  });
  graph.forEachEdge((_e, _a, s, t) => void connected.addEdge(s, t));
  if (connected.order >= 2) {
    const settings = { ...forceAtlas2.inferSettings(connected), barnesHutOptimize: connected.order > 1000 };
    forceAtlas2.assign(connected, { iterations: options.iterations ?? defaultIterations(connected.order), settings, getEdgeWeight: null });
  }
  let extent = 1;
  connected.forEachNode((_n, a) => (extent = Math.max(extent, Math.hypot(a.x as number, a.y as number))));

  // Isolated entities: evenly on a golden-angle band outside the connected part, in id order.
  const isolated = graph.filterNodes((n) => graph.degree(n) === 0).sort();
  isolated.forEach((n, k) => {
    const r = extent * (1.1 + 0.4 * Math.sqrt((k + 0.5) / isolated.length));
    const angle = k * 2.399963229728653;
    graph.mergeNodeAttributes(n, { x: Math.round(Math.cos(angle) * r * 100) / 100, y: Math.round(Math.sin(angle) * r * 100) / 100 });
  });
  connected.forEachNode((n, a) => graph.mergeNodeAttributes(n, { x: Math.round((a.x as number) * 100) / 100, y: Math.round((a.y as number) * 100) / 100 }));
}
