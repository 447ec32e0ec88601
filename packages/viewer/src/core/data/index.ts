/**
 * Turning what was fetched into a graph the viewer can show, or a message
 * saying why not. Tolerant of missing attributes (fills defaults), strict
 * about the shape (an object with `nodes` and `edges` arrays).
 */
import { MultiDirectedGraph } from "graphology";
import { colorForType } from "../appearance/index.ts";
import { CATCH_ALL, isRelationGroup, schemaClass } from "../relations/index.ts";
import type { EdgeAttributes, EvidenceItem, GraphAttributes, Modality, NodeAttributes, ViewerGraph } from "../types.ts";

export type LoadResult =
  | { ok: true; graph: ViewerGraph; warnings: string[] }
  | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback = ""): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : fallback);
const num = (v: unknown, fallback: number): number => (typeof v === "number" && Number.isFinite(v) ? v : fallback);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** Parses the text of a graph file. */
export function parseGraphText(text: string): LoadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const trimmed = text.trimStart();
    const hint = trimmed.startsWith("<") ? " (it looks like HTML or XML)" : "";
    return { ok: false, error: `This file is not a graph: it is not valid JSON${hint}.` };
  }
  return parseGraph(json);
}

/** Builds the viewer's graph from graphology's serialised form. */
export function parseGraph(json: unknown): LoadResult {
  if (!isObject(json) || !Array.isArray(json.nodes) || !Array.isArray(json.edges)) {
    return {
      ok: false,
      error: "This file is not a graph: expected a JSON object with \"nodes\" and \"edges\" arrays (graphology's export format).",
    };
  }
  const warnings: string[] = [];
  const attrs = isObject(json.attributes) ? json.attributes : {};
  const graphAttributes: GraphAttributes = {
    ...(attrs as Partial<GraphAttributes>),
    articles: Array.isArray(attrs.articles) ? (attrs.articles as GraphAttributes["articles"]).filter(isObject) : [],
    generator: str(attrs.generator, "unknown"),
  };
  const graph: ViewerGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ allowSelfLoops: true });
  graph.replaceAttributes(graphAttributes);

  const total = json.nodes.length;
  let badNodes = 0;
  json.nodes.forEach((raw, i) => {
    if (!isObject(raw) || (typeof raw.key !== "string" && typeof raw.key !== "number")) return void badNodes++;
    const key = String(raw.key);
    if (graph.hasNode(key)) return void badNodes++;
    graph.addNode(key, normaliseNode(key, isObject(raw.attributes) ? raw.attributes : {}, i, total));
  });
  if (badNodes) warnings.push(`${badNodes} node(s) without a usable key were skipped.`);

  let badEdges = 0;
  for (const raw of json.edges) {
    if (!isObject(raw)) { badEdges++; continue; }
    const source = str(raw.source);
    const target = str(raw.target);
    if (!graph.hasNode(source) || !graph.hasNode(target)) { badEdges++; continue; }
    const attributes = normaliseEdge(isObject(raw.attributes) ? raw.attributes : {});
    const key = raw.key === undefined ? undefined : str(raw.key);
    if (key !== undefined && key !== "" && !graph.hasEdge(key)) graph.addEdgeWithKey(key, source, target, attributes);
    else graph.addEdge(source, target, attributes);
  }
  if (badEdges) warnings.push(`${badEdges} edge(s) pointing to missing nodes were skipped.`);

  // A graph from another tool may carry no sizes or degrees: size its nodes by their links, as kg build
  // does, so hubs stand out and get labels (a flat default size sits under the label threshold).
  json.nodes.forEach((raw) => {
    if (!isObject(raw)) return;
    const key = String(raw.key);
    const given = isObject(raw.attributes) ? raw.attributes : {};
    if (!graph.hasNode(key) || (typeof given.size === "number" && typeof given.degree === "number")) return;
    const degree = typeof given.degree === "number" ? given.degree : graph.degree(key);
    graph.mergeNodeAttributes(key, typeof given.size === "number" ? { degree } : { degree, size: sizeForDegree(degree) });
  });

  return { ok: true, graph, warnings };
}

/** kg build's node size (packages/graph metrics): 3 px plus the square root of the degree. */
export const sizeForDegree = (degree: number) => 3 + Math.sqrt(degree) * 2.5;

function normaliseNode(key: string, a: Record<string, unknown>, index: number, total: number): NodeAttributes {
  const type = str(a.type, "Other") || "Other";
  const label = str(a.label) || str(a.name) || key;
  // Nodes without coordinates go on a circle so that something is drawn.
  const angle = (2 * Math.PI * index) / Math.max(1, total);
  return {
    ...(a as Partial<NodeAttributes>),
    label,
    // Types outside the extractor's list are kept as they are (coloured from the extra palette).
    type: type as NodeAttributes["type"],
    aliases: strings(a.aliases),
    mentions: num(a.mentions, 0),
    articles: strings(a.articles),
    degree: num(a.degree, 0),
    pagerank: num(a.pagerank, 0),
    community: num(a.community, -1),
    x: num(a.x, Math.cos(angle) * 100),
    y: num(a.y, Math.sin(angle) * 100),
    size: Math.max(2, num(a.size, 6)),
    color: str(a.color) || colorForType(type),
  };
}

function normaliseEvidence(v: unknown): EvidenceItem | null {
  if (!isObject(v)) return null;
  const mention = (m: unknown) =>
    isObject(m) && typeof m.start === "number" && typeof m.end === "number"
      ? { text: str(m.text), start: m.start, end: m.end }
      : undefined;
  const item: EvidenceItem = {
    article: str(v.article),
    text: str(v.text),
    start: num(v.start, 0),
    end: num(v.end, 0),
    confidence: num(v.confidence, 1),
  };
  if (typeof v.date === "string") item.date = v.date;
  if (typeof v.surface === "string") item.surface = v.surface;
  const subject = mention(v.subject);
  const object = mention(v.object);
  if (subject) item.subject = subject;
  if (object) item.object = object;
  return item;
}

function normaliseEdge(a: Record<string, unknown>): EdgeAttributes {
  const predicate = str(a.predicate) || str(a.label) || "related_to";
  const evidence = Array.isArray(a.evidence) ? a.evidence.map(normaliseEvidence).filter((e): e is EvidenceItem => e !== null) : [];
  // Graphs from before relation classes, or from other tools, are of the catch-all class; a class
  // without a group (a hand-made file) takes our schema's group for it.
  const relation = str(a.relation).trim() || CATCH_ALL;
  const relationGroup = isRelationGroup(a.relationGroup) ? a.relationGroup : schemaClass(relation)?.group ?? "catch-all";
  const { cameo: _cameo, goldstein: _goldstein, ...rest } = a;
  const cameo = str(a.cameo).trim();
  const goldstein = typeof a.goldstein === "number" ? a.goldstein : typeof a.goldstein === "string" && a.goldstein.trim() ? Number(a.goldstein) : NaN;
  return {
    ...(rest as Partial<EdgeAttributes>),
    relation,
    relationGroup,
    ...(cameo ? { cameo } : {}),
    ...(Number.isFinite(goldstein) ? { goldstein } : {}),
    predicate,
    surface: strings(a.surface),
    evidence,
    articles: strings(a.articles),
    dates: strings(a.dates),
    confidence: num(a.confidence, evidence.length ? Math.max(...evidence.map((e) => e.confidence)) : 1),
    count: num(a.count, Math.max(1, evidence.length)),
    label: str(a.label) || predicate.replace(/_/g, " "),
    // graphs from before polarity and modality, or from other tools, state plain facts
    polarity: a.polarity === "negative" ? "negative" : "positive",
    modality: MODALITIES.has(a.modality as Modality) ? (a.modality as Modality) : "asserted",
  };
}

const MODALITIES = new Set<Modality>(["asserted", "reported", "intended", "hypothetical", "denied"]);

/** Where to fetch the graph from: `?graph=URL`, else `./graph.json` beside the page. */
export function graphUrlFrom(search: string): string {
  const param = new URLSearchParams(search).get("graph");
  return param && param.trim() ? param.trim() : "./graph.json";
}
