/**
 * The relation filters under the legend: relation classes, verbs
 * (predicates), articles and a date range, each a collapsible group that
 * says when it is on. Titles and ids of articles, and verbs, are inserted
 * as text.
 */
import { articleLabel, normaliseRange, type ArticleOption, type FilterState, type PredicateOption } from "../core/filters/index.ts";
import type { RelationGroupOption } from "../core/relations/index.ts";
import { createChecklist } from "./checklist.ts";
import { h } from "./dom.ts";
import { filterGroup } from "./filter-group.ts";
import { createClassFilter } from "./relation-classes.ts";

export interface RelationFiltersOptions {
  relations: RelationGroupOption[];
  predicates: PredicateOption[];
  articles: ArticleOption[];
  dateExtent: { min: string | null; max: string | null };
  onRelations: (selected: Set<string>) => void;
  onPredicates: (selected: Set<string>) => void;
  onArticles: (selected: Set<string>) => void;
  onDates: (range: { dateFrom: string | null; dateTo: string | null; keepUndated: boolean }) => void;
  onResetAll: () => void;
}

export interface RelationFilters {
  element: HTMLElement;
  update(filters: FilterState, anyFilter: boolean): void;
}

/** Short enough for the group's heading: "2024-05-01 – 06-30", "from 2024-05-01", "any". */
export function rangeBadge(from: string | null, to: string | null): string {
  if (from && to) return from.slice(0, 4) === to.slice(0, 4) ? `${from} – ${to.slice(5)}` : `${from} – ${to}`;
  if (from) return `from ${from}`;
  if (to) return `until ${to}`;
  return "any";
}

export function createRelationFilters(options: RelationFiltersOptions): RelationFilters {
  const classes = createClassFilter({ groups: options.relations, onChange: options.onRelations });
  const predicates = createChecklist({
    id: "predicates",
    heading: "Verbs",
    countNoun: "relations",
    placeholder: "Find a verb…",
    hint: "Tick to show only those.",
    items: options.predicates.map((p) => ({ key: p.predicate, label: p.label, count: p.count })),
    onChange: options.onPredicates,
  });
  const articles = createChecklist({
    id: "articles",
    heading: "Articles",
    countNoun: "relations",
    placeholder: "Find an article…",
    hint: "Tick to show what they say.",
    items: options.articles.map((a) => ({ key: a.id, label: articleLabel(a), detail: a.date, count: a.count })),
    limit: 60,
    onChange: options.onArticles,
  });

  const { min, max } = options.dateExtent;
  const dateInput = (id: string, label: string) =>
    h("input", { attrs: { type: "date", id, "aria-label": label, ...(min ? { min } : {}), ...(max ? { max } : {}) } });
  const from = dateInput("date-from", "From date");
  const to = dateInput("date-to", "To date");
  const undated = h("input", { attrs: { type: "checkbox", id: "keep-undated" } });
  const datesBadge = h("span", { class: "filter-badge" });
  const clearDates = h("button", { class: "link-btn", attrs: { type: "button" } }, "Clear");
  const emit = (range: { from: string | null; to: string | null }) =>
    options.onDates({ dateFrom: range.from, dateTo: range.to, keepUndated: undated.checked });
  const changed = () => emit(normaliseRange(from.value, to.value));
  from.addEventListener("change", changed);
  to.addEventListener("change", changed);
  undated.addEventListener("change", changed);
  clearDates.addEventListener("click", () => emit({ from: null, to: null }));
  const dates = filterGroup(
    "dates",
    "Dates",
    datesBadge,
    h(
      "div",
      { class: "date-range" },
      h("label", { attrs: { for: "date-from" } }, "From"),
      from,
      h("label", { attrs: { for: "date-to" } }, "To"),
      to,
    ),
    h("label", { class: "check-line" }, undated, h("span", null, "Keep relations with no date")),
    h(
      "div",
      { class: "filter-foot" },
      h(
        "span",
        null,
        "Dated ",
        h("span", { class: "nowrap" }, min ?? ""),
        " to ",
        h("span", { class: "nowrap" }, max ?? ""),
        ". A statement counts by its own date, else its article's.",
      ),
      clearDates,
    ),
  );
  // A group with nothing to choose from (a GEXF without articles, an undated graph) is left out.
  classes.element.hidden = options.relations.length === 0;
  predicates.element.hidden = options.predicates.length === 0;
  articles.element.hidden = options.articles.length === 0;
  dates.hidden = !min;

  const reset = h("button", { class: "btn small reset-filters", attrs: { type: "button" }, on: { click: options.onResetAll } }, "Reset all filters");
  const element = h("div", { class: "relation-filters" }, h("h2", null, "Relations"), classes.element, predicates.element, articles.element, dates, reset);

  // Groups open by themselves when a link arrives with them on, and only then.
  let first = true;
  return {
    element,
    update(filters, anyFilter) {
      classes.update(filters.relations, filters.showAllModes);
      predicates.update(filters.predicates);
      articles.update(filters.articles);
      from.value = filters.dateFrom ?? "";
      to.value = filters.dateTo ?? "";
      undated.checked = filters.keepUndated;
      const on = filters.dateFrom !== null || filters.dateTo !== null;
      datesBadge.textContent = rangeBadge(filters.dateFrom, filters.dateTo);
      datesBadge.title = on ? `${filters.dateFrom ?? "any date"} to ${filters.dateTo ?? "any date"}` : "";
      dates.classList.toggle("active", on);
      clearDates.hidden = !on;
      reset.hidden = !anyFilter;
      if (first) {
        classes.element.open = filters.relations.size > 0;
        predicates.element.open = filters.predicates.size > 0;
        articles.element.open = filters.articles.size > 0;
        dates.open = on;
        first = false;
      }
    },
  };
}
