/**
 * Serialised graph -> the flat rows the Cypher statements UNWIND. Pure: the
 * whole mapping from graph attributes to Neo4j properties is visible here,
 * and every row is plain JSON (integers are cast with toInteger() in Cypher,
 * because the JavaScript driver sends every number as a float).
 */
import type { ArticleAttributes, EdgeAttributes, EvidenceItem, NodeAttributes } from "../types.ts";
import { entityLabel, relationshipType } from "./identifiers.ts";
import type { SerializedKnowledgeGraph } from "./types.ts";

export interface ArticleRow {
  id: string;
  title: string | null;
  date: string | null;
  source: string | null;
  sha256: string | null;
}

export interface EntityRow {
  id: string;
  name: string;
  /**
   * The article `name` is spelt as in: the graph names an entity as the first
   * of its articles (by id) does, so of two exports the one with the smaller
   * `nameArticle` has the name the graph of both would have. Null when no
   * article mentions the entity.
   */
  nameArticle: string | null;
  type: string;
  /** Safe second label derived from `type`. */
  label: string;
  aliases: string[];
  mentions: number;
  /** Null: left as stored (an export of a slice of the graph: see RowOptions). */
  degree: number | null;
  pagerank: number | null;
  community: number | null;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface MentionRow {
  article: string;
  entity: string;
  count: number;
}

/** One piece of evidence, as stored in the relationship's parallel lists. */
export interface EvidenceEntry {
  article: string;
  text: string;
  start: number;
  end: number;
  /** "" when unknown: Neo4j lists cannot hold nulls. */
  date: string;
  confidence: number;
  /** "" when unknown. */
  surface: string;
}

export interface RelationRow {
  source: string;
  target: string;
  /** Safe relationship type derived from the relation class (`CONSULT`), else from `predicate`. */
  type: string;
  predicate: string;
  /** With the predicate, what the relationship is MERGEd on: a denied attack is not the attack stated. */
  polarity: string;
  modality: string;
  /** The class's group, CAMEO code and Goldstein score (null when the class has none). */
  group: string | null;
  cameo: string | null;
  goldstein: number | null;
  /** The articles `entries` speak for: their old entries on this relation are replaced. */
  articles: string[];
  entries: EvidenceEntry[];
  /** The stored properties when the relation is new: what WRITE_ENTRIES would compute from `entries`. */
  created: StoredEvidence;
}

/** A relation's evidence properties as stored (see upsert.ts). */
export interface StoredEvidence {
  evidence: string[];
  evidenceArticles: string[];
  evidenceStarts: number[];
  evidenceEnds: number[];
  evidenceDates: string[];
  evidenceConfidences: number[];
  evidenceSurfaces: string[];
  surface: string[];
  articles: string[];
  dates: string[];
  count: number;
  confidence: number;
}

/**
 * The stored form of sorted entries, computed here exactly as WRITE_ENTRIES
 * computes it in Cypher (same order, same tie-breaks, same rounding), so that
 * a new relation can be written with one SET instead of four subqueries.
 * The integration tests prove the two agree: exporting twice changes nothing.
 */
export function storedEvidence(entries: EvidenceEntry[]): StoredEvidence {
  const uses = new Map<string, number>();
  for (const e of entries) if (e.surface !== "") uses.set(e.surface, (uses.get(e.surface) ?? 0) + 1);
  const surface = [...uses.entries()].sort((a, b) => b[1] - a[1] || compare(a[0], b[0])).map(([s]) => s);
  const product = entries.reduce((p, e) => p * (1.0 - e.confidence), 1.0);
  return {
    evidence: entries.map((e) => e.text),
    evidenceArticles: entries.map((e) => e.article),
    evidenceStarts: entries.map((e) => e.start),
    evidenceEnds: entries.map((e) => e.end),
    evidenceDates: entries.map((e) => e.date),
    evidenceConfidences: entries.map((e) => e.confidence),
    evidenceSurfaces: entries.map((e) => e.surface),
    surface,
    articles: [...new Set(entries.map((e) => e.article))].sort(compare),
    dates: [...new Set(entries.map((e) => e.date).filter((d) => d !== ""))].sort(compare),
    count: entries.length,
    confidence: Math.round((1.0 - product) * 1000) / 1000,
  };
}

/** What a relation row sends to Neo4j: the entries travel once, as the stored lists of `created`. */
export function relationParams(row: RelationRow): Omit<RelationRow, "entries"> {
  const { entries: _sentAsCreated, ...params } = row;
  return params;
}

export interface ExportRows {
  articles: ArticleRow[];
  entities: EntityRow[];
  mentions: MentionRow[];
  relations: RelationRow[];
}

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** The order the relationship lists are stored in, so that equal input gives equal lists. */
export function compareEntries(a: EvidenceEntry, b: EvidenceEntry): number {
  return compare(a.article, b.article) || compare(a.start, b.start) || compare(a.end, b.end) || compare(a.text, b.text);
}

const finite = (value: unknown, fallback = 0): number => (typeof value === "number" && Number.isFinite(value) ? value : fallback);
const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

function articleRow(article: ArticleAttributes): ArticleRow {
  return { id: article.id, title: text(article.title), date: text(article.date), source: text(article.source), sha256: text(article.sha256) };
}

export interface RowOptions {
  /** "keep": entity rows carry no degree, pagerank or community, so the stored ones stay (see Neo4jWriteOptions). */
  metrics?: "write" | "keep";
}

function entityRow(id: string, attributes: Partial<NodeAttributes>, metrics: boolean): EntityRow {
  const type = text(attributes.type) ?? "Other";
  const name = text(attributes.label) ?? id;
  const articles = Array.isArray(attributes.articles) ? attributes.articles.filter((a): a is string => typeof a === "string" && a !== "") : [];
  return {
    id,
    name,
    nameArticle: articles.length > 0 ? articles.reduce((a, b) => (b < a ? b : a)) : null,
    type,
    label: entityLabel(type),
    aliases: Array.isArray(attributes.aliases) ? attributes.aliases.filter((a): a is string => typeof a === "string") : [name],
    mentions: Math.trunc(finite(attributes.mentions)),
    degree: metrics ? Math.trunc(finite(attributes.degree)) : null,
    pagerank: metrics ? finite(attributes.pagerank) : null,
    community: metrics ? Math.trunc(finite(attributes.community)) : null,
    firstSeen: text(attributes.firstSeen),
    lastSeen: text(attributes.lastSeen),
  };
}

function evidenceEntries(edge: Partial<EdgeAttributes>): EvidenceEntry[] {
  const surfaces = Array.isArray(edge.surface) ? edge.surface : [];
  const defaultSurface = surfaces.length === 1 ? surfaces[0]! : "";
  const evidence: EvidenceItem[] = Array.isArray(edge.evidence) ? edge.evidence : [];
  if (evidence.length > 0) {
    return evidence.map((item) => ({
      article: String(item.article),
      text: typeof item.text === "string" ? item.text : "",
      start: Math.trunc(finite(item.start, -1)),
      end: Math.trunc(finite(item.end, -1)),
      date: text(item.date) ?? "",
      confidence: finite(item.confidence),
      surface: text(item.surface) ?? defaultSurface,
    }));
  }
  // A relation without evidence (not one buildGraph makes) still gets one entry
  // per article it names, so that it merges and is replaced like any other.
  const articles = Array.isArray(edge.articles) && edge.articles.length > 0 ? edge.articles : [""];
  return articles.map((article) => ({
    article,
    text: "",
    start: -1,
    end: -1,
    date: "",
    confidence: finite(edge.confidence),
    surface: surfaces[0] ?? "",
  }));
}

export function toRows(serialized: SerializedKnowledgeGraph, options: RowOptions = {}): ExportRows {
  const metrics = options.metrics !== "keep";
  const nodes = serialized.nodes ?? [];
  const entityIds = new Set(nodes.map((node) => node.key));
  const articlesById = new Map<string, ArticleAttributes>();
  for (const article of serialized.attributes?.articles ?? []) {
    if (article && typeof article.id === "string" && article.id !== "") articlesById.set(article.id, article);
  }
  const articles = [...articlesById.values()].map(articleRow).sort((a, b) => compare(a.id, b.id));

  const entities = nodes.map((node) => entityRow(node.key, node.attributes ?? {}, metrics)).sort((a, b) => compare(a.id, b.id));

  const mentions: MentionRow[] = [];
  for (const article of articles) {
    const counts = articlesById.get(article.id)?.mentions ?? {};
    for (const [entity, count] of Object.entries(counts)) {
      // Only entities that made it into the graph; a mention count of 0 is no mention.
      if (entityIds.has(entity) && finite(count) > 0) mentions.push({ article: article.id, entity, count: Math.trunc(finite(count)) });
    }
  }
  mentions.sort((a, b) => compare(a.entity, b.entity) || compare(a.article, b.article));

  // Edges with the same ends, predicate and mode (possible in a hand-made graph) become one relation.
  const relationsByKey = new Map<string, RelationRow>();
  for (const edge of serialized.edges ?? []) {
    if (!entityIds.has(edge.source) || !entityIds.has(edge.target)) continue;
    const attributes = edge.attributes ?? ({} as Partial<EdgeAttributes>);
    const predicate = typeof attributes.predicate === "string" && attributes.predicate !== "" ? attributes.predicate : "related";
    const polarity = attributes.polarity === "negative" ? "negative" : "positive";
    const modality = text(attributes.modality) ?? "asserted";
    const key = JSON.stringify([edge.source, predicate, polarity, modality, edge.target]);
    let row = relationsByKey.get(key);
    if (!row) {
      row = {
        source: edge.source,
        target: edge.target,
        type: relationshipType(text(attributes.relation) ?? predicate),
        predicate,
        polarity,
        modality,
        group: text(attributes.relationGroup),
        cameo: text(attributes.cameo),
        goldstein: typeof attributes.goldstein === "number" && Number.isFinite(attributes.goldstein) ? attributes.goldstein : null,
        articles: [],
        entries: [],
        created: storedEvidence([]),
      };
      relationsByKey.set(key, row);
    }
    row.entries.push(...evidenceEntries(attributes));
  }
  const relations = [...relationsByKey.values()];
  for (const row of relations) {
    row.entries.sort(compareEntries);
    row.articles = [...new Set(row.entries.map((entry) => entry.article))].sort(compare);
    row.created = storedEvidence(row.entries);
  }
  // A stable order makes concurrent exports lock in the same order (fewer deadlocks).
  relations.sort((a, b) => compare(a.source, b.source) || compare(a.target, b.target) || compare(a.type, b.type) || compare(a.predicate, b.predicate) || compare(a.polarity, b.polarity) || compare(a.modality, b.modality));
  return { articles, entities, mentions, relations };
}
