/**
 * The legend (entity type → colour, click to hide or show a type; relation
 * group → edge colour) and the filter controls below it.
 */
import type { ColorMode, LegendEntry, RelationLegendEntry } from "../core/appearance/index.ts";
import type { FilterState } from "../core/filters/index.ts";
import { clear, h, swatch } from "./dom.ts";

export interface LegendOptions {
  entries: LegendEntry[];
  /** Edge colours by relation group (the relation class filter is below). */
  relationEntries: RelationLegendEntry[];
  maxDegree: number;
  hasCommunities: boolean;
  collapsed: boolean;
  onToggleType: (type: string) => void;
  onShowAllTypes: () => void;
  onMinConfidence: (value: number) => void;
  onMinDegree: (value: number) => void;
  onColorMode: (mode: ColorMode) => void;
  /** More filter controls, placed after the colour choice (the relation filters). */
  extra?: HTMLElement;
}

export interface LegendSummary {
  shownNodes: number;
  totalNodes: number;
  shownEdges: number;
  totalEdges: number;
}

export interface Legend {
  update(filters: FilterState, colorMode: ColorMode, summary: LegendSummary): void;
}

export function createLegend(root: HTMLElement, options: LegendOptions): Legend {
  clear(root);
  root.hidden = false;
  const body = h("div", { class: "legend-body", attrs: { id: "legend-body" } });
  const toggle = h(
    "button",
    {
      class: "btn small",
      attrs: { type: "button", "aria-controls": "legend-body", "aria-expanded": String(!options.collapsed) },
      on: {
        click: () => {
          body.hidden = !body.hidden;
          toggle.setAttribute("aria-expanded", String(!body.hidden));
          toggle.textContent = body.hidden ? "Show" : "Hide";
        },
      },
    },
    options.collapsed ? "Show" : "Hide",
  );
  body.hidden = options.collapsed;
  root.append(h("div", { class: "legend-head" }, h("h2", null, "Entity types"), toggle), body);

  const typeButtons = new Map<string, HTMLButtonElement>();
  const list = h("ul", { attrs: { "aria-label": "Entity types: click to hide or show" } });
  for (const entry of options.entries) {
    const button = h(
      "button",
      {
        attrs: { type: "button", "aria-pressed": "true", title: `Hide or show ${entry.type}` },
        dataset: { type: entry.type },
        on: { click: () => options.onToggleType(entry.type) },
      },
      swatch(entry.color),
      h("span", { class: "legend-name" }, entry.type),
      h("span", { class: "count" }, entry.count),
    );
    typeButtons.set(entry.type, button);
    list.appendChild(h("li", null, button));
  }
  const showAll = h("button", { class: "link-btn", attrs: { type: "button" }, on: { click: options.onShowAllTypes } }, "Show all types");

  const lineSwatch = (color: string) => {
    const s = h("span", { class: "line-swatch", attrs: { "aria-hidden": "true" } });
    s.style.background = color;
    return s;
  };
  const relationLegend = options.relationEntries.length
    ? [
        h("h2", { class: "legend-sub" }, "Relation colours"),
        h(
          "ul",
          { class: "relation-legend", attrs: { "aria-label": "Relation colours", "data-testid": "relation-legend" } },
          ...options.relationEntries.map((e) =>
            h("li", { dataset: { group: e.group } }, lineSwatch(e.color), h("span", { class: "legend-name" }, e.name), h("span", { class: "count" }, e.count)),
          ),
        ),
      ]
    : [];

  const conf = h("input", { attrs: { type: "range", min: "0", max: "1", step: "0.05", value: "0", id: "min-confidence", "aria-label": "Minimum confidence" } });
  const confOut = h("output", { attrs: { for: "min-confidence" } }, "0");
  conf.addEventListener("input", () => options.onMinConfidence(Number(conf.value)));

  const deg = h("input", {
    attrs: { type: "range", min: "0", max: String(Math.max(1, options.maxDegree)), step: "1", value: "0", id: "min-degree", "aria-label": "Minimum degree" },
  });
  const degOut = h("output", { attrs: { for: "min-degree" } }, "0");
  deg.addEventListener("input", () => options.onMinDegree(Number(deg.value)));

  const color = h(
    "select",
    { attrs: { id: "color-mode", "aria-label": "Colour nodes by" } },
    h("option", { attrs: { value: "type" } }, "entity type"),
    h("option", { attrs: { value: "community" } }, "community"),
  );
  color.disabled = !options.hasCommunities;
  color.addEventListener("change", () => options.onColorMode(color.value === "community" ? "community" : "type"));

  const summary = h("div", { class: "legend-summary", attrs: { "aria-live": "polite" } });
  const communityNote = h("div", { class: "legend-summary" }, "Node colours show communities; the list above filters by type.");

  body.append(
    list,
    showAll,
    ...relationLegend,
    h("label", { class: "filter" }, h("span", null, "Min. relation confidence"), confOut, conf),
    h("label", { class: "filter" }, h("span", null, "Min. degree"), degOut, deg),
    h("label", { class: "filter" }, h("span", null, "Colour by"), color),
    communityNote,
    ...(options.extra ? [options.extra] : []),
    summary,
  );

  return {
    update(filters, colorMode, s) {
      for (const [type, button] of typeButtons) button.setAttribute("aria-pressed", String(!filters.hiddenTypes.has(type)));
      showAll.hidden = filters.hiddenTypes.size === 0;
      conf.value = String(filters.minConfidence);
      confOut.textContent = filters.minConfidence.toFixed(2);
      deg.value = String(filters.minDegree);
      degOut.textContent = String(filters.minDegree);
      color.value = colorMode;
      communityNote.hidden = colorMode !== "community";
      summary.textContent = `${s.shownNodes} of ${s.totalNodes} entities · ${s.shownEdges} of ${s.totalEdges} relations shown`;
    },
  };
}
