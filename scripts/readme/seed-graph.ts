/** The graph of the seed articles exactly as `kg build ../shared/articles` makes it. */
import { resolveAcrossArticles } from "@kg/extract";
import { seedExtractions } from "@kg/extract/testing";
import { applyLayout, buildGraph, computeMetrics, type SerializedKnowledgeGraph } from "@kg/graph";

export function seedGraph(): SerializedKnowledgeGraph {
  const graph = buildGraph(resolveAcrossArticles(seedExtractions()));
  computeMetrics(graph);
  applyLayout(graph);
  return graph.export();
}
