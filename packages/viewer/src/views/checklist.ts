/**
 * A collapsible, searchable checklist with counts: the predicate and article
 * filters. Ticking narrows to the ticked items; nothing ticked means no
 * filter. Rows keep their order when ticked (no jumping under the pointer);
 * long lists show the first `limit` matches, ticked ones always.
 */
import { matchOptions } from "../core/filters/index.ts";
import { clear, h } from "./dom.ts";
import { filterGroup } from "./filter-group.ts";

export interface ChecklistItem {
  key: string;
  label: string;
  /** A second, muted line (an article's date). */
  detail?: string | null;
  count: number;
}

export interface ChecklistOptions {
  /** Used for test ids and element ids ("predicates", "articles"). */
  id: string;
  heading: string;
  /** What one item is, for the counts ("relations"). */
  countNoun: string;
  placeholder: string;
  hint: string;
  items: ChecklistItem[];
  limit?: number;
  onChange: (selected: Set<string>) => void;
}

export interface Checklist {
  element: HTMLDetailsElement;
  update(selected: ReadonlySet<string>): void;
}

export function createChecklist(options: ChecklistOptions): Checklist {
  const limit = options.limit ?? 80;
  let selected: ReadonlySet<string> = new Set();
  const rows = new Map<string, HTMLInputElement>();

  const badge = h("span", { class: "filter-badge" });
  const search = h("input", {
    class: "filter-search",
    attrs: { type: "search", placeholder: options.placeholder, "aria-label": `Search ${options.heading.toLowerCase()}`, autocomplete: "off", spellcheck: "false" },
  });
  const list = h("ul", { class: "checklist", attrs: { "aria-label": options.heading, id: `filter-${options.id}-list` } });
  const note = h("p", { class: "checklist-note" });
  const clearButton = h("button", { class: "link-btn", attrs: { type: "button" }, on: { click: () => options.onChange(new Set()) } }, "Clear");
  const element = filterGroup(options.id, options.heading, badge, search, list, note, h("div", { class: "filter-foot" }, h("span", null, options.hint), clearButton));

  const toggle = (key: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(key);
    else next.delete(key);
    options.onChange(next);
  };

  const row = (item: ChecklistItem) => {
    const box = h("input", { attrs: { type: "checkbox", value: item.key } });
    box.checked = selected.has(item.key);
    box.addEventListener("change", () => toggle(item.key, box.checked));
    rows.set(item.key, box);
    const title = `${item.label}${item.detail ? ` (${item.detail})` : ""}: ${item.count} ${options.countNoun}`;
    return h(
      "li",
      null,
      h(
        "label",
        { attrs: { title } },
        box,
        h("span", { class: "check-text" }, h("span", { class: "check-label" }, item.label), item.detail ? h("span", { class: "check-detail" }, item.detail) : null),
        h("span", { class: "count" }, item.count),
      ),
    );
  };

  const render = () => {
    const matches = matchOptions(options.items, search.value, (i) => `${i.label} ${i.detail ?? ""} ${i.key}`);
    const shown = matches.slice(0, limit);
    // Ticked items beyond the limit still get a row, so they can be unticked.
    for (const item of matches.slice(limit)) if (selected.has(item.key)) shown.push(item);
    clear(list);
    rows.clear();
    for (const item of shown) list.appendChild(row(item));
    if (!matches.length) list.appendChild(h("li", { class: "muted checklist-empty" }, "Nothing matches."));
    note.hidden = matches.length <= limit;
    note.textContent = `Showing ${shown.length} of ${matches.length}: type to narrow the list.`;
  };
  search.addEventListener("input", render);

  return {
    element,
    update(next) {
      selected = next;
      const missing = [...next].some((k) => !rows.has(k));
      if (missing || rows.size === 0) render();
      else for (const [key, box] of rows) box.checked = next.has(key);
      badge.textContent = next.size ? `${next.size} of ${options.items.length}` : `all ${options.items.length}`;
      element.classList.toggle("active", next.size > 0);
      clearButton.hidden = next.size === 0;
    },
  };
}
