/**
 * The side panel: details of the selected entity or relation. Everything in
 * it that comes from articles is inserted as text.
 */
import {
  articleInfo,
  highlightSentence,
  predicateText,
  relationsOf,
  sortEvidence,
  type RelationGroup,
} from "../core/selection/index.ts";
import type { EvidenceItem, ViewerGraph } from "../core/types.ts";
import { append, clear, h, swatch } from "./dom.ts";

export interface PanelContext {
  graph: ViewerGraph;
  colorOf: (type: string) => string;
  isEdgeVisible: (edge: string) => boolean;
  canGoBack: boolean;
  onEntity: (key: string) => void;
  onEdge: (key: string) => void;
  onBack: () => void;
  onClose: () => void;
}

const EVIDENCE_SHOWN = 2;
const ARTICLES_SHOWN = 6;

export function hidePanel(panel: HTMLElement): void {
  panel.hidden = true;
  clear(panel);
  delete panel.dataset.node;
  delete panel.dataset.edge;
}

function frame(panel: HTMLElement, ctx: PanelContext): HTMLElement {
  clear(panel);
  panel.hidden = false;
  delete panel.dataset.node;
  delete panel.dataset.edge;
  const back = h("button", { class: "btn small", attrs: { type: "button", "data-testid": "back" }, on: { click: ctx.onBack } }, "← Back");
  back.disabled = !ctx.canGoBack;
  const body = h("div", { class: "panel-body" });
  panel.append(
    h(
      "div",
      { class: "panel-bar" },
      back,
      h("span", { class: "spacer" }),
      h("button", { class: "btn small", attrs: { type: "button", "aria-label": "Close details", title: "Close (Esc)" }, on: { click: ctx.onClose } }, "✕"),
    ),
    body,
  );
  return body;
}

function formatPagerank(pr: number): string {
  if (!Number.isFinite(pr) || pr === 0) return "0";
  return pr >= 0.001 ? pr.toFixed(4) : pr.toExponential(2);
}

function stat(value: string | number, name: string): HTMLElement {
  return h("div", { class: "stat" }, h("b", null, value), h("span", null, name));
}

function entityLink(ctx: PanelContext, key: string): HTMLButtonElement {
  const a = ctx.graph.getNodeAttributes(key);
  return h(
    "button",
    { class: "entity-link", attrs: { type: "button", title: `Go to ${a.label}` }, dataset: { key }, on: { click: () => ctx.onEntity(key) } },
    swatch(ctx.colorOf(a.type)),
    a.label,
  );
}

/** A "show N more" list: the first `shown` items, the rest behind a button. */
function expandable<T>(items: readonly T[], shown: number, render: (item: T) => HTMLElement, list: HTMLElement, noun: string): HTMLElement[] {
  items.slice(0, shown).forEach((item) => list.appendChild(render(item)));
  if (items.length <= shown) return [list];
  const more = h("button", { class: "link-btn", attrs: { type: "button" } }, `Show ${items.length - shown} more ${noun}`);
  more.addEventListener("click", () => {
    items.slice(shown).forEach((item) => list.appendChild(render(item)));
    more.remove();
  });
  return [list, more];
}

export function evidenceItem(ctx: PanelContext, ev: EvidenceItem): HTMLElement {
  const quote = h("blockquote");
  for (const seg of highlightSentence(ev)) {
    quote.appendChild(seg.mark ? h("mark", { class: seg.mark }, seg.text) : document.createTextNode(seg.text));
  }
  const info = articleInfo(ctx.graph, ev.article);
  const date = ev.date ?? info.date;
  const title = info.title ?? ev.article;
  const rest = [date, Number.isFinite(ev.confidence) ? `confidence ${ev.confidence.toFixed(2)}` : null].filter(Boolean).join(" · ");
  return h(
    "li",
    { attrs: { "data-testid": "evidence" } },
    quote,
    h(
      "div",
      { class: "evidence-meta" },
      h("span", { class: "evidence-article", title: title === ev.article ? title : `${title} (${ev.article})` }, title),
      rest ? h("span", { class: "evidence-rest" }, rest) : null,
    ),
  );
}

function evidenceList(ctx: PanelContext, evidence: readonly EvidenceItem[], shown: number): HTMLElement[] {
  if (!evidence.length) return [h("p", { class: "muted" }, "No evidence sentence recorded.")];
  return expandable(sortEvidence(evidence), shown, (ev) => evidenceItem(ctx, ev), h("ul", { class: "evidence" }), "sentences");
}

function relationGroup(ctx: PanelContext, group: RelationGroup): HTMLElement {
  const section = h(
    "div",
    { class: "group", dataset: { predicate: group.predicate, direction: group.direction } },
    h("h4", { class: "group-heading" }, group.heading, " ", h("span", { class: "count" }, `(${group.items.length})`)),
  );
  for (const item of group.items) {
    const arrowText = group.direction === "out" ? `${group.predicate} →` : `← ${group.predicate}`;
    section.appendChild(
      h(
        "div",
        { class: "relation", attrs: { "data-testid": "relation" }, dataset: { edge: item.edge } },
        h(
          "div",
          { class: "relation-head" },
          h("span", { class: "relation-pred" }, arrowText),
          entityLink(ctx, item.other),
          h(
            "button",
            { class: "link-btn conf", attrs: { type: "button", title: "Show this relation" }, on: { click: () => ctx.onEdge(item.edge) } },
            `${item.evidence.length} source${item.evidence.length === 1 ? "" : "s"} · ${Number.isFinite(item.confidence) ? item.confidence.toFixed(2) : "?"}`,
          ),
        ),
        ...evidenceList(ctx, item.evidence, 1),
      ),
    );
  }
  return section;
}

export function renderNodePanel(panel: HTMLElement, ctx: PanelContext, key: string): void {
  const body = frame(panel, ctx);
  panel.dataset.node = key;
  const a = ctx.graph.getNodeAttributes(key);
  const aliases = (a.aliases ?? []).filter((x) => x !== a.label);
  append(
    body,
    h("div", { class: "type-chip" }, swatch(ctx.colorOf(a.type)), a.type),
    h("h2", { attrs: { "data-testid": "panel-title" } }, a.label),
    aliases.length ? h("p", { class: "aliases" }, "Also: ", aliases.join(", ")) : null,
    h(
      "div",
      { class: "stats" },
      stat(a.degree || ctx.graph.degree(key), "degree"),
      stat(formatPagerank(a.pagerank), "PageRank"),
      stat(a.mentions || a.articles.length, a.mentions ? "mentions" : "articles"),
    ),
  );

  const groups = relationsOf(ctx.graph, key, ctx.isEdgeVisible);
  const relations = h("div", { class: "section", attrs: { "data-testid": "relations" } }, h("h3", null, "Relations"));
  if (!groups.length) relations.appendChild(h("p", { class: "muted" }, "No relations shown (check the filters)."));
  for (const group of groups) relations.appendChild(relationGroup(ctx, group));
  body.appendChild(relations);

  if (a.articles.length) {
    const list = h("ul", { class: "articles" });
    const render = (id: string) => {
      const info = articleInfo(ctx.graph, id);
      return h("li", null, h("span", null, info.title ?? id), info.date ? h("span", { class: "date" }, info.date) : null);
    };
    body.appendChild(h("div", { class: "section" }, h("h3", null, `Articles (${a.articles.length})`), ...expandable(a.articles, ARTICLES_SHOWN, render, list, "articles")));
  }
  body.scrollTop = 0;
}

export function renderEdgePanel(panel: HTMLElement, ctx: PanelContext, edge: string): void {
  const body = frame(panel, ctx);
  panel.dataset.edge = edge;
  const a = ctx.graph.getEdgeAttributes(edge);
  const source = ctx.graph.source(edge);
  const target = ctx.graph.target(edge);
  const surfaces = (a.surface ?? []).filter((s) => s && s !== predicateText(a));
  append(
    body,
    h("div", { class: "type-chip" }, "Relation"),
    h(
      "div",
      { class: "edge-title", attrs: { "data-testid": "panel-title" } },
      entityLink(ctx, source),
      h("span", { class: "relation-pred" }, `${predicateText(a)} →`),
      entityLink(ctx, target),
    ),
    surfaces.length ? h("p", { class: "aliases" }, "Written as: ", surfaces.join(", ")) : null,
    h(
      "div",
      { class: "stats" },
      stat(Number.isFinite(a.confidence) ? a.confidence.toFixed(2) : "?", "confidence"),
      stat(a.count || a.evidence.length, "statements"),
      stat(a.articles.length || new Set(a.evidence.map((e) => e.article)).size, "articles"),
    ),
    h("div", { class: "section" }, h("h3", null, "Evidence"), ...evidenceList(ctx, a.evidence, 20)),
  );
  body.scrollTop = 0;
}
