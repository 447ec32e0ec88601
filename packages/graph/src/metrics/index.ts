/**
 * Node metrics: degree, PageRank and Louvain communities. PageRank and
 * Louvain run on a simple projection (one weighted edge per connected pair)
 * because they are defined on simple graphs; the seeded random source keeps
 * communities the same from run to run.
 */
import { DirectedGraph, UndirectedGraph } from "graphology";
import pagerank from "graphology-metrics/centrality/pagerank.js";
import louvain from "graphology-communities-louvain";
import type { KnowledgeGraph } from "../build/index.ts";

/** A small deterministic PRNG (mulberry32), so communities don't change between runs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sets every node's `degree`, `pagerank`, `community` (Louvain, seeded: the same graph, the same result) and `size`. */
export function computeMetrics(graph: KnowledgeGraph): void {
  const directed = new DirectedGraph();
  const undirected = new UndirectedGraph();
  graph.forEachNode((n) => {
    directed.addNode(n);
    undirected.addNode(n);
  });
  graph.forEachEdge((_e, attrs, s, t) => {
    directed.updateEdge(s, t, (a) => ({ weight: ((a.weight as number | undefined) ?? 0) + attrs.count }));
    undirected.updateEdge(s, t, (a) => ({ weight: ((a.weight as number | undefined) ?? 0) + attrs.count }));
  });
  const ranks = graph.order ? pagerank(directed, { getEdgeWeight: "weight" }) : {};
  const communities = undirected.size ? louvain(undirected, { getEdgeWeight: "weight", rng: seededRandom(42) }) : {};
  graph.forEachNode((n, attrs) => {
    attrs.degree = graph.degree(n);
    attrs.pagerank = Math.round((ranks[n] ?? 0) * 1e6) / 1e6;
    attrs.community = communities[n] ?? 0;
    attrs.size = 3 + Math.sqrt(attrs.degree) * 2.5;
  });
}
