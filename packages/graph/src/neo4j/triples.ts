/**
 * `kg extract` output (one Triple a line) -> the graph the exporter reads,
 * through the same code `kg build` uses (buildGraph, computeMetrics), so that
 * exporting the triples of some articles writes what exporting the graph
 * built from those articles' extractions writes, except for what the triples
 * do not carry:
 * - article title and source: not in a triple (left as they are in Neo4j, or
 *   null for a new article); the date is the triples' `articleDate`;
 * - mention counts: an article's `mentions` map is not in the triples; each
 *   entity counts once per distinct span it has as subject or object of the
 *   article's triples (the sentence when a triple has no span). Entities the
 *   article mentions but that are in none of its triples are not exported;
 * - the article sha256 (used to replace an article whose text changed): a
 *   stand-in, the sha256 of the article's distinct triple lines, sorted. The
 *   same extraction gives the same fingerprint, whichever file or shard it
 *   comes in, and an article whose triples changed is replaced. An article
 *   whose new text yields no triple at all is not in the file, so its old
 *   evidence stays until a graph that has it is exported.
 * Triples are not resolved across articles here (no resolveAcrossArticles):
 * they are exported as extracted, so an article's contribution does not
 * depend on which other articles share its file.
 */
import { createHash } from "node:crypto";
import type { ArticleExtraction, EntityRef, Triple } from "newskg-extract";
import { buildGraph } from "../build/index.ts";
import { computeMetrics } from "../metrics/index.ts";
import type { SerializedKnowledgeGraph } from "./types.ts";

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Whether a parsed JSON value has the shape of a Triple written by `kg extract`. */
export function isTriple(value: unknown): value is Triple {
  const t = value as Partial<Triple> | null;
  const entity = (e: unknown) => !!e && typeof (e as EntityRef).id === "string" && typeof (e as EntityRef).name === "string";
  return (
    !!t &&
    typeof t === "object" &&
    typeof t.predicate === "string" &&
    entity(t.subject) &&
    entity(t.object) &&
    !!t.evidence &&
    typeof t.evidence.article === "string" &&
    t.evidence.article !== ""
  );
}

/**
 * One ArticleExtraction per article (`evidence.article`), in article-id
 * order, each with its distinct triples in a canonical order. A triple seen
 * twice (an article in two of the files read) counts once.
 */
export function extractionsFromTriples(triples: Iterable<Triple>): ArticleExtraction[] {
  const byArticle = new Map<string, Map<string, Triple>>();
  for (const triple of triples) {
    const article = triple.evidence.article;
    let lines = byArticle.get(article);
    if (!lines) byArticle.set(article, (lines = new Map()));
    lines.set(JSON.stringify(triple), triple);
  }
  const out: ArticleExtraction[] = [];
  for (const [id, lines] of [...byArticle].sort(([a], [b]) => compare(a, b))) {
    const keys = [...lines.keys()].sort(compare);
    const articleTriples = keys.map((key) => lines.get(key)!);
    const sha256 = createHash("sha256").update(keys.join("\n")).digest("hex");
    const entities = new Map<string, EntityRef>();
    const spans = new Map<string, Set<string>>();
    let date: string | undefined;
    for (const t of articleTriples) {
      if (t.articleDate && (!date || t.articleDate < date)) date = t.articleDate;
      for (const [ref, mention] of [[t.subject, t.evidence.subject], [t.object, t.evidence.object]] as const) {
        const known = entities.get(ref.id);
        const aliases = new Set([...(known?.aliases ?? []), ...(ref.aliases ?? [ref.name])]);
        entities.set(ref.id, { id: ref.id, name: known?.name ?? ref.name, type: known?.type ?? ref.type, aliases: [...aliases].sort(compare) });
        if (!spans.has(ref.id)) spans.set(ref.id, new Set());
        spans.get(ref.id)!.add(mention ? `${mention.start}:${mention.end}` : `sentence ${t.evidence.start}:${t.evidence.end}`);
      }
    }
    const mentions: Record<string, number> = {};
    for (const [entity, set] of [...spans].sort(([a], [b]) => compare(a, b))) mentions[entity] = set.size;
    out.push({
      article: { id, ...(date ? { date } : {}), sha256, mentions, entities: [...entities.values()].sort((a, b) => compare(a.id, b.id)) },
      triples: articleTriples,
    });
  }
  return out;
}

/**
 * The graph `kg build` would make of these articles' extractions (metrics included unless `metrics` is
 * false, no layout), serialised. A `kg worker` batch leaves metrics out: they would describe the batch.
 */
export function graphFromTriples(triples: Iterable<Triple>, options: { name?: string; minConfidence?: number; metrics?: boolean } = {}): SerializedKnowledgeGraph {
  const graph = buildGraph(extractionsFromTriples(triples), options);
  if (options.metrics !== false) computeMetrics(graph);
  return graph.export();
}
