/**
 * Graphs read from GEXF: graphology-gexf parses the XML (src/io/gexf.ts, in
 * the browser); this turns the result into the viewer's graph. GEXF
 * attributes are scalars, so lists come back joined with "|" and evidence
 * as one sentence a line (how `kg build --format gexf` and the viewer's own
 * export write them); GEXF files from elsewhere get the same defaults as a
 * sparse graph.json.
 */
import type Graph from "graphology-types";
import { parseGraph, type LoadResult } from "./index.ts";

type Attrs = Record<string, unknown>;

/** A list attribute: GEXF list types arrive as arrays, our flat lists as "a|b". */
function list(v: unknown, separator = "|"): string[] {
  if (Array.isArray(v)) return v.map(String).filter(Boolean);
  if (typeof v === "string") return v.split(separator).filter((s) => s.trim());
  return [];
}

function evidenceOf(a: Attrs) {
  const articles = list(a.articles);
  const dates = list(a.dates);
  const confidence = typeof a.confidence === "number" ? a.confidence : 1;
  // The sentences' articles are known only when there is one; otherwise the
  // filters judge the edge on its article and date lists.
  return list(a.evidence, "\n").map((text) => ({
    text,
    article: articles.length === 1 ? articles[0]! : "",
    ...(dates.length === 1 ? { date: dates[0]! } : {}),
    start: 0,
    end: 0,
    confidence,
  }));
}

export function fromGexfGraph(gexf: Graph): LoadResult {
  const data = gexf.export();
  const meta = (data.attributes ?? {}) as Attrs;
  // graphology's serialised form, checked and completed by parseGraph like a graph.json.
  const serialized = {
    attributes: {
      ...(typeof meta.description === "string" ? { name: meta.description } : {}),
      generator: typeof meta.creator === "string" ? meta.creator : "GEXF",
      articles: [],
    },
    nodes: data.nodes.map((n) => {
      const a = (n.attributes ?? {}) as Attrs;
      return { key: n.key, attributes: { ...a, aliases: list(a.aliases), articles: list(a.articles) } };
    }),
    edges: data.edges.map((e) => {
      const a = (e.attributes ?? {}) as Attrs;
      return {
        ...(e.key === undefined ? {} : { key: e.key }),
        source: e.source,
        target: e.target,
        attributes: { ...a, surface: list(a.surface), articles: list(a.articles), dates: list(a.dates), evidence: evidenceOf(a) },
      };
    }),
  };
  return parseGraph(serialized);
}

/** Whether text is markup (GEXF, or an HTML page where a graph was expected) rather than JSON. */
export function looksLikeMarkup(text: string): boolean {
  return text.trimStart().startsWith("<");
}

export function looksLikeHtmlPage(text: string): boolean {
  return /^\s*(<!doctype html|<html\b)/i.test(text);
}
