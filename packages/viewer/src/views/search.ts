/**
 * The search box: an ARIA combobox with a result list. Arrow keys move
 * through the results, Enter chooses, Escape closes the list (and clears the
 * box when the list is already closed).
 */
import type { SearchResult } from "../core/search/index.ts";
import { clear, h, swatch } from "./dom.ts";

export interface SearchBoxOptions {
  search: (query: string) => SearchResult[];
  colorOf: (type: string) => string;
  onChoose: (key: string) => void;
  /** The result under the keyboard cursor, to be emphasised on the canvas (null when none). */
  onPreview?: (key: string | null) => void;
}

export interface SearchBox {
  input: HTMLInputElement;
  /** Re-runs the current query (after filters change). */
  refresh(): void;
  close(): void;
}

export function createSearchBox(root: HTMLElement, options: SearchBoxOptions): SearchBox {
  const listId = "search-results";
  const input = h("input", {
    attrs: {
      type: "search",
      placeholder: "Search people, places…",
      "aria-label": "Search entities",
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": listId,
      autocomplete: "off",
      spellcheck: "false",
    },
  });
  const list = h("ul", { class: "search-results", attrs: { id: listId, role: "listbox", "aria-label": "Search results" } });
  list.hidden = true;
  root.append(input, list);

  let results: SearchResult[] = [];
  let active = -1;

  const setActive = (i: number) => {
    active = i;
    list.querySelectorAll("li[role=option]").forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
    const el = list.querySelector<HTMLElement>(`#search-option-${i}`);
    if (el) {
      input.setAttribute("aria-activedescendant", el.id);
      el.scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
    options.onPreview?.(results[i]?.key ?? null);
  };

  const open = (value: boolean) => {
    list.hidden = !value;
    input.setAttribute("aria-expanded", String(value));
    if (!value) {
      active = -1;
      input.removeAttribute("aria-activedescendant");
      options.onPreview?.(null);
    }
  };

  const choose = (i: number) => {
    const r = results[i];
    if (!r) return;
    input.value = r.label;
    open(false);
    input.blur();
    options.onChoose(r.key);
  };

  const render = () => {
    const query = input.value;
    results = options.search(query);
    clear(list);
    if (!query.trim()) return open(false);
    if (!results.length) {
      list.appendChild(h("li", { class: "empty", attrs: { role: "option", "aria-disabled": "true" } }, "No matching entity"));
    }
    results.forEach((r, i) => {
      list.appendChild(
        h(
          "li",
          {
            attrs: { id: `search-option-${i}`, role: "option", "aria-selected": "false" },
            on: {
              mousedown: (e) => e.preventDefault(), // keep focus in the input
              click: () => choose(i),
              mousemove: () => active !== i && setActive(i),
            },
          },
          swatch(options.colorOf(r.type)),
          h("span", { class: "result-label" }, r.label),
          r.via ? h("span", { class: "result-via" }, `(${r.via})`) : null,
          h("span", { class: "result-type" }, r.type),
        ),
      );
    });
    open(true);
    setActive(results.length ? 0 : -1);
  };

  input.addEventListener("input", render);
  input.addEventListener("focus", () => input.value.trim() && render());
  input.addEventListener("blur", () => open(false));
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (list.hidden) return render();
      if (!results.length) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((active + step + results.length) % results.length);
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (list.hidden) render();
      choose(active >= 0 ? active : 0);
    } else if (e.key === "Escape") {
      e.preventDefault();
      if (!list.hidden) open(false);
      else {
        input.value = "";
        input.blur();
      }
    }
  });

  return {
    input,
    refresh: () => !list.hidden && render(),
    close: () => open(false),
  };
}
