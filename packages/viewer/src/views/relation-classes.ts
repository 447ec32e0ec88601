/**
 * The relation class filter: the graph's classes (CONSULT, ACCUSE, ...,
 * by their labels) under their groups (cooperation, conflict, standing
 * relations, other), each with its count. Ticking narrows to the ticked
 * classes; a group's heading ticks or clears the whole group; nothing ticked
 * means no filter. The search matches labels, ids, CAMEO codes and the verbs
 * of each class's relations. Counts are of the relations the statement
 * control lets through (facts only, by default).
 */
import { RELATION_GROUP_COLORS } from "../core/appearance/index.ts";
import { matchOptions } from "../core/filters/index.ts";
import { formatGoldstein, groupState, toggleGroup, type RelationGroupOption, type RelationOption } from "../core/relations/index.ts";
import { h } from "./dom.ts";
import { filterGroup } from "./filter-group.ts";

export interface ClassFilterOptions {
  groups: RelationGroupOption[];
  onChange: (selected: Set<string>) => void;
}

export interface ClassFilter {
  element: HTMLDetailsElement;
  update(selected: ReadonlySet<string>, allModes: boolean): void;
}

function lineSwatch(color: string): HTMLSpanElement {
  const s = h("span", { class: "line-swatch", attrs: { "aria-hidden": "true" } });
  s.style.background = color;
  return s;
}

/** What a class row says on hover: label, id, code and score, and why its count may be zero. */
function rowTitle(c: RelationOption, shown: number, allModes: boolean): string {
  const parts = [`${c.label} (${c.id})`];
  if (c.cameo) parts.push(`CAMEO ${c.cameo}`);
  if (c.goldstein !== undefined) parts.push(`Goldstein ${formatGoldstein(c.goldstein)}`);
  let title = `${parts.join(", ")}: ${shown} relation${shown === 1 ? "" : "s"}`;
  if (!allModes && c.count > c.facts) title += ` (and ${c.count - c.facts} not stated as fact, hidden)`;
  return title;
}

export function createClassFilter(options: ClassFilterOptions): ClassFilter {
  let selected: ReadonlySet<string> = new Set();
  const total = options.groups.reduce((n, g) => n + g.classes.length, 0);

  const badge = h("span", { class: "filter-badge" });
  const search = h("input", {
    class: "filter-search",
    attrs: { type: "search", placeholder: "Find a class or a verb…", "aria-label": "Search relation classes", autocomplete: "off", spellcheck: "false" },
  });
  const empty = h("p", { class: "muted checklist-empty" }, "Nothing matches.");
  const clearButton = h("button", { class: "link-btn", attrs: { type: "button" }, on: { click: () => options.onChange(new Set()) } }, "Clear");

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    options.onChange(next);
  };

  interface Row {
    option: RelationOption;
    item: HTMLLIElement;
    box: HTMLInputElement;
    label: HTMLLabelElement;
    count: HTMLSpanElement;
  }
  const sections: Array<{ group: RelationGroupOption; element: HTMLElement; box: HTMLInputElement; count: HTMLSpanElement; rows: Row[] }> = [];

  for (const group of options.groups) {
    const headBox = h("input", { attrs: { type: "checkbox", "data-group": group.group } });
    headBox.addEventListener("change", () => options.onChange(toggleGroup(selected, group)));
    const headCount = h("span", { class: "count" });
    const rows: Row[] = group.classes.map((option) => {
      const box = h("input", { attrs: { type: "checkbox", value: option.id } });
      box.addEventListener("change", () => toggle(option.id, box.checked));
      const count = h("span", { class: "count" });
      const label = h(
        "label",
        null,
        box,
        h(
          "span",
          { class: "check-text" },
          h("span", { class: "check-label" }, option.label),
          option.detail ? h("span", { class: "check-detail" }, option.detail) : null,
        ),
        count,
      );
      return { option, box, label, count, item: h("li", { dataset: { relation: option.id } }, label) };
    });
    const element = h(
      "section",
      { class: "class-group", dataset: { group: group.group }, attrs: { "data-testid": `class-group-${group.group}` } },
      h(
        "label",
        { class: "class-group-head", attrs: { title: `Tick or clear every ${group.name.toLowerCase()} class` } },
        headBox,
        lineSwatch(RELATION_GROUP_COLORS[group.group].color),
        h("span", { class: "class-group-name" }, group.name),
        headCount,
      ),
      h("ul", { class: "checklist class-list", attrs: { "aria-label": group.name } }, ...rows.map((r) => r.item)),
    );
    sections.push({ group, element, box: headBox, count: headCount, rows });
  }

  const element = filterGroup(
    "relations",
    "Relation classes",
    badge,
    search,
    h("div", { class: "class-groups" }, ...sections.map((s) => s.element), empty),
    h("div", { class: "filter-foot" }, h("span", null, "Tick classes, or a group's name for all of it."), clearButton),
  );

  const filterRows = () => {
    const matching = new Set(matchOptions(options.groups.flatMap((g) => g.classes), search.value, (c) => c.searchText).map((c) => c.id));
    let any = false;
    for (const s of sections) {
      let shown = 0;
      for (const r of s.rows) {
        // A ticked class stays listed, so it can be unticked.
        r.item.hidden = !matching.has(r.option.id) && !selected.has(r.option.id);
        if (!r.item.hidden) shown++;
      }
      s.element.hidden = shown === 0;
      if (shown) any = true;
    }
    empty.hidden = any;
  };
  search.addEventListener("input", filterRows);

  return {
    element,
    update(next, modes) {
      selected = next;
      for (const s of sections) {
        for (const r of s.rows) {
          const shown = modes ? r.option.count : r.option.facts;
          r.box.checked = next.has(r.option.id);
          r.count.textContent = String(shown);
          r.label.title = rowTitle(r.option, shown, modes);
          r.item.classList.toggle("none-shown", shown === 0);
        }
        const state = groupState(next, s.group);
        s.box.checked = state === "all";
        s.box.indeterminate = state === "some";
        s.count.textContent = String(modes ? s.group.count : s.group.facts);
      }
      filterRows();
      badge.textContent = next.size ? `${next.size} of ${total}` : `all ${total}`;
      element.classList.toggle("active", next.size > 0);
      clearButton.hidden = next.size === 0;
    },
  };
}
