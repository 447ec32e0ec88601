/**
 * What the side panel shows about a node or an edge, and the Back history.
 */
import { edgeClass, type RelationClassInfo } from "../relations/index.ts";
import type { EdgeAttributes, EvidenceItem, Modality, Polarity, ViewerGraph } from "../types.ts";

export type Direction = "out" | "in";

export interface RelationItem {
  edge: string;
  /** The entity at the other end. */
  other: string;
  otherLabel: string;
  otherType: string;
  confidence: number;
  evidence: EvidenceItem[];
  /** The relation's class (label, group, CAMEO code, Goldstein score). */
  relation: RelationClassInfo;
  /** How its sentences put it: every statement of an edge is put the same way. */
  polarity: Polarity;
  modality: Modality;
  /** The verb as written, most frequent first. */
  surface: string[];
}

export interface RelationGroup {
  predicate: string;
  direction: Direction;
  /** "meet →" for the node's own statements, "← meet" for statements about it. */
  heading: string;
  items: RelationItem[];
}

export function predicateText(attrs: Pick<EdgeAttributes, "predicate" | "label">): string {
  return (attrs.label || attrs.predicate || "related to").replace(/_/g, " ");
}

export function neighbourhood(graph: ViewerGraph, key: string, isEdgeVisible?: (edge: string) => boolean): Set<string> {
  const result = new Set<string>([key]);
  graph.forEachEdge(key, (edge, _attrs, source, target) => {
    if (isEdgeVisible && !isEdgeVisible(edge)) return;
    result.add(source);
    result.add(target);
  });
  return result;
}

/** The node's relations grouped by predicate and direction, most populated group first. */
export function relationsOf(graph: ViewerGraph, key: string, isEdgeVisible?: (edge: string) => boolean): RelationGroup[] {
  const groups = new Map<string, RelationGroup>();
  const add = (direction: Direction, edge: string, attrs: EdgeAttributes, other: string) => {
    if (isEdgeVisible && !isEdgeVisible(edge)) return;
    const text = predicateText(attrs);
    const id = `${direction}\u0000${text}`;
    let group = groups.get(id);
    if (!group) {
      group = { predicate: text, direction, heading: direction === "out" ? `${text} →` : `← ${text}`, items: [] };
      groups.set(id, group);
    }
    const o = graph.getNodeAttributes(other);
    group.items.push({
      edge,
      other,
      otherLabel: o.label,
      otherType: o.type,
      confidence: attrs.confidence,
      evidence: sortEvidence(attrs.evidence ?? []),
      relation: edgeClass(attrs),
      polarity: attrs.polarity,
      modality: attrs.modality,
      surface: attrs.surface ?? [],
    });
  };
  graph.forEachOutEdge(key, (edge, attrs, _s, target) => add("out", edge, attrs, target));
  graph.forEachInEdge(key, (edge, attrs, source, target) => {
    if (source === target) return; // a self-loop is already listed as outgoing
    add("in", edge, attrs, source);
  });
  const list = [...groups.values()];
  for (const g of list) g.items.sort((a, b) => b.confidence - a.confidence || a.otherLabel.localeCompare(b.otherLabel));
  return list.sort(
    (a, b) =>
      b.items.length - a.items.length ||
      (a.direction === b.direction ? 0 : a.direction === "out" ? -1 : 1) ||
      a.predicate.localeCompare(b.predicate),
  );
}

/** Most confident first, then newest. */
export function sortEvidence(evidence: readonly EvidenceItem[]): EvidenceItem[] {
  return [...evidence].sort(
    (a, b) => (b.confidence ?? 0) - (a.confidence ?? 0) || (b.date ?? "").localeCompare(a.date ?? ""),
  );
}

export interface Segment {
  text: string;
  mark: "subject" | "object" | null;
}

/**
 * Splits an evidence sentence into plain text and the two entity mentions.
 * Mention offsets are into the article and the sentence starts at
 * `evidence.start`, so a mention sits at `mention.start - evidence.start`
 * in the sentence. When the offsets do not match the text (a cleaned
 * sentence, a different offset base) the mention is looked up by its text.
 */
export function highlightSentence(evidence: EvidenceItem): Segment[] {
  const sentence = evidence.text ?? "";
  const spans: Array<{ start: number; end: number; mark: "subject" | "object" }> = [];
  for (const mark of ["subject", "object"] as const) {
    const m = evidence[mark];
    if (!m) continue;
    const span = locate(sentence, m, evidence.start);
    if (span) spans.push({ ...span, mark });
  }
  spans.sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let pos = 0;
  for (const span of spans) {
    if (span.start < pos) continue; // overlapping mentions: keep the first
    if (span.start > pos) segments.push({ text: sentence.slice(pos, span.start), mark: null });
    segments.push({ text: sentence.slice(span.start, span.end), mark: span.mark });
    pos = span.end;
  }
  if (pos < sentence.length || segments.length === 0) segments.push({ text: sentence.slice(pos), mark: null });
  return segments;
}

function locate(sentence: string, m: { text: string; start: number; end: number }, sentenceStart: number) {
  const start = m.start - sentenceStart;
  const end = m.end - sentenceStart;
  const inside = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= sentence.length;
  if (inside && (!m.text || sentence.slice(start, end) === m.text)) return { start, end };
  if (m.text) {
    const at = sentence.indexOf(m.text);
    if (at >= 0) return { start: at, end: at + m.text.length };
    const lower = sentence.toLowerCase().indexOf(m.text.toLowerCase());
    if (lower >= 0) return { start: lower, end: lower + m.text.length };
  }
  return inside ? { start, end } : null;
}

export type Selection = { kind: "node"; key: string } | { kind: "edge"; key: string };

export function sameSelection(a: Selection | null, b: Selection | null): boolean {
  return a === b || (!!a && !!b && a.kind === b.kind && a.key === b.key);
}

/** Back history of selections: a plain stack, newest last. */
export interface History {
  stack: Selection[];
}

export function pushHistory(history: History, current: Selection | null, next: Selection | null, limit = 50): History {
  if (!current || sameSelection(current, next)) return history;
  const stack = [...history.stack, current].slice(-limit);
  return { stack };
}

export function popHistory(history: History): { history: History; selection: Selection | null } {
  const stack = history.stack.slice(0, -1);
  return { history: { stack }, selection: history.stack[history.stack.length - 1] ?? null };
}

/** Articles mentioned for a node, with title and date from the graph's article list when known. */
export interface ArticleInfo {
  id: string;
  title: string | null;
  date: string | null;
}

const articleIndexes = new WeakMap<object, Map<string, { title?: string; date?: string }>>();

export function articleInfo(graph: ViewerGraph, id: string): ArticleInfo {
  const articles = graph.getAttribute("articles");
  if (!Array.isArray(articles)) return { id, title: null, date: null };
  let index = articleIndexes.get(articles);
  if (!index) {
    index = new Map(articles.filter((a) => a && typeof a.id === "string").map((a) => [a.id, a]));
    articleIndexes.set(articles, index);
  }
  const a = index.get(id);
  return { id, title: a?.title ?? null, date: a?.date ?? null };
}
