/**
 * GEXF in the browser, through graphology-gexf's browser endpoint (the
 * page's DOMParser). main.ts imports this module on demand, so a graph.json
 * never pays for it.
 */
import { MultiGraph } from "graphology";
import { parse, write } from "graphology-gexf/browser";
import { fromGexfGraph, looksLikeHtmlPage } from "../core/data/gexf.ts";
import type { LoadResult } from "../core/data/index.ts";
import { exportableGraph, type ExportOptions } from "../core/export/index.ts";
import type { ViewerGraph } from "../core/types.ts";

const notAGraph = (why: string): LoadResult => ({ ok: false, error: `This file is not a graph: ${why}` });

export function readGexf(text: string): LoadResult {
  if (looksLikeHtmlPage(text)) return notAGraph("it is an HTML page, not JSON or GEXF.");
  const doc = new DOMParser().parseFromString(text, "application/xml");
  if (doc.getElementsByTagName("parsererror").length) return notAGraph("it is neither valid JSON nor well-formed XML.");
  if (doc.documentElement.localName !== "gexf" || !doc.getElementsByTagName("graph").length) {
    return notAGraph(`it is XML (<${doc.documentElement.localName}>), but not GEXF.`);
  }
  try {
    // Lenient: files from other tools may leave attributes undeclared or point edges at missing nodes.
    return fromGexfGraph(parse(MultiGraph, doc, { addMissingNodes: true, allowUndeclaredAttributes: true }));
  } catch (err) {
    return notAGraph(`the GEXF could not be read (${err instanceof Error ? err.message : String(err)}).`);
  }
}

export function writeGexf(graph: ViewerGraph, options: ExportOptions): string {
  return write(exportableGraph(graph, options));
}
