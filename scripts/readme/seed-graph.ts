/**
 * The graph of the seed articles exactly as `kg build ../shared/articles --min-confidence 0` makes it:
 * every triple, so that the README's queries can show how to filter by class, mode and confidence.
 */
import { resolveAcrossArticles } from "newskg-extract";
import { seedExtractions } from "newskg-extract/testing";
import { applyLayout, buildGraph, computeMetrics, type SerializedKnowledgeGraph } from "newskg-graph";

export function seedGraph(): SerializedKnowledgeGraph {
  const graph = buildGraph(resolveAcrossArticles(seedExtractions()), { minConfidence: 0 });
  computeMetrics(graph);
  applyLayout(graph);
  return graph.export();
}
