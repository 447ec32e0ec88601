/** The graph of the seed articles exactly as `kg build ../shared/articles` makes it. */
import { resolveAcrossArticles } from "newskg-extract";
import { seedExtractions } from "newskg-extract/testing";
import { applyLayout, buildGraph, computeMetrics, type SerializedKnowledgeGraph } from "newskg-graph";

export function seedGraph(): SerializedKnowledgeGraph {
  const graph = buildGraph(resolveAcrossArticles(seedExtractions()));
  computeMetrics(graph);
  applyLayout(graph);
  return graph.export();
}
