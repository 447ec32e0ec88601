/**
 * Relation classes and how a statement is put. Every edge of a graph from
 * `kg build` has a class from the relation schema
 * (packages/extract/src/relations/schema.json: CONSULT, ACCUSE, LEADER_OF,
 * ..., RELATED for the rest), the class's group, and its CAMEO code and
 * Goldstein score where it has them; and a polarity and a modality (a denied
 * attack and a stated attack are two edges). Pure: the filters, the
 * appearance and the panel read these.
 *
 * The schema's labels are read from the schema file itself, bundled at build
 * time. A graph built with a schema of the user's own (`kg build --schema`)
 * may name classes ours does not have: their label is made from the id, and
 * their group, code and score are the edge's.
 */
import schema from "../../../../extract/src/relations/schema.json" with { type: "json" };
import type { EdgeAttributes, Modality, Polarity, ViewerGraph } from "../types.ts";

export type RelationGroup = NonNullable<EdgeAttributes["relationGroup"]>;
/** The groups the filter and the legend show: the catch-all is one of the "other" relations. */
export type DisplayGroup = "cooperation" | "conflict" | "standing" | "other";

export const RELATION_GROUPS: readonly RelationGroup[] = ["cooperation", "conflict", "standing", "other", "catch-all"];
export const DISPLAY_GROUPS: readonly DisplayGroup[] = ["cooperation", "conflict", "standing", "other"];
export const GROUP_NAMES: Readonly<Record<DisplayGroup, string>> = {
  cooperation: "Cooperation",
  conflict: "Conflict",
  standing: "Standing relations",
  other: "Other",
};

/** The class of an edge that has none (graphs from before relation classes, or from other tools): our schema's catch-all. */
export const CATCH_ALL: string = (schema as { catchAll?: string }).catchAll ?? "RELATED";

export interface RelationClassInfo {
  id: string;
  label: string;
  group: RelationGroup;
  cameo?: string;
  goldstein?: number;
}

interface SchemaClass {
  id: string;
  label?: string;
  group?: string;
  cameo?: string;
  goldstein?: number;
}

export const isRelationGroup = (v: unknown): v is RelationGroup => typeof v === "string" && (RELATION_GROUPS as readonly string[]).includes(v);

const SCHEMA: ReadonlyMap<string, RelationClassInfo> = new Map(
  (schema as { classes: SchemaClass[] }).classes.map((c) => [
    c.id,
    {
      id: c.id,
      label: c.label ?? labelFromId(c.id),
      group: isRelationGroup(c.group) ? c.group : "other",
      ...(c.cameo ? { cameo: c.cameo } : {}),
      ...(typeof c.goldstein === "number" ? { goldstein: c.goldstein } : {}),
    },
  ]),
);

function labelFromId(id: string): string {
  return id.toLowerCase().replace(/_/g, " ");
}

/** Our schema's entry for a class id, if it has one. */
export function schemaClass(id: string): RelationClassInfo | undefined {
  return SCHEMA.get(id);
}

/** The class id of an edge: its `relation`, else the catch-all. */
export function relationOf(attrs: Pick<EdgeAttributes, "relation">): string {
  return typeof attrs.relation === "string" && attrs.relation ? attrs.relation : CATCH_ALL;
}

/**
 * The class of an edge as shown: the label from our schema (from the id for
 * a class it does not know); the group, CAMEO code and Goldstein score the
 * edge carries (for an edge without a group, the schema's).
 */
export function edgeClass(attrs: Pick<EdgeAttributes, "relation" | "relationGroup" | "cameo" | "goldstein">): RelationClassInfo {
  const id = relationOf(attrs);
  const known = SCHEMA.get(id);
  const own = isRelationGroup(attrs.relationGroup);
  const cameo = own ? attrs.cameo : known?.cameo;
  const goldstein = own ? attrs.goldstein : known?.goldstein;
  return {
    id,
    label: known?.label ?? labelFromId(id),
    group: own ? attrs.relationGroup! : known?.group ?? "catch-all",
    ...(typeof cameo === "string" && cameo ? { cameo } : {}),
    ...(typeof goldstein === "number" && Number.isFinite(goldstein) ? { goldstein } : {}),
  };
}

/** An edge's group: its own, else our schema's for its class, else the catch-all. Cheap: the reducers call it for every edge. */
export function groupOf(attrs: Pick<EdgeAttributes, "relation" | "relationGroup">): RelationGroup {
  const g = attrs.relationGroup;
  if (g === "cooperation" || g === "conflict" || g === "standing" || g === "other" || g === "catch-all") return g;
  return SCHEMA.get(relationOf(attrs))?.group ?? "catch-all";
}

export function displayGroup(group: RelationGroup | undefined): DisplayGroup {
  return group === "cooperation" || group === "conflict" || group === "standing" ? group : "other";
}

/** "+7.0", "-2.0", "0.0": a Goldstein score as the panel shows it. */
export function formatGoldstein(score: number): string {
  return `${score > 0 ? "+" : ""}${score.toFixed(1)}`;
}

// ---------------------------------------------------------------------------
// How a statement is put

/**
 * A fact, as the viewer shows by default: a positive statement that is
 * asserted, or reported ("X said that ..."). Negated, denied, intended and
 * hypothetical statements are not.
 */
export function isFact(attrs: { polarity?: Polarity; modality?: Modality }): boolean {
  return attrs.polarity !== "negative" && (attrs.modality === undefined || attrs.modality === "asserted" || attrs.modality === "reported");
}

/** Why a statement is not a fact: each edge counts under one of these. */
export type NonFactKind = "denied" | "not" | "planned" | "possible";
export const NON_FACT_KINDS: readonly NonFactKind[] = ["denied", "not", "planned", "possible"];
export const NON_FACT_NAMES: Readonly<Record<NonFactKind, string>> = {
  denied: "denied",
  not: "negated",
  planned: "planned",
  possible: "possible",
};

export function nonFactKind(attrs: { polarity?: Polarity; modality?: Modality }): NonFactKind | null {
  if (attrs.modality === "denied") return "denied";
  if (attrs.polarity === "negative") return "not";
  if (attrs.modality === "intended") return "planned";
  if (attrs.modality === "hypothetical") return "possible";
  return null;
}

export interface ModeTag {
  /** What the tag says: "denied", "planned", "possible", "not", "reported". */
  text: "denied" | "planned" | "possible" | "not" | "reported";
  /** A longer explanation, for a tooltip. */
  title: string;
}

const MODALITY_TAGS: Partial<Record<Modality, ModeTag>> = {
  denied: { text: "denied", title: "The sentence denies it" },
  intended: { text: "planned", title: "Intended or planned, not done" },
  hypothetical: { text: "possible", title: "Possible, conditional or asked, not stated as done" },
  reported: { text: "reported", title: "Reported as someone's statement" },
};

/**
 * The tags for a statement that is not a plain positive assertion: the
 * modality's ("denied", "planned", "possible", "reported"), and "not" when
 * negated (a denial is negative by nature: no "not" beside "denied").
 */
export function modeTags(polarity: Polarity | undefined, modality: Modality | undefined): ModeTag[] {
  const tags: ModeTag[] = [];
  const m = modality ? MODALITY_TAGS[modality] : undefined;
  if (m) tags.push(m);
  if (polarity === "negative" && modality !== "denied") tags.push({ text: "not", title: "The sentence says it did not happen" });
  return tags;
}

/**
 * An edge's label on the canvas: the verb, and how it was put when that is
 * not as a fact: "attack (denied)", "not meet", "meet (possible)".
 */
export function edgeLabelText(attrs: Pick<EdgeAttributes, "label" | "predicate" | "polarity" | "modality">): string {
  const base = (attrs.label || attrs.predicate || "related to").replace(/_/g, " ");
  const tags = modeTags(attrs.polarity, attrs.modality);
  const negated = tags.some((t) => t.text === "not");
  const mode = tags.find((t) => t.text !== "not" && t.text !== "reported");
  return `${negated ? "not " : ""}${base}${mode ? ` (${mode.text})` : ""}`;
}

export interface NonFactCounts {
  total: number;
  byKind: Record<NonFactKind, number>;
}

/** How many edges are not facts, and why. */
export function countNonFacts(graph: ViewerGraph): NonFactCounts {
  const byKind: Record<NonFactKind, number> = { denied: 0, not: 0, planned: 0, possible: 0 };
  let total = 0;
  graph.forEachEdge((_key, attrs) => {
    const kind = nonFactKind(attrs);
    if (kind) {
      byKind[kind]++;
      total++;
    }
  });
  return { total, byKind };
}

/** "1 denied, 2 negated": the kinds present, in a fixed order. */
export function nonFactBreakdown(counts: NonFactCounts): string {
  return NON_FACT_KINDS.filter((k) => counts.byKind[k] > 0)
    .map((k) => `${counts.byKind[k].toLocaleString("en")} ${NON_FACT_NAMES[k]}`)
    .join(", ");
}

// ---------------------------------------------------------------------------
// What the class filter offers

export interface RelationOption {
  id: string;
  label: string;
  /** Said beside the label when another class shown has the same label: its id. */
  detail: string | null;
  group: DisplayGroup;
  cameo?: string;
  goldstein?: number;
  /** Relations (edges) of this class. */
  count: number;
  /** Of those, the facts (what the default view shows). */
  facts: number;
  /** The catch-all (RELATED): listed last in its group. */
  catchAll: boolean;
  /** What a search in the filter matches: label, id, CAMEO code and the verbs of the class's relations. */
  searchText: string;
}

export interface RelationGroupOption {
  group: DisplayGroup;
  name: string;
  classes: RelationOption[];
  count: number;
  facts: number;
}

/**
 * The graph's relation classes, by group (cooperation, conflict, standing,
 * other: the order of the legend), most frequent first within a group and
 * the catch-all last. Groups with no relation are left out.
 */
export function relationOptions(graph: ViewerGraph): RelationGroupOption[] {
  const byId = new Map<string, RelationOption & { verbs: Set<string> }>();
  graph.forEachEdge((_key, attrs) => {
    const id = relationOf(attrs);
    let option = byId.get(id);
    if (!option) {
      const c = edgeClass(attrs);
      option = {
        id,
        label: c.label,
        detail: null,
        group: displayGroup(c.group),
        ...(c.cameo ? { cameo: c.cameo } : {}),
        ...(c.goldstein !== undefined ? { goldstein: c.goldstein } : {}),
        count: 0,
        facts: 0,
        catchAll: id === CATCH_ALL || c.group === "catch-all",
        searchText: "",
        verbs: new Set(),
      };
      byId.set(id, option);
    }
    option.count++;
    if (isFact(attrs)) option.facts++;
    option.verbs.add(attrs.predicate.replace(/_/g, " "));
    for (const s of attrs.surface) if (s.length <= 60) option.verbs.add(s);
  });
  const labels = new Map<string, number>();
  for (const o of byId.values()) labels.set(o.label, (labels.get(o.label) ?? 0) + 1);
  const groups = new Map<DisplayGroup, RelationGroupOption>();
  for (const { verbs, ...o } of byId.values()) {
    if ((labels.get(o.label) ?? 0) > 1) o.detail = o.id;
    o.searchText = [o.label, o.id, o.id.replace(/_/g, " "), o.cameo ?? "", ...verbs].join(" ");
    let g = groups.get(o.group);
    if (!g) groups.set(o.group, (g = { group: o.group, name: GROUP_NAMES[o.group], classes: [], count: 0, facts: 0 }));
    g.classes.push(o);
    g.count += o.count;
    g.facts += o.facts;
  }
  for (const g of groups.values()) {
    g.classes.sort((a, b) => Number(a.catchAll) - Number(b.catchAll) || b.count - a.count || a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
  }
  return DISPLAY_GROUPS.flatMap((d) => (groups.has(d) ? [groups.get(d)!] : []));
}

/**
 * The class set after a click on a group's heading: the group's classes
 * added when some of them were not selected, removed when all were.
 */
export function toggleGroup(selected: ReadonlySet<string>, group: Pick<RelationGroupOption, "classes">): Set<string> {
  const ids = group.classes.map((c) => c.id);
  const next = new Set(selected);
  const all = ids.length > 0 && ids.every((id) => selected.has(id));
  for (const id of ids) {
    if (all) next.delete(id);
    else next.add(id);
  }
  return next;
}

/** Whether none, some or all of a group's classes are selected. */
export function groupState(selected: ReadonlySet<string>, group: Pick<RelationGroupOption, "classes">): "none" | "some" | "all" {
  const n = group.classes.filter((c) => selected.has(c.id)).length;
  return n === 0 ? "none" : n === group.classes.length ? "all" : "some";
}
