/**
 * Serialisations of the graph: graphology JSON (what the viewer and the
 * Neo4j exporter read), GEXF for Gephi, GraphML, and the CSV files that
 * `neo4j-admin database import` takes.
 */
import { MultiDirectedGraph } from "graphology";
import gexf from "graphology-gexf";
import type { SerializedGraph } from "graphology-types";
import type { KnowledgeGraph } from "../build/index.ts";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../types.ts";

export { FORMATS, type Format } from "./names.ts";

export type SerializedKnowledgeGraph = SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** The graph file `kg build` writes and the viewer reads: graphology's serialisation, as JSON. */
export function toJSON(graph: KnowledgeGraph): string {
  return JSON.stringify(graph.export());
}

export function fromJSON(data: SerializedKnowledgeGraph): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: data.options?.allowSelfLoops ?? false });
  graph.import(data);
  return graph;
}

/** Lists and evidence flattened to strings: GEXF and GraphML attributes are scalars. */
function flatGraph(graph: KnowledgeGraph): MultiDirectedGraph {
  const flat = new MultiDirectedGraph();
  graph.forEachNode((n, a) => {
    flat.addNode(n, { label: a.label, type: a.type, aliases: a.aliases.join("|"), mentions: a.mentions, articles: a.articles.join("|"), degree: a.degree, pagerank: a.pagerank, community: a.community, x: a.x, y: a.y, size: a.size, color: a.color });
  });
  graph.forEachEdge((e, a, s, t) => {
    flat.addEdgeWithKey(e, s, t, { label: a.label, predicate: a.predicate, surface: a.surface.join("|"), count: a.count, confidence: a.confidence, articles: a.articles.join("|"), dates: a.dates.join("|"), evidence: a.evidence.map((x) => x.text).join("\n") });
  });
  return flat;
}

export function toGEXF(graph: KnowledgeGraph): string {
  return gexf.write(flatGraph(graph), { pretty: true });
}

function xmlEscape(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** GraphML (graphology-graphml only parses): keys typed from the first value seen. */
export function toGraphML(graph: KnowledgeGraph): string {
  const flat = flatGraph(graph);
  const keys = new Map<string, { for: "node" | "edge"; name: string; type: string }>();
  const declare = (kind: "node" | "edge", attrs: Record<string, unknown>) => {
    for (const [name, v] of Object.entries(attrs)) {
      const id = `${kind[0]}_${name}`;
      if (!keys.has(id)) keys.set(id, { for: kind, name, type: typeof v === "number" ? "double" : "string" });
    }
  };
  flat.forEachNode((_n, a) => declare("node", a));
  flat.forEachEdge((_e, a) => declare("edge", a));
  const data = (kind: "node" | "edge", attrs: Record<string, unknown>) =>
    Object.entries(attrs)
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([name, v]) => `      <data key="${kind[0]}_${xmlEscape(name)}">${xmlEscape(String(v))}</data>`)
      .join("\n");
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'];
  for (const [id, k] of keys) lines.push(`  <key id="${id}" for="${k.for}" attr.name="${xmlEscape(k.name)}" attr.type="${k.type}"/>`);
  lines.push('  <graph edgedefault="directed">');
  flat.forEachNode((n, a) => lines.push(`    <node id="${xmlEscape(n)}">`, data("node", a), "    </node>"));
  flat.forEachEdge((e, a, s, t) => lines.push(`    <edge id="${xmlEscape(e)}" source="${xmlEscape(s)}" target="${xmlEscape(t)}">`, data("edge", a), "    </edge>"));
  lines.push("  </graph>", "</graphml>");
  return lines.join("\n") + "\n";
}

function csvCell(v: unknown): string {
  const s = Array.isArray(v) ? v.join(";") : v === undefined || v === null ? "" : String(v);
  return /[",\n\r;]/.test(s) || s === "" ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV files for `neo4j-admin database import full`: nodes and relationships with typed headers. */
export function toNeo4jCSV(graph: KnowledgeGraph): Record<string, string> {
  const nodes = ["id:ID,name,type,aliases:string[],mentions:int,degree:int,pagerank:float,community:int,:LABEL"];
  graph.forEachNode((n, a) => nodes.push([n, a.label, a.type, a.aliases, a.mentions, a.degree, a.pagerank, a.community, `Entity;${a.type}`].map(csvCell).join(",")));
  const rels = [":START_ID,:END_ID,:TYPE,predicate,surface:string[],evidence:string[],articles:string[],dates:string[],confidence:float,count:int"];
  graph.forEachEdge((_e, a, s, t) => {
    const type = /^[a-z][a-z0-9_]{0,63}$/.test(a.predicate) ? a.predicate.toUpperCase() : "RELATED";
    rels.push([s, t, type, a.predicate, a.surface, a.evidence.map((x) => x.text), a.articles, a.dates, a.confidence, a.count].map(csvCell).join(","));
  });
  return { "nodes.csv": nodes.join("\n") + "\n", "relationships.csv": rels.join("\n") + "\n" };
}
