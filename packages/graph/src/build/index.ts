/**
 * Triples from many articles -> one graphology graph. One node per entity
 * id, one edge per (subject, predicate, object) keeping every piece of
 * evidence. Pure: no I/O.
 */
import { MultiDirectedGraph } from "graphology";
import type { ArticleExtraction, Modality, Polarity, Triple } from "newskg-extract";
import type { EdgeAttributes, EvidenceItem, GraphAttributes, NodeAttributes } from "../types.ts";
import { colorForType } from "./colors.ts";

export type KnowledgeGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/**
 * One edge per (subject, predicate, object) and way of putting it: "Russia -attack-> Ukraine" stated and
 * denied are two edges, never one with mixed evidence. A plain positive statement keeps the short key.
 */
export function edgeKey(subject: string, predicate: string, object: string, polarity: Polarity = "positive", modality: Modality = "asserted"): string {
  return polarity === "positive" && modality === "asserted" ? `${subject}|${predicate}|${object}` : `${subject}|${predicate}|${object}|${polarity}|${modality}`;
}

export interface BuildOptions {
  /** The graph's name. */
  name?: string;
  /** Triples below this confidence stay out of the graph (default 0: all). */
  minConfidence?: number;
}

/** Probability that at least one piece of evidence is right, treating them as independent. */
export function noisyOr(confidences: number[]): number {
  return 1 - confidences.reduce((p, c) => p * (1 - c), 1);
}

function minDate(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}
function maxDate(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

/**
 * The knowledge graph of a corpus's extractions (after resolveAcrossArticles): an entity a node, one edge
 * per (subject, predicate, polarity, modality, object) with its evidence, articles, dates and confidence.
 * Metrics and positions are left at zero: computeMetrics and applyLayout fill them.
 */
export function buildGraph(extractions: ArticleExtraction[], options: BuildOptions = {}): KnowledgeGraph {
  const { name, minConfidence = 0 } = options;
  const graph: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ name, generator: "news-kg", articles: [] });

  // Articles in a stable order so that the same input gives the same file.
  const sorted = [...extractions].sort((a, b) => (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
  for (const { article } of sorted) {
    graph.getAttribute("articles").push({
      id: article.id,
      ...(article.title ? { title: article.title } : {}),
      ...(article.date ? { date: article.date } : {}),
      ...(article.source ? { source: article.source } : {}),
      ...(article.sha256 ? { sha256: article.sha256 } : {}),
      mentions: article.mentions,
    });
    for (const e of article.entities) {
      const count = article.mentions[e.id] ?? 0;
      if (!graph.hasNode(e.id)) {
        graph.addNode(e.id, { label: e.name, type: e.type, aliases: [], mentions: 0, articles: [], degree: 0, pagerank: 0, community: 0, x: 0, y: 0, size: 1, color: colorForType(e.type) });
      }
      const node = graph.getNodeAttributes(e.id);
      for (const a of e.aliases ?? [e.name]) if (!node.aliases.includes(a)) node.aliases.push(a);
      if (count > 0) {
        node.mentions += count;
        if (!node.articles.includes(article.id)) node.articles.push(article.id);
        node.firstSeen = minDate(node.firstSeen, article.date);
        node.lastSeen = maxDate(node.lastSeen, article.date);
      }
    }
  }
  for (const { triples } of sorted) for (const t of triples) if (t.confidence >= minConfidence) addTriple(graph, t);
  graph.forEachNode((n, attrs) => attrs.aliases.sort());
  return graph;
}

function addTriple(graph: KnowledgeGraph, t: Triple): void {
  for (const e of [t.subject, t.object]) {
    if (!graph.hasNode(e.id)) {
      graph.addNode(e.id, { label: e.name, type: e.type, aliases: [e.name], mentions: 0, articles: [], degree: 0, pagerank: 0, community: 0, x: 0, y: 0, size: 1, color: colorForType(e.type) });
    }
  }
  const statement: Statement = {
    polarity: t.polarity ?? "positive",
    modality: t.modality ?? "asserted",
    ...(t.relation ? { relation: t.relation } : {}),
    ...(t.relationGroup ? { relationGroup: t.relationGroup } : {}),
    ...(t.cameo ? { cameo: t.cameo } : {}),
    ...(t.goldstein !== undefined ? { goldstein: t.goldstein } : {}),
  };
  addEvidence(graph, t.subject.id, t.predicate, t.object.id, {
    article: t.evidence.article,
    text: t.evidence.text,
    start: t.evidence.start,
    end: t.evidence.end,
    confidence: t.confidence,
    ...(t.date ? { date: t.date } : {}),
    ...(t.surface ? { surface: t.surface } : {}),
    ...(t.evidence.subject ? { subject: t.evidence.subject } : {}),
    ...(t.evidence.object ? { object: t.evidence.object } : {}),
  }, statement);
}

/** What an edge states besides its predicate: its class and how the sentences put it. */
export type Statement = Pick<EdgeAttributes, "polarity" | "modality" | "relation" | "relationGroup" | "cameo" | "goldstein">;

/**
 * Adds one piece of evidence to the edge (source, predicate, target), creating
 * it if needed, and keeps the edge's summaries (count, surfaces, articles,
 * dates, noisy-or confidence) in step.
 */
export function addEvidence(graph: KnowledgeGraph, source: string, predicate: string, target: string, item: EvidenceItem, statement: Statement = { polarity: "positive", modality: "asserted" }): void {
  const key = edgeKey(source, predicate, target, statement.polarity, statement.modality);
  if (!graph.hasEdge(key)) {
    graph.addDirectedEdgeWithKey(key, source, target, {
      predicate,
      ...statement,
      surface: [],
      evidence: [],
      articles: [],
      dates: [],
      confidence: 0,
      count: 0,
      label: predicate.replace(/_/g, " "),
    });
  }
  const edge = graph.getEdgeAttributes(key);
  // The same sentence stated once counts once, however often it was read.
  if (edge.evidence.some((e) => e.article === item.article && e.start === item.start && e.end === item.end)) return;
  edge.evidence.push(item);
  edge.count = edge.evidence.length;
  if (item.surface && !edge.surface.includes(item.surface)) edge.surface.push(item.surface);
  if (!edge.articles.includes(item.article)) edge.articles.push(item.article);
  if (item.date && !edge.dates.includes(item.date)) {
    edge.dates.push(item.date);
    edge.dates.sort();
  }
  edge.confidence = Math.round(noisyOr(edge.evidence.map((e) => e.confidence)) * 1000) / 1000;
}
