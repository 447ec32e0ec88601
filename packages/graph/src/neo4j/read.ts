/**
 * Neo4j -> the knowledge graph, and graph-wide metrics back into Neo4j: the
 * step after a distributed ingest (`kg graph from-neo4j`). Many `kg worker`
 * processes write slices of the graph (a batch of articles each), so none of
 * them can compute PageRank, communities or a layout; this reads the whole
 * stored graph into the same graphology graph `kg build` makes (the viewer's
 * input) and can write degree, pagerank and community back.
 *
 * What the stored model does not keep, the graph read from it does not have:
 * the mention offsets inside each evidence sentence (subject/object), and
 * the predicate a relationship type stands for when it is not a class (the
 * type, RELATED or the predicate in capitals, is taken as the class).
 * Reading is paged by id (entities, articles) so no query returns the
 * whole database at once.
 */
import neo4j, { type Driver } from "neo4j-driver";
import { MultiDirectedGraph } from "graphology";
import { colorForType } from "../build/colors.ts";
import { edgeKey, type KnowledgeGraph } from "../build/index.ts";
import type { ArticleAttributes, EdgeAttributes, EvidenceItem, NodeAttributes } from "../types.ts";
import { chunks, writeBatches } from "./upsert.ts";

export interface ReadGraphOptions {
  database?: string | undefined;
  /** Nodes per query. */
  pageSize?: number;
  /** Called after each page: what was read so far. */
  onProgress?: (read: { articles: number; entities: number; relations: number }) => void;
}

const READ_ARTICLES = `
MATCH (a:Article) WHERE a.id > $after
WITH a ORDER BY a.id LIMIT $limit
CALL (a) {
  OPTIONAL MATCH (a)-[m:MENTIONS]->(e:Entity)
  RETURN collect([e.id, m.count]) AS mentions
}
RETURN a.id AS id, a.title AS title, a.date AS date, a.source AS source, a.sha256 AS sha256, mentions`;

const READ_ENTITIES = `
MATCH (e:Entity) WHERE e.id > $after
WITH e ORDER BY e.id LIMIT $limit
CALL (e) {
  OPTIONAL MATCH (a:Article)-[:MENTIONS]->(e)
  WITH a.id AS article ORDER BY article
  RETURN collect(article) AS articles
}
RETURN e.id AS id, e.name AS name, e.type AS type, e.aliases AS aliases, e.mentions AS mentions,
       e.firstSeen AS firstSeen, e.lastSeen AS lastSeen, articles`;

const READ_RELATIONS = `
UNWIND $ids AS id
MATCH (s:Entity {id: id})-[r]->(t:Entity)
RETURN s.id AS source, t.id AS target, type(r) AS type, properties(r) AS p`;

/** Graph-wide metrics, written back by entity id. */
export const WRITE_METRICS = `
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.degree = toInteger(row.degree), e.pagerank = toFloat(row.pagerank), e.community = toInteger(row.community)`;

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const num = (value: unknown): number => (typeof value === "number" ? value : typeof value === "bigint" ? Number(value) : Number(value ?? 0));

function evidenceOf(p: Record<string, unknown>): EvidenceItem[] {
  const texts = list<string>(p.evidence);
  const articles = list<string>(p.evidenceArticles);
  const starts = list<unknown>(p.evidenceStarts);
  const ends = list<unknown>(p.evidenceEnds);
  const dates = list<string>(p.evidenceDates);
  const confidences = list<unknown>(p.evidenceConfidences);
  const surfaces = list<string>(p.evidenceSurfaces);
  return texts.map((t, i) => ({
    article: articles[i] ?? "",
    text: t,
    start: num(starts[i]),
    end: num(ends[i]),
    ...(text(dates[i]) ? { date: dates[i] } : {}),
    confidence: num(confidences[i]),
    ...(text(surfaces[i]) ? { surface: surfaces[i] } : {}),
  }));
}

function edgeAttributes(type: string, p: Record<string, unknown>): EdgeAttributes {
  const predicate = text(p.predicate) ?? type.toLowerCase();
  const group = text(p.group);
  const cameo = text(p.cameo);
  return {
    predicate,
    relation: type,
    ...(group ? { relationGroup: group as EdgeAttributes["relationGroup"] } : {}),
    ...(cameo ? { cameo } : {}),
    ...(p.goldstein !== null && p.goldstein !== undefined ? { goldstein: num(p.goldstein) } : {}),
    polarity: p.polarity === "negative" ? "negative" : "positive",
    modality: (text(p.modality) ?? "asserted") as EdgeAttributes["modality"],
    surface: list<string>(p.surface),
    evidence: evidenceOf(p),
    articles: list<string>(p.articles),
    dates: list<string>(p.dates),
    confidence: num(p.confidence),
    count: num(p.count),
    label: predicate.replace(/_/g, " "),
  };
}

/** Everything stored, as the knowledge graph (no metrics, no layout yet): entities and relations in id order. */
export async function readGraph(driver: Driver, options: ReadGraphOptions = {}): Promise<KnowledgeGraph> {
  const limit = options.pageSize ?? 5000;
  const config = { ...(options.database ? { database: options.database } : {}), routing: "READ" as const };
  const graph: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  const articles: ArticleAttributes[] = [];
  graph.replaceAttributes({ name: "neo4j", generator: "news-kg", articles });
  const read = { articles: 0, entities: 0, relations: 0 };
  const relations: { source: string; target: string; attributes: EdgeAttributes }[] = [];
  // The driver would send a JS number as a float: LIMIT wants an integer.
  const neo4jInt = neo4j.int;

  for (let after = ""; ; ) {
    const { records } = await driver.executeQuery(READ_ARTICLES, { after, limit: neo4jInt(limit) }, config);
    for (const r of records) {
      const mentions: Record<string, number> = {};
      for (const [entity, count] of r.get("mentions") as [string | null, unknown][]) if (entity) mentions[entity] = num(count);
      const [title, date, source, sha256] = ["title", "date", "source", "sha256"].map((k) => text(r.get(k)));
      articles.push({ id: r.get("id") as string, ...(title ? { title } : {}), ...(date ? { date } : {}), ...(source ? { source } : {}), ...(sha256 ? { sha256 } : {}), mentions });
    }
    read.articles += records.length;
    options.onProgress?.({ ...read });
    if (records.length < limit) break;
    after = records[records.length - 1]!.get("id") as string;
  }

  for (let after = ""; ; ) {
    const { records } = await driver.executeQuery(READ_ENTITIES, { after, limit: neo4jInt(limit) }, config);
    const ids: string[] = [];
    for (const r of records) {
      const id = r.get("id") as string;
      const type = (text(r.get("type")) ?? "Other") as NodeAttributes["type"];
      const name = text(r.get("name")) ?? id;
      const [firstSeen, lastSeen] = [text(r.get("firstSeen")), text(r.get("lastSeen"))];
      graph.addNode(id, {
        label: name,
        type,
        aliases: list<string>(r.get("aliases")),
        mentions: num(r.get("mentions")),
        articles: list<string>(r.get("articles")),
        ...(firstSeen ? { firstSeen } : {}),
        ...(lastSeen ? { lastSeen } : {}),
        degree: 0,
        pagerank: 0,
        community: 0,
        x: 0,
        y: 0,
        size: 1,
        color: colorForType(type),
      });
      ids.push(id);
    }
    read.entities += records.length;
    await readRelations(ids);
    if (records.length < limit) break;
    after = ids[ids.length - 1]!;
  }

  // Relations of a page of source entities; targets are added by the entity pages, so they go in after.
  async function readRelations(ids: string[]): Promise<void> {
    const pending: { source: string; target: string; attributes: EdgeAttributes }[] = [];
    for (const batch of chunks(ids, limit)) {
      const { records } = await driver.executeQuery(READ_RELATIONS, { ids: batch }, config);
      for (const r of records) pending.push({ source: r.get("source"), target: r.get("target"), attributes: edgeAttributes(r.get("type") as string, r.get("p") as Record<string, unknown>) });
    }
    relations.push(...pending);
    read.relations += pending.length;
    options.onProgress?.({ ...read });
  }
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  relations.sort((a, b) => compare(a.source, b.source) || compare(a.target, b.target) || compare(a.attributes.predicate, b.attributes.predicate) || compare(a.attributes.polarity, b.attributes.polarity) || compare(a.attributes.modality, b.attributes.modality));
  for (const { source, target, attributes } of relations) {
    if (source === target || !graph.hasNode(source) || !graph.hasNode(target)) continue;
    const key = edgeKey(source, attributes.predicate, target, attributes.polarity, attributes.modality);
    if (!graph.hasEdge(key)) graph.addDirectedEdgeWithKey(key, source, target, attributes);
  }
  return graph;
}

/** Writes each entity's degree, pagerank and community (computed on the whole graph) back; returns how many. */
export async function writeMetrics(driver: Driver, graph: KnowledgeGraph, options: { database?: string | undefined; batchSize?: number } = {}): Promise<number> {
  const rows: { id: string; degree: number; pagerank: number; community: number }[] = [];
  graph.forEachNode((id, a) => rows.push({ id, degree: a.degree, pagerank: a.pagerank, community: a.community }));
  const session = driver.session(options.database ? { database: options.database } : {});
  try {
    await writeBatches(session, WRITE_METRICS, rows, { batchSize: options.batchSize ?? 5000 });
  } finally {
    await session.close();
  }
  return rows.length;
}
