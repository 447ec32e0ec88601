/**
 * Autocomplete over entity names and aliases: an index built once from the
 * graph, and a ranking function. Matching ignores case, accents and
 * punctuation, so "kiev", "Kiev" and "KIEV" all find Kyiv through its alias.
 */
import type { ViewerGraph } from "../types.ts";

export interface SearchEntry {
  key: string;
  label: string;
  type: string;
  /** Every name the entity goes by, the label first. */
  names: string[];
  /** `names`, normalised. */
  normalised: string[];
  /** Used to break ties: more important entities first. */
  weight: number;
}

export interface SearchResult {
  key: string;
  label: string;
  type: string;
  /** The alias that matched when it is not the label ("Kiev" for Kyiv). */
  via: string | null;
  score: number;
}

/** Lower case, no accents, punctuation as spaces, single spaces. */
export function normalise(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function buildSearchIndex(graph: ViewerGraph): SearchEntry[] {
  const entries: SearchEntry[] = [];
  graph.forEachNode((key, attrs) => {
    const names: string[] = [];
    const normalised: string[] = [];
    for (const name of [attrs.label, ...(attrs.aliases ?? [])]) {
      if (typeof name !== "string") continue;
      const n = normalise(name);
      if (!n || normalised.includes(n)) continue;
      names.push(name);
      normalised.push(n);
    }
    entries.push({
      key,
      label: attrs.label,
      type: attrs.type,
      names,
      normalised,
      weight: (attrs.pagerank || 0) * 1000 + (attrs.degree || 0),
    });
  });
  return entries;
}

/** How well a normalised name matches a normalised query; 0 = no match. */
export function matchScore(name: string, query: string): number {
  if (!query) return 0;
  if (name === query) return 100;
  if (name.startsWith(query)) return 80;
  // A word of the name starts with the query ("putin" in "vladimir putin").
  if (name.includes(" " + query)) return 60;
  // Every query word starts a word of the name, in any order ("xi jin" / "jinping xi").
  const words = name.split(" ");
  const queryWords = query.split(" ");
  if (queryWords.length > 1 && queryWords.every((q) => words.some((w) => w.startsWith(q)))) return 50;
  if (name.includes(query)) return 30;
  return 0;
}

export interface SearchOptions {
  limit?: number;
  /** Entities that may be returned (e.g. those passing the filters). */
  isVisible?: (key: string) => boolean;
}

export function search(index: readonly SearchEntry[], query: string, options: SearchOptions = {}): SearchResult[] {
  const q = normalise(query);
  if (!q) return [];
  const { limit = 10, isVisible } = options;
  const results: Array<SearchResult & { weight: number }> = [];
  for (const entry of index) {
    if (isVisible && !isVisible(entry.key)) continue;
    let best = 0;
    let bestIndex = -1;
    entry.normalised.forEach((name, i) => {
      // The label wins ties against aliases.
      const score = matchScore(name, q) - (i === 0 ? 0 : 1);
      if (score > best) {
        best = score;
        bestIndex = i;
      }
    });
    if (best <= 0) continue;
    results.push({
      key: entry.key,
      label: entry.label,
      type: entry.type,
      via: bestIndex > 0 ? entry.names[bestIndex]! : null,
      score: best,
      weight: entry.weight,
    });
  }
  results.sort((a, b) => b.score - a.score || b.weight - a.weight || a.label.localeCompare(b.label));
  return results.slice(0, limit).map(({ weight: _w, ...r }) => r);
}
