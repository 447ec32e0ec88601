/**
 * What the predicate, article and date filters offer: the graph's
 * predicates and articles with counts, the span of its dates, and matching
 * a typed query against them. Pure; the filter view renders these.
 */
import { normalise } from "../search/index.ts";
import type { ViewerGraph } from "../types.ts";
import { daySpan } from "./dates.ts";

export interface PredicateOption {
  predicate: string;
  /** As shown: underscores as spaces ("leader of"). */
  label: string;
  /** Relations (edges) with this predicate. */
  count: number;
}

/** Every predicate, most frequent first. */
export function predicateOptions(graph: ViewerGraph): PredicateOption[] {
  const counts = new Map<string, number>();
  graph.forEachEdge((_key, attrs) => counts.set(attrs.predicate, (counts.get(attrs.predicate) ?? 0) + 1));
  return [...counts]
    .map(([predicate, count]) => ({ predicate, label: predicate.replace(/_/g, " "), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

export interface ArticleOption {
  id: string;
  title: string | null;
  date: string | null;
  /** Relations with at least one statement from this article. */
  count: number;
}

/** Article id → date, from the graph's article list: the date of evidence that has none of its own. */
export function articleDates(graph: ViewerGraph): Map<string, string> {
  const dates = new Map<string, string>();
  const list = graph.getAttribute("articles");
  if (Array.isArray(list)) for (const a of list) if (a && typeof a.id === "string" && typeof a.date === "string") dates.set(a.id, a.date);
  return dates;
}

/**
 * The graph's articles (its article list, plus any that only evidence
 * names), newest first, undated last. Articles no relation cites are left
 * out: choosing them would show nothing.
 */
export function articleOptions(graph: ViewerGraph): ArticleOption[] {
  const counts = new Map<string, number>();
  graph.forEachEdge((_key, attrs) => {
    const ids = new Set(attrs.evidence.map((e) => e.article).filter(Boolean));
    if (!ids.size) for (const a of attrs.articles) ids.add(a);
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  });
  const known = new Map<string, { title: string | null; date: string | null }>();
  const list = graph.getAttribute("articles");
  if (Array.isArray(list)) {
    for (const a of list) {
      if (a && typeof a.id === "string") known.set(a.id, { title: typeof a.title === "string" && a.title.trim() ? a.title : null, date: typeof a.date === "string" ? a.date : null });
    }
  }
  return [...counts]
    .map(([id, count]) => ({ id, count, title: known.get(id)?.title ?? null, date: known.get(id)?.date ?? null }))
    .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "") || articleLabel(a).localeCompare(articleLabel(b)));
}

/** How an article is named in the filter: its title, else its id (a file name). */
export function articleLabel(a: { id: string; title: string | null }): string {
  return a.title ?? a.id;
}

/** The first and last day any statement or article is dated: the bounds of the date inputs. */
export function dateExtent(graph: ViewerGraph): { min: string | null; max: string | null } {
  let min: string | null = null;
  let max: string | null = null;
  const add = (date: string | undefined | null) => {
    const span = daySpan(date);
    if (!span) return;
    if (!min || span.first < min) min = span.first;
    if (!max || span.last > max) max = span.last;
  };
  for (const date of articleDates(graph).values()) add(date);
  graph.forEachEdge((_key, attrs) => {
    for (const e of attrs.evidence) add(e.date);
    for (const d of attrs.dates) add(d);
  });
  // A month or a year ends on "-31" (see daySpan); a date input needs a real day.
  if (max) max = clampDay(max);
  return { min, max };
}

function clampDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > last ? `${day.slice(0, 8)}${String(last).padStart(2, "0")}` : day;
}

/**
 * The options whose text contains the query (case, accents and punctuation
 * ignored, as in the search box); all of them for an empty query.
 */
export function matchOptions<T>(options: readonly T[], query: string, text: (option: T) => string): T[] {
  const q = normalise(query);
  if (!q) return [...options];
  return options.filter((o) => normalise(text(o)).includes(q));
}
