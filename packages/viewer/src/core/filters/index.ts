/**
 * Which nodes and edges pass the user's filters. Pure: the view hides what is
 * not in the returned sets, search ignores it too.
 *
 * Node filters (type, degree) come first; an edge is shown when both its
 * ends are and it passes the edge filters (how it is stated, confidence,
 * relation class, predicate, article, dates). With a class, predicate,
 * article or date filter on, entities left without any shown relation are
 * hidden as well: these filters ask "what was said", and a canvas full of
 * unconnected dots would not answer it.
 *
 * Facts first: by default only relations stated as facts are shown
 * (positive, asserted or reported: `isFact`); negated, denied, planned and
 * possible ones are shown on demand (`showAllModes`).
 *
 * Entities with no relation are hidden unless asked for (`showUnrelated`):
 * in a news graph they are most of the entities (10,775 of BBC's 15,135)
 * and, drawn, they bury the network a user came to see. While only facts are
 * shown, an entity whose only relations are not facts counts among them
 * (drawn, it would be a dot with no line). They stay findable:
 * `Visibility.unrelated` lists them for search, and the one selected
 * (`reveal`) is shown.
 */
import { isFact, relationOf, relationOptions } from "../relations/index.ts";
import type { EdgeAttributes, ViewerGraph } from "../types.ts";
import { dateInRange, type DateRange } from "./dates.ts";
import { articleDates, articleOptions, predicateOptions } from "./options.ts";

export * from "./dates.ts";
export * from "./options.ts";

export interface FilterState {
  /** Entity types switched off in the legend. */
  hiddenTypes: Set<string>;
  /** Edges below this confidence are hidden. */
  minConfidence: number;
  /** Nodes below this degree (the graph's `degree` attribute) are hidden. */
  minDegree: number;
  /** Only relations of these classes (relation schema ids: CONSULT, ACCUSE, ...) are shown; empty: every class. */
  relations: Set<string>;
  /** Only relations with these predicates are shown; empty: every predicate. */
  predicates: Set<string>;
  /** Only relations with a statement from one of these articles are shown; empty: every article. */
  articles: Set<string>;
  /** Inclusive days ("YYYY-MM-DD"); null: open-ended. */
  dateFrom: string | null;
  dateTo: string | null;
  /**
   * With a date set, statements without a date (neither their own nor their
   * article's) are hidden unless this is on: a range asks for what is known
   * to be in it.
   */
  keepUndated: boolean;
  /** Entities with no relation in the graph are drawn too. */
  showUnrelated: boolean;
  /** Relations not stated as facts (negated, denied, planned, possible) are shown too. */
  showAllModes: boolean;
}

export const DEFAULT_FILTERS: Readonly<FilterState> = Object.freeze({
  hiddenTypes: new Set<string>(),
  minConfidence: 0,
  minDegree: 0,
  relations: new Set<string>(),
  predicates: new Set<string>(),
  articles: new Set<string>(),
  dateFrom: null,
  dateTo: null,
  keepUndated: false,
  showUnrelated: false,
  showAllModes: false,
});

export function createFilters(partial: Partial<FilterState> = {}): FilterState {
  return {
    hiddenTypes: new Set(partial.hiddenTypes ?? []),
    minConfidence: partial.minConfidence ?? 0,
    minDegree: partial.minDegree ?? 0,
    relations: new Set(partial.relations ?? []),
    predicates: new Set(partial.predicates ?? []),
    articles: new Set(partial.articles ?? []),
    dateFrom: partial.dateFrom ?? null,
    dateTo: partial.dateTo ?? null,
    keepUndated: partial.keepUndated ?? false,
    showUnrelated: partial.showUnrelated ?? false,
    showAllModes: partial.showAllModes ?? false,
  };
}

const hasDates = (f: FilterState) => f.dateFrom !== null || f.dateTo !== null;

/** Whether the class, predicate, article or date filters are on (they also hide unconnected entities). */
export function hasRelationFilters(f: FilterState): boolean {
  return f.relations.size > 0 || f.predicates.size > 0 || f.articles.size > 0 || hasDates(f);
}

export function isDefaultFilters(f: FilterState): boolean {
  return f.hiddenTypes.size === 0 && f.minConfidence <= 0 && f.minDegree <= 0 && !hasRelationFilters(f) && !f.showUnrelated && !f.showAllModes;
}

/**
 * Whether an entity has no relation in the graph: none at all, or, while
 * only facts are shown (`allModes` false), none stated as a fact. The other
 * filters do not count.
 */
export function isUnrelated(graph: ViewerGraph, key: string, allModes = false): boolean {
  return allModes ? graph.degree(key) === 0 : !graph.someEdge(key, (_edge, attrs) => isFact(attrs));
}

/** A test for `isUnrelated` over the whole graph, one pass over its edges. */
function unrelatedTest(graph: ViewerGraph, allModes: boolean): (key: string) => boolean {
  if (allModes) return (key) => graph.degree(key) === 0;
  const related = new Set<string>();
  graph.forEachEdge((_edge, attrs, source, target) => {
    if (isFact(attrs)) related.add(source).add(target);
  });
  return (key) => !related.has(key);
}

/** How many entities of the graph have no relation (see isUnrelated). */
export function countUnrelated(graph: ViewerGraph, allModes = false): number {
  const test = unrelatedTest(graph, allModes);
  let n = 0;
  graph.forEachNode((key) => void (test(key) && n++));
  return n;
}

export interface Visibility {
  nodes: Set<string>;
  edges: Set<string>;
  /**
   * Entities hidden only because they have no relation (the type and degree
   * filters would show them): search still offers them.
   */
  unrelated: Set<string>;
}

export function nodeDegree(graph: ViewerGraph, key: string): number {
  const d = graph.getNodeAttribute(key, "degree");
  return typeof d === "number" && Number.isFinite(d) ? d : graph.degree(key);
}

interface SourceTests {
  article: ((id: string) => boolean) | null;
  /** A statement's own date first ("on Monday", resolved), else its article's. */
  date: ((date: string | undefined, article: string | undefined) => boolean) | null;
}

/** The article and date tests, or null when neither filter is on. */
function sourceTests(graph: ViewerGraph, filters: FilterState): SourceTests | null {
  if (!filters.articles.size && !hasDates(filters)) return null;
  const range: DateRange = { from: filters.dateFrom, to: filters.dateTo };
  const dates = articleDates(graph);
  return {
    article: filters.articles.size ? (id) => filters.articles.has(id) : null,
    date: hasDates(filters)
      ? (date, article) => dateInRange(date ?? (article ? dates.get(article) : undefined), range) ?? filters.keepUndated
      : null,
  };
}

/**
 * An edge passes when one of its statements passes both the article and the
 * date test: "said in this article, in this period". Edges whose evidence
 * does not name its article (read from a GEXF file) are judged on their
 * article and date lists instead.
 */
function edgeFromSources(attrs: EdgeAttributes, t: SourceTests): boolean {
  const located = attrs.evidence.filter((e) => e.article);
  if (located.length) return located.some((e) => (!t.article || t.article(e.article)) && (!t.date || t.date(e.date, e.article)));
  if (t.article && !attrs.articles.some(t.article)) return false;
  if (!t.date) return true;
  const date = t.date;
  if (attrs.dates.length) return attrs.dates.some((d) => date(d, undefined));
  if (attrs.articles.length) return attrs.articles.some((a) => date(undefined, a));
  return date(undefined, undefined);
}

/**
 * What the filters show. `reveal` is an entity to show even though it has no
 * relation (the one the user found and selected); the other filters still
 * apply to it.
 */
export function computeVisibility(graph: ViewerGraph, filters: FilterState, reveal: string | null = null): Visibility {
  let nodes = new Set<string>();
  const unrelated = new Set<string>();
  const isLoner = filters.showUnrelated ? null : unrelatedTest(graph, filters.showAllModes);
  graph.forEachNode((key, attrs) => {
    if (filters.hiddenTypes.has(attrs.type || "Other")) return;
    if (filters.minDegree > 0 && nodeDegree(graph, key) < filters.minDegree) return;
    if (isLoner?.(key)) {
      unrelated.add(key);
      if (key !== reveal) return;
    }
    nodes.add(key);
  });
  const tests = sourceTests(graph, filters);
  const edges = new Set<string>();
  graph.forEachEdge((key, attrs, source, target) => {
    if (!nodes.has(source) || !nodes.has(target)) return;
    if (!filters.showAllModes && !isFact(attrs)) return;
    if (filters.minConfidence > 0 && !(attrs.confidence >= filters.minConfidence)) return;
    if (filters.relations.size > 0 && !filters.relations.has(relationOf(attrs))) return;
    if (filters.predicates.size > 0 && !filters.predicates.has(attrs.predicate)) return;
    if (tests && !edgeFromSources(attrs, tests)) return;
    edges.add(key);
  });
  if (hasRelationFilters(filters)) {
    const connected = new Set<string>();
    for (const e of edges) connected.add(graph.source(e)).add(graph.target(e));
    if (reveal !== null && unrelated.has(reveal)) connected.add(reveal);
    nodes = connected;
  }
  return { nodes, edges, unrelated };
}

/**
 * Filters from a link, minus classes, predicates and articles this graph
 * does not have: a stale link would otherwise hide everything, with no box
 * to untick.
 */
export function knownOnly(filters: FilterState, graph: ViewerGraph): FilterState {
  if (!filters.relations.size && !filters.predicates.size && !filters.articles.size) return filters;
  const relations = new Set(relationOptions(graph).flatMap((g) => g.classes.map((c) => c.id)));
  const predicates = new Set(predicateOptions(graph).map((o) => o.predicate));
  const articles = new Set(articleOptions(graph).map((o) => o.id));
  return {
    ...filters,
    relations: new Set([...filters.relations].filter((r) => relations.has(r))),
    predicates: new Set([...filters.predicates].filter((p) => predicates.has(p))),
    articles: new Set([...filters.articles].filter((a) => articles.has(a))),
  };
}

/** The largest degree in the graph: the upper end of the min-degree slider. */
export function maxDegree(graph: ViewerGraph): number {
  let max = 0;
  graph.forEachNode((key) => {
    max = Math.max(max, nodeDegree(graph, key));
  });
  return max;
}
