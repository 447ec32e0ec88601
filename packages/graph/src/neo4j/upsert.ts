/**
 * The Cypher that writes the model. Every statement UNWINDs a batch of rows
 * and only MERGEs and SETs (never increments), so running a batch twice, or
 * re-running an export that was interrupted half way, ends in the same graph.
 * Every value, label and relationship type is a parameter (`$(row.type)` is
 * Cypher 5.26's dynamic type); no text from articles is ever part of a query.
 *
 * How evidence is stored, and why
 * -------------------------------
 * A relationship keeps its evidence as parallel lists, one element per piece
 * of evidence, sorted by (article, start, end):
 *
 *   evidence            [sentence text]      evidenceArticles    [article id]
 *   evidenceStarts      [int offset]         evidenceEnds        [int offset]
 *   evidenceDates       [ISO date or ""]     evidenceConfidences [float]
 *   evidenceSurfaces    [predicate as written, or ""]
 *
 * and summaries computed from those lists on every write: `count` (number of
 * pieces), `articles` and `dates` (distinct, sorted), `surface` (distinct,
 * most frequent first), `confidence` (noisy-or, 3 decimals) and `predicate`.
 * A relationship is one (type, predicate, polarity, modality): "Russia denied
 * plans to attack Ukraine" is a DENY, never merged into an attack stated. The
 * type is the relation class (relations/schema.json), with `group`, `cameo`
 * and `goldstein` set when the relationship is created (they follow from the
 * predicate, the entity types and the mode, so they never change after).
 * Reading it back in Cypher:
 *
 *   MATCH (a:Entity)-[r:MEET]->(b:Entity)
 *   UNWIND range(0, r.count - 1) AS i
 *   RETURN a.name, b.name, r.evidenceArticles[i], r.evidence[i]
 *
 * Separate (:Evidence) nodes would make merging trivial but double the size
 * of the graph and turn every "who met whom" query into a three-hop pattern;
 * a JSON string cannot be filtered in Cypher. The lists keep one hop, stay
 * queryable, and merge with one rule: **an export speaks for the articles in
 * it.** Writing a relation keeps the stored entries of other articles, drops
 * the stored entries of the articles in this export, and adds this export's
 * entries. Hence:
 * - the same export twice: same entries, same sorted lists, same summaries;
 * - two shards (different articles) with the same relation: the union;
 * - an article re-extracted after its text changed: its entries replaced.
 *   Relations the new text no longer supports are not in the export at all,
 *   so articles whose stored sha256 differs are first stripped from every
 *   relation (see CLAIM_ARTICLES, CLEAN_RELATIONS); relations left empty are
 *   deleted.
 *
 * Concurrent exports
 * ------------------
 * Exports may run at the same time, sharding the corpus across machines, and
 * the shards may overlap (the same article in several exports). Neo4j reads
 * are read-committed, not snapshots, so every read-modify-write here first
 * takes the write lock of what it modifies (by writing a dummy `_lock`
 * property, removed in the same statement), then reads the committed state:
 * - relations: the evidence lists are read after the lock, so the second of
 *   two exports writing a relation keeps what the first committed;
 * - entities: aliases are merged, and `mentions` recounted from MENTIONS,
 *   after the lock, so the last recount sees every committed MENTIONS;
 * - articles: whether an article is an old version to strip is decided under
 *   the article's lock, in the same transaction that strips it and records the
 *   new sha256 (CLAIM_ARTICLES). Of several exports carrying the same new text
 *   exactly one strips the old one; the others find the new sha256 and strip
 *   nothing, so no export ever strips what another is writing. Same text,
 *   same entries: writing them twice is harmless, each write replaces that
 *   article's entries on the relation instead of appending. Two different
 *   texts at once are a user error, but never a silent one: CHECK_ARTICLES
 *   marks such an article as changed, so the next export of it replaces it;
 * - the entity name is a min (see UPSERT_ENTITIES), not the last writer's.
 * - creation: nodes are MERGEd on a uniqueness constraint, and a relationship
 *   MERGE between bound nodes is planned as LockingMerge, which locks both
 *   nodes and looks again before creating: no duplicates.
 * - deletion: a relation MERGE matched can be deleted by a concurrent strip
 *   before this statement gets its lock; writes to it would then vanish
 *   without an error. UPSERT_RELATIONS counts those rows (`gone`) and the
 *   batch is rolled back and run again (writeBatches), when MERGE creates the
 *   relation afresh.
 * Deadlocks between exports are transient errors that executeWrite retries
 * (for up to a minute: see connection.ts).
 */
import type { ManagedTransaction, Session } from "neo4j-driver";
import type { ArticleRow, EntityRow, MentionRow, RelationRow } from "./rows.ts";

/**
 * Article nodes. Only a new article takes its sha256 here: a stored one with
 * another sha256 was claimed before (CLAIM_ARTICLES), and one that still has
 * another sha256 now was written by a concurrent export of another text,
 * which CHECK_ARTICLES finds at the end.
 */
export const UPSERT_ARTICLES = `
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
ON CREATE SET a.sha256 = row.sha256
SET a.title = coalesce(row.title, a.title),
    a.date = coalesce(row.date, a.date),
    a.source = coalesce(row.source, a.source)`;

/**
 * The lock step CLAIM_ARTICLES and CHECK_ARTICLES share, so both take each
 * article's write lock the same way and compare with the same rule: every
 * row's article, locked, kept when its stored sha256 is not the row's.
 */
const LOCKED_ARTICLES_NOT_AT_ROW_SHA = `
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
SET a._lock = true
REMOVE a._lock
WITH a, row WHERE a.sha256 IS NULL OR a.sha256 <> row.sha256`;

/**
 * Under each article's lock (rows sorted by id: the same lock order in every
 * export), the articles stored with another sha256, or none (left by an
 * unfinished export of an older version of this exporter), take the new
 * sha256 and are returned: the caller strips them (CLEAN_RELATIONS,
 * CLEAN_MENTIONS) in the same transaction. An export that finds the new
 * sha256 already there (another export got there first) strips nothing.
 */
export const CLAIM_ARTICLES = `${LOCKED_ARTICLES_NOT_AT_ROW_SHA}
SET a.sha256 = row.sha256
RETURN a.id AS id`;

/**
 * Last step: under each article's lock, articles whose sha256 is no longer
 * this export's (or none) lose it and are returned. That happens only when
 * another export wrote a different text of the article at the same time
 * (a user error): its evidence may then mix both texts, and without a
 * sha256 the next export of either text strips it all first (CLAIM_ARTICLES).
 * An export that runs this after all its writes committed sees any claim made
 * before; a claim made after strips everything it wrote. So a stored sha256
 * always means: every entry of the article comes from that text.
 */
export const CHECK_ARTICLES = `${LOCKED_ARTICLES_NOT_AT_ROW_SHA}
REMOVE a.sha256
RETURN a.id AS id`;

/**
 * Entity nodes. The graph metrics (degree, pagerank, community) are those of
 * the export that wrote last: they describe one exported graph and cannot be
 * merged; a row without them (an export of a slice, like a `kg worker` batch)
 * leaves the stored ones. The name is spelt as in the first article (by id) that names the
 * entity, as buildGraph does, so it does not depend on the order of exports:
 * `nameArticle` keeps which article that is (an export without one, i.e.
 * whose graph has no article mentioning the entity, names it only if nothing
 * else has). The type is part of the id. Aliases are a sorted union,
 * firstSeen and lastSeen a min and max. `mentions` is recomputed from
 * MENTIONS afterwards.
 */
export const UPSERT_ENTITIES = `
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e._lock = true
WITH e, row
CALL (e, row) {
  UNWIND coalesce(e.aliases, []) + row.aliases AS alias
  WITH DISTINCT alias ORDER BY alias
  RETURN collect(alias) AS aliases
}
WITH e, row, aliases,
     e.name IS NULL OR CASE WHEN row.nameArticle IS NULL THEN e.nameArticle IS NULL ELSE e.nameArticle IS NULL OR row.nameArticle <= e.nameArticle END AS renamed
SET e.name = CASE WHEN renamed THEN row.name ELSE e.name END,
    e.nameArticle = CASE WHEN renamed THEN row.nameArticle ELSE e.nameArticle END,
    e.type = row.type,
    e.aliases = aliases,
    e.mentions = coalesce(e.mentions, toInteger(row.mentions)),
    e.degree = coalesce(toInteger(row.degree), e.degree),
    e.pagerank = coalesce(toFloat(row.pagerank), e.pagerank),
    e.community = coalesce(toInteger(row.community), e.community),
    e.firstSeen = CASE WHEN e.firstSeen IS NULL OR row.firstSeen < e.firstSeen THEN coalesce(row.firstSeen, e.firstSeen) ELSE e.firstSeen END,
    e.lastSeen = CASE WHEN e.lastSeen IS NULL OR row.lastSeen > e.lastSeen THEN coalesce(row.lastSeen, e.lastSeen) ELSE e.lastSeen END
SET e:$(row.label)
REMOVE e._lock
WITH e, row
FOREACH (old IN [l IN labels(e) WHERE l <> 'Entity' AND l <> row.label] | REMOVE e:$(old))`;

export const UPSERT_MENTIONS = `
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MATCH (e:Entity {id: row.entity})
MERGE (a)-[m:MENTIONS]->(e)
SET m.count = toInteger(row.count)`;

/**
 * `mentions` = the sum of MENTIONS counts; entities no article mentions keep
 * `fallback`: the graph's own count when the graph has no MENTIONS for them
 * (a graph without per-article counts), else 0. Counted under the entity's
 * lock: of concurrent exports, the one that counts last counts every MENTIONS
 * committed before.
 */
export const REFRESH_MENTIONS = `
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e._lock = true
WITH e, row
OPTIONAL MATCH (:Article)-[m:MENTIONS]->(e)
WITH e, row, sum(m.count) AS total, count(m) AS links
SET e.mentions = CASE WHEN links > 0 THEN total ELSE toInteger(row.fallback) END
REMOVE e._lock`;

/**
 * Stored entries of `r` minus those of `$drop`-articles, as maps. Used with
 * `r` write-locked (see above). `range(0, -1)` is empty for a new relation.
 */
const KEPT_ENTRIES = (drop: string) => `
[i IN range(0, size(coalesce(r.evidence, [])) - 1) WHERE NOT r.evidenceArticles[i] IN ${drop} |
  {article: r.evidenceArticles[i], text: r.evidence[i], start: r.evidenceStarts[i], end: r.evidenceEnds[i],
   date: r.evidenceDates[i], confidence: r.evidenceConfidences[i], surface: r.evidenceSurfaces[i]}]`;

/** This export's entries, rebuilt from the stored lists the row carries in `created`. */
const NEW_ENTRIES = `[i IN range(0, size(row.created.evidence) - 1) |
  {article: row.created.evidenceArticles[i], text: row.created.evidence[i], start: row.created.evidenceStarts[i], end: row.created.evidenceEnds[i],
   date: row.created.evidenceDates[i], confidence: row.created.evidenceConfidences[i], surface: row.created.evidenceSurfaces[i]}]`;

/** Writes `merged` (a list of entry maps) to `r` as sorted parallel lists plus summaries. */
const WRITE_ENTRIES = `
CALL (merged) {
  UNWIND merged AS e
  WITH e ORDER BY e.article, e.start, e.end, e.text
  RETURN collect(e) AS entries
}
CALL (entries) {
  UNWIND entries AS e
  WITH e.surface AS surface, count(*) AS uses WHERE surface <> ''
  WITH surface, uses ORDER BY uses DESC, surface
  RETURN collect(surface) AS surfaces
}
CALL (entries) {
  UNWIND entries AS e
  WITH DISTINCT e.article AS article ORDER BY article
  RETURN collect(article) AS articles
}
CALL (entries) {
  UNWIND entries AS e
  WITH DISTINCT e.date AS date WHERE date <> ''
  WITH date ORDER BY date
  RETURN collect(date) AS dates
}
SET r.evidence = [e IN entries | e.text],
    r.evidenceArticles = [e IN entries | e.article],
    r.evidenceStarts = [e IN entries | toInteger(e.start)],
    r.evidenceEnds = [e IN entries | toInteger(e.end)],
    r.evidenceDates = [e IN entries | e.date],
    r.evidenceConfidences = [e IN entries | toFloat(e.confidence)],
    r.evidenceSurfaces = [e IN entries | e.surface],
    r.surface = surfaces,
    r.articles = articles,
    r.dates = dates,
    r.count = size(entries),
    r.confidence = round(1.0 - reduce(p = 1.0, e IN entries | p * (1.0 - toFloat(e.confidence))), 3)
REMOVE r._lock`;

/**
 * A new relation takes the stored form computed in rows.ts (one SET); an
 * existing one merges its stored entries with this export's (see above).
 * Integers and floats are cast because the driver sends every number as a float.
 *
 * Returns `gone`: rows whose MERGE matched a relation that a concurrent
 * CLEAN_RELATIONS deleted before this statement got its lock. Writes to a
 * relation deleted that way are silently lost (Neo4j raises no error), so a
 * batch with `gone > 0` must be rolled back and run again (writeBatches does).
 * Once the lock is held nobody else can delete it, so looking at the end of
 * the statement is the same as looking right after the lock.
 */
export const UPSERT_RELATIONS = `
UNWIND $rows AS row
MATCH (s:Entity {id: row.source})
MATCH (t:Entity {id: row.target})
MERGE (s)-[r:$(row.type) {predicate: row.predicate, polarity: row.polarity, modality: row.modality}]->(t)
ON CREATE SET r += row.created,
  r.group = row.group,
  r.cameo = row.cameo,
  r.goldstein = toFloat(row.goldstein),
  r.evidenceStarts = [x IN row.created.evidenceStarts | toInteger(x)],
  r.evidenceEnds = [x IN row.created.evidenceEnds | toInteger(x)],
  r.evidenceConfidences = [x IN row.created.evidenceConfidences | toFloat(x)],
  r.count = toInteger(row.created.count),
  r.confidence = toFloat(row.created.confidence),
  r._created = true
WITH s, t, r, row
CALL (r, row) {
  WITH r, row WHERE r._created IS NULL
  SET r._lock = true
  WITH r, ${KEPT_ENTRIES("row.articles")} + ${NEW_ENTRIES} AS merged
  ${WRITE_ENTRIES}
}
WITH s, t, r, r._created IS NULL AS matched
REMOVE r._created
RETURN count(CASE WHEN matched AND NOT EXISTS { (s)-[x]->(t) WHERE x = r } THEN 1 END) AS gone`;

/**
 * Strips the given articles from every relation between entities and deletes
 * relations left without evidence. One scan of the relations per batch of
 * articles: relation properties cannot be indexed by list element.
 */
export const CLEAN_RELATIONS = `
MATCH (:Entity)-[r]->(:Entity)
WHERE any(article IN r.articles WHERE article IN $articles)
SET r._lock = true
WITH r, ${KEPT_ENTRIES("$articles")} AS merged
${WRITE_ENTRIES}
WITH r WHERE r.count = 0
DELETE r`;

/**
 * Removes the articles' MENTIONS and, in the same transaction, recounts the
 * entities they pointed to (under their lock, as REFRESH_MENTIONS): an export
 * stopped after this step must not leave a count that the re-run has no way
 * to know is stale.
 */
export const CLEAN_MENTIONS = `
UNWIND $articles AS id
MATCH (:Article {id: id})-[m:MENTIONS]->(e:Entity)
DELETE m
WITH DISTINCT e
SET e._lock = true
WITH e
CALL (e) {
  OPTIONAL MATCH (:Article)-[left:MENTIONS]->(e)
  RETURN sum(left.count) AS total
}
SET e.mentions = total
REMOVE e._lock`;

export const READ_ARTICLE_HASHES = `
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.sha256 AS sha256`;

/**
 * Entities no article mentions and no relation touches; deleted a batch at a
 * time. Not safe while other exports run: an entity one of them has just
 * created has no MENTIONS yet (the README says to prune once, after the shards).
 */
export const PRUNE_ENTITIES = `
MATCH (e:Entity)
WHERE NOT EXISTS { (:Article)-[:MENTIONS]->(e) } AND NOT EXISTS { (e)--(:Entity) }
WITH e LIMIT $limit
DETACH DELETE e
RETURN count(*) AS deleted`;

export type Row = ArticleRow | EntityRow | MentionRow | RelationRow | Record<string, unknown>;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface BatchOptions {
  batchSize: number;
  signal?: AbortSignal | undefined;
  /** After each committed batch: rows written so far. */
  onBatch?: ((done: number) => void) | undefined;
  /** Each time a batch is run again after a ConcurrentDeletion. */
  onRetry?: (() => void) | undefined;
}

/** A statement wrote to a relation a concurrent export deleted under it (see UPSERT_RELATIONS): run the transaction again. */
export class ConcurrentDeletion extends Error {
  override readonly name = "ConcurrentDeletion";
}

/** How often a transaction is run again after a ConcurrentDeletion before giving up. */
export const CONCURRENT_DELETION_RETRIES = 10;

/**
 * `session.executeWrite(work)` (which retries deadlocks and other transient
 * errors), run again from the start when `work` throws ConcurrentDeletion:
 * the driver does not retry errors of ours, and it has rolled back already.
 */
export async function writeTransaction<T>(session: Session, work: (tx: ManagedTransaction) => Promise<T>, onRetry?: () => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await session.executeWrite(work);
    } catch (error) {
      if (!(error instanceof ConcurrentDeletion) || attempt > CONCURRENT_DELETION_RETRIES) throw error;
      onRetry?.();
    }
  }
}

/** Runs `statement` once per batch of `rows`, one retried write transaction each; returns the number of transactions. */
export async function writeBatches(session: Session, statement: string, rows: readonly Row[], options: BatchOptions): Promise<number> {
  let transactions = 0;
  let done = 0;
  for (const batch of chunks(rows, options.batchSize)) {
    options.signal?.throwIfAborted();
    await writeTransaction(session, async (tx) => {
      const result = await tx.run(statement, { rows: batch });
      const gone = result.records[0]?.has("gone") ? Number(result.records[0].get("gone")) : 0;
      if (gone > 0) throw new ConcurrentDeletion(`${gone} relation(s) deleted by a concurrent export while this batch wrote them`);
    }, options.onRetry);
    transactions++;
    done += batch.length;
    options.onBatch?.(done);
  }
  return transactions;
}
