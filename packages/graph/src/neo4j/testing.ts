/**
 * Small builders for tests that need a knowledge graph without running
 * extraction (the Neo4j integration tests under test/ use them: graphology and
 * neo4j-driver resolve from this package, not from the repository root).
 */
import { MultiDirectedGraph } from "graphology";
import neo4j from "neo4j-driver";
import type { ArticleAttributes, EdgeAttributes, EvidenceItem, GraphAttributes, NodeAttributes } from "../types.ts";
import type { SerializedKnowledgeGraph } from "./types.ts";
import { addEvidence, type Statement } from "../build/index.ts";

export { neo4j };
export type { Driver, Session, Record as Neo4jRecord } from "neo4j-driver";

export type TestGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export function createTestGraph(name = "test"): TestGraph {
  const graph: TestGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ name, generator: "test", articles: [] });
  return graph;
}

export function addArticle(graph: TestGraph, article: ArticleAttributes): void {
  graph.getAttribute("articles").push(article);
}

export function addEntity(graph: TestGraph, id: string, attributes: Partial<NodeAttributes> & Pick<NodeAttributes, "label" | "type">): void {
  graph.addNode(id, {
    aliases: [attributes.label],
    mentions: 0,
    articles: [],
    degree: 0,
    pagerank: 0,
    community: 0,
    x: 0,
    y: 0,
    size: 1,
    color: "#999",
    ...attributes,
  });
}

/** Adds (or extends) the edge `source|predicate|target` with evidence, exactly as buildGraph does. */
export function addRelation(graph: TestGraph, source: string, predicate: string, target: string, evidence: EvidenceItem[], statement?: Statement): void {
  for (const item of evidence) addEvidence(graph, source, predicate, target, item, statement);
  graph.forEachNode((node, attributes) => {
    attributes.degree = graph.degree(node);
  });
}

export function serialize(graph: TestGraph): SerializedKnowledgeGraph {
  // A deep copy, as a graph read back from graph.json would be.
  return JSON.parse(JSON.stringify(graph.export())) as SerializedKnowledgeGraph;
}
