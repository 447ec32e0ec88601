/**
 * The collapsible shell every filter of the panel shares: a <details> named `filter-<id>` whose summary
 * shows the heading and a badge, and whose body holds the filter's own controls.
 */
import { h } from "./dom.ts";

export function filterGroup(id: string, heading: string, badge: HTMLElement, ...body: Node[]): HTMLDetailsElement {
  return h(
    "details",
    { class: "filter-group", attrs: { "data-testid": `filter-${id}` } },
    h("summary", null, h("span", { class: "filter-group-name" }, heading), badge),
    h("div", { class: "filter-group-body" }, ...body),
  );
}
