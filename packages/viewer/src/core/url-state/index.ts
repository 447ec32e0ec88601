/**
 * The part of the viewer's state that lives in the address bar, so that a
 * link or a reload shows the same thing: the graph URL, the selection, the
 * filters (`unrelated=1`: entities with no relation shown; `modes=all`:
 * relations not stated as facts shown too) and the colouring. Relation
 * classes, predicates and articles are repeated parameters
 * (`rel=CONSULT&rel=ACCUSE`, `pred=meet&pred=visit`): article ids are file
 * names, which may hold commas.
 */
import type { ColorMode } from "../appearance/index.ts";
import { normaliseRange, type FilterState } from "../filters/index.ts";
import type { Selection } from "../selection/index.ts";

export interface UrlState {
  graph: string | null;
  selection: Selection | null;
  filters: FilterState;
  colorMode: ColorMode;
}

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

export function decodeUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  const node = p.get("node");
  const edge = p.get("edge");
  const hidden = p.get("hide");
  const minConfidence = Number(p.get("minConf"));
  const minDegree = Number(p.get("minDeg"));
  const range = normaliseRange(p.get("from"), p.get("to"));
  const list = (key: string) => new Set(p.getAll(key).filter(Boolean));
  return {
    graph: p.get("graph") || null,
    selection: node ? { kind: "node", key: node } : edge ? { kind: "edge", key: edge } : null,
    filters: {
      hiddenTypes: new Set(hidden ? hidden.split(",").filter(Boolean) : []),
      minConfidence: Number.isFinite(minConfidence) ? clamp01(minConfidence) : 0,
      minDegree: Number.isFinite(minDegree) && minDegree > 0 ? Math.floor(minDegree) : 0,
      relations: list("rel"),
      predicates: list("pred"),
      articles: list("article"),
      dateFrom: range.from,
      dateTo: range.to,
      keepUndated: p.get("undated") === "1",
      showUnrelated: p.get("unrelated") === "1",
      showAllModes: p.get("modes") === "all",
    },
    colorMode: p.get("color") === "community" ? "community" : "type",
  };
}

/** The query string for a state (with leading "?", or "" when nothing is set). Unknown parameters are kept. */
export function encodeUrlState(state: UrlState, previousSearch = ""): string {
  const p = new URLSearchParams(previousSearch);
  for (const k of ["graph", "node", "edge", "hide", "minConf", "minDeg", "rel", "pred", "article", "from", "to", "undated", "unrelated", "modes", "color"]) p.delete(k);
  if (state.graph) p.set("graph", state.graph);
  if (state.selection?.kind === "node") p.set("node", state.selection.key);
  if (state.selection?.kind === "edge") p.set("edge", state.selection.key);
  if (state.filters.hiddenTypes.size) p.set("hide", [...state.filters.hiddenTypes].sort().join(","));
  if (state.filters.minConfidence > 0) p.set("minConf", String(Math.round(state.filters.minConfidence * 100) / 100));
  if (state.filters.minDegree > 0) p.set("minDeg", String(state.filters.minDegree));
  for (const relation of [...state.filters.relations].sort()) p.append("rel", relation);
  for (const predicate of [...state.filters.predicates].sort()) p.append("pred", predicate);
  for (const article of [...state.filters.articles].sort()) p.append("article", article);
  if (state.filters.dateFrom) p.set("from", state.filters.dateFrom);
  if (state.filters.dateTo) p.set("to", state.filters.dateTo);
  // "Keep undated" only means something with a range; alone it would be noise in the link.
  if (state.filters.keepUndated && (state.filters.dateFrom || state.filters.dateTo)) p.set("undated", "1");
  if (state.filters.showUnrelated) p.set("unrelated", "1");
  if (state.filters.showAllModes) p.set("modes", "all");
  if (state.colorMode !== "type") p.set("color", state.colorMode);
  const s = p.toString();
  return s ? `?${s}` : "";
}
