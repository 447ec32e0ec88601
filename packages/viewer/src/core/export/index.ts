/**
 * The filtered graph as Gephi should get it: only what passes the filters,
 * with flat attributes (GEXF attributes are scalars: lists joined with "|",
 * evidence sentences one a line, as `kg build --format gexf` writes them)
 * and the positions, sizes and colours on screen as GEXF viz data. Pure:
 * the GEXF text itself is written by graphology-gexf (src/io/gexf.ts).
 */
import { MultiDirectedGraph } from "graphology";
import type { Visibility } from "../filters/index.ts";
import type { NodeAttributes, ViewerGraph } from "../types.ts";

export type FlatAttributes = Record<string, string | number>;

export interface ExportOptions {
  /** Null: everything (no filter on). */
  visibility: Visibility | null;
  /** The colour a node is drawn with (by type or by community, as on screen). */
  colorOf: (key: string, attrs: NodeAttributes) => string;
  /** Written into the file's <meta><description>. */
  description?: string;
}

/** Empty values are left out: GEXF has no null, and "" would read back as a value. */
function compact(attrs: Record<string, string | number | undefined>): FlatAttributes {
  const out: FlatAttributes = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === "" || (typeof v === "number" && !Number.isFinite(v))) continue;
    out[k] = v;
  }
  return out;
}

export function exportableGraph(graph: ViewerGraph, options: ExportOptions): MultiDirectedGraph<FlatAttributes, FlatAttributes> {
  const { visibility } = options;
  const out = new MultiDirectedGraph<FlatAttributes, FlatAttributes>({ allowSelfLoops: true });
  out.replaceAttributes(compact({ creator: "News KG viewer", description: options.description }));
  graph.forEachNode((key, a) => {
    if (visibility && !visibility.nodes.has(key)) return;
    out.addNode(
      key,
      compact({
        label: a.label,
        type: a.type,
        aliases: a.aliases.join("|"),
        mentions: a.mentions,
        articles: a.articles.join("|"),
        firstSeen: a.firstSeen,
        lastSeen: a.lastSeen,
        degree: a.degree,
        pagerank: a.pagerank,
        community: a.community,
        // graphology-gexf's writer turns these into <viz:position>, <viz:size>, <viz:color>.
        x: a.x,
        y: a.y,
        size: a.size,
        color: options.colorOf(key, a),
      }),
    );
  });
  graph.forEachEdge((key, a, source, target) => {
    if (visibility && !visibility.edges.has(key)) return;
    if (!out.hasNode(source) || !out.hasNode(target)) return;
    out.addEdgeWithKey(
      key,
      source,
      target,
      compact({
        label: a.label,
        predicate: a.predicate,
        // The class and how the statements put it: a denied attack must not come back as an attack.
        relation: a.relation,
        relationGroup: a.relationGroup,
        cameo: a.cameo,
        goldstein: a.goldstein,
        polarity: a.polarity,
        modality: a.modality,
        // Gephi draws edge thickness from the weight: the number of statements.
        weight: a.count,
        surface: a.surface.join("|"),
        count: a.count,
        confidence: a.confidence,
        articles: a.articles.join("|"),
        dates: a.dates.join("|"),
        evidence: a.evidence.map((e) => e.text).join("\n"),
      }),
    );
  });
  return out;
}
