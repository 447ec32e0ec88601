/**
 * The side panel: details of the selected entity or relation. Everything in
 * it that comes from articles (names, sentences, titles, the verb as
 * written) is inserted as text.
 */
import { RELATION_GROUP_COLORS } from "../core/appearance/index.ts";
import { GROUP_NAMES, displayGroup, edgeClass, formatGoldstein, isFact, modeTags, type RelationClassInfo } from "../core/relations/index.ts";
import {
  articleInfo,
  highlightSentence,
  predicateText,
  relationsOf,
  sortEvidence,
  type RelationGroup,
} from "../core/selection/index.ts";
import type { EvidenceItem, Modality, Polarity, ViewerGraph } from "../core/types.ts";
import { append, clear, h, swatch } from "./dom.ts";

export interface PanelContext {
  graph: ViewerGraph;
  colorOf: (type: string) => string;
  isEdgeVisible: (edge: string) => boolean;
  canGoBack: boolean;
  /** Relations not stated as facts are shown (else the panel says how many of the entity's are hidden). */
  showAllModes: boolean;
  onShowAllModes: () => void;
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

/** How a relation's statements are put. */
interface Mode {
  polarity: Polarity;
  modality: Modality;
}

const GOLDSTEIN_TITLE = "Goldstein scale: -10 (conflict) to +10 (cooperation)";

function lineSwatch(color: string): HTMLSpanElement {
  const s = h("span", { class: "line-swatch", attrs: { "aria-hidden": "true" } });
  s.style.background = color;
  return s;
}

/** Small tags for a statement that is not a plain positive assertion: "denied", "planned", "possible", "not", "reported". */
function modeTagList(mode: Mode | undefined): HTMLElement | null {
  const tags = mode ? modeTags(mode.polarity, mode.modality) : [];
  if (!tags.length) return null;
  return h(
    "span",
    { class: "mode-tags" },
    ...tags.map((t) => h("span", { class: "mode-tag", title: t.title, attrs: { "data-testid": "mode-tag" }, dataset: { mode: t.text } }, t.text)),
  );
}

/** A relation's class in one line: colour of its group, label, CAMEO code, Goldstein score, the verb as written. */
function classLine(cls: RelationClassInfo, surface: readonly string[]): HTMLElement {
  const group = displayGroup(cls.group);
  return h(
    "div",
    { class: "relation-class", attrs: { "data-testid": "relation-class" }, dataset: { relation: cls.id, group } },
    lineSwatch(RELATION_GROUP_COLORS[group].strong),
    h("span", { class: "class-label", title: `${cls.label} (${cls.id}), ${GROUP_NAMES[group].toLowerCase()}` }, cls.label),
    cls.cameo ? h("span", { class: "class-code", title: "CAMEO event code" }, `CAMEO ${cls.cameo}`) : null,
    cls.goldstein !== undefined ? h("span", { class: "class-score", title: GOLDSTEIN_TITLE }, formatGoldstein(cls.goldstein)) : null,
    surface.length ? h("span", { class: "class-surface", title: `Written as: ${surface.join(", ")}` }, `“${surface[0]}”`) : null,
  );
}

export function evidenceItem(ctx: PanelContext, ev: EvidenceItem, mode?: Mode): HTMLElement {
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
      modeTagList(mode),
      h("span", { class: "evidence-article", title: title === ev.article ? title : `${title} (${ev.article})` }, title),
      rest ? h("span", { class: "evidence-rest" }, rest) : null,
    ),
  );
}

function evidenceList(ctx: PanelContext, evidence: readonly EvidenceItem[], shown: number, mode?: Mode): HTMLElement[] {
  if (!evidence.length) return [h("p", { class: "muted" }, "No evidence sentence recorded.")];
  return expandable(sortEvidence(evidence), shown, (ev) => evidenceItem(ctx, ev, mode), h("ul", { class: "evidence" }), "sentences");
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
          modeTagList(item),
          h(
            "button",
            { class: "link-btn conf", attrs: { type: "button", title: "Show this relation" }, on: { click: () => ctx.onEdge(item.edge) } },
            `${item.evidence.length} source${item.evidence.length === 1 ? "" : "s"} · ${Number.isFinite(item.confidence) ? item.confidence.toFixed(2) : "?"}`,
          ),
        ),
        classLine(item.relation, item.surface),
        ...evidenceList(ctx, item.evidence, 1, item),
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
  let notFacts = 0;
  if (!ctx.showAllModes) ctx.graph.forEachEdge(key, (_edge, attrs) => void (!isFact(attrs) && notFacts++));
  if (notFacts) {
    relations.appendChild(
      h(
        "p",
        { class: "muted hidden-statements", attrs: { "data-testid": "hidden-statements" } },
        `${notFacts} ${notFacts === 1 ? "relation" : "relations"} not stated as fact (denied, negated, planned or possible) hidden. `,
        h("button", { class: "link-btn", attrs: { type: "button" }, on: { click: ctx.onShowAllModes } }, "Show them"),
      ),
    );
  }
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
  const surfaces = (a.surface ?? []).filter(Boolean);
  const cls = edgeClass(a);
  const group = displayGroup(cls.group);
  const tags = modeTagList(a);
  const fact = (name: string, testid: string, ...value: Array<Node | string | null>) =>
    [h("dt", null, name), h("dd", { attrs: { "data-testid": testid } }, ...value)];
  append(
    body,
    h("div", { class: "type-chip" }, lineSwatch(RELATION_GROUP_COLORS[group].strong), `Relation · ${GROUP_NAMES[group]}`),
    h(
      "div",
      { class: "edge-title", attrs: { "data-testid": "panel-title" } },
      entityLink(ctx, source),
      h("span", { class: "relation-pred" }, `${predicateText(a)} →`),
      entityLink(ctx, target),
      modeTagList(a),
    ),
    h(
      "dl",
      { class: "relation-facts", attrs: { "data-testid": "relation-facts" } },
      ...fact("Class", "relation-class", h("span", { class: "class-label" }, cls.label), " ", h("span", { class: "class-id" }, cls.id)),
      ...(cls.cameo ? fact("CAMEO", "cameo", cls.cameo) : []),
      ...(cls.goldstein !== undefined ? fact("Goldstein", "goldstein", h("span", { title: GOLDSTEIN_TITLE }, formatGoldstein(cls.goldstein))) : []),
      ...(surfaces.length ? fact("Written as", "surface", surfaces.join(", ")) : []),
      ...(tags ? fact("Put as", "mode", tags) : []),
    ),
    h(
      "div",
      { class: "stats" },
      stat(Number.isFinite(a.confidence) ? a.confidence.toFixed(2) : "?", "confidence"),
      stat(a.count || a.evidence.length, "statements"),
      stat(a.articles.length || new Set(a.evidence.map((e) => e.article)).size, "articles"),
    ),
    h("div", { class: "section" }, h("h3", null, "Evidence"), ...evidenceList(ctx, a.evidence, 20, a)),
  );
  body.scrollTop = 0;
}
