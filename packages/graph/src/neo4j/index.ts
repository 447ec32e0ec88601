/**
 * Serialised knowledge graph -> Neo4j. `kg extract` triples are exported
 * through the graph buildGraph makes of them (triples.ts).
 *
 *   (:Article {id, title, date, source, sha256})
 *   (:Article)-[:MENTIONS {count}]->(:Entity:<Type> {id, name, nameArticle, type, aliases, mentions,
 *                                                    degree, pagerank, community, firstSeen, lastSeen})
 *   (:Entity)-[:<PREDICATE> {predicate, surface, evidence, evidenceArticles, ..., articles,
 *                            dates, confidence, count}]->(:Entity)
 *
 * The storage of evidence and the merge rule are explained in upsert.ts.
 *
 * Order of the steps, chosen so that an interrupted export followed by a
 * re-run ends exactly like an uninterrupted one, and so that exports running
 * at the same time, even of overlapping shards, end like one export of their
 * union (see "Concurrent exports" in upsert.ts):
 *  1. schema (IF NOT EXISTS);
 *  2. articles already stored with another sha256 (or none: left by an
 *     unfinished export of an older version of this exporter) take the new
 *     sha256 and lose their MENTIONS and evidence, all in one transaction
 *     per batch, decided under the articles' locks (CLAIM_ARTICLES);
 *  3. articles (new ones with their sha256), entities, mentions, relations:
 *     MERGE + SET per batch (relationship types the database does not know
 *     yet are created first, from several sessions: see schema.ts);
 *  4. entity `mentions` recomputed from MENTIONS (entities that only lost
 *     MENTIONS in step 2 were recounted there, in the same transaction);
 *  5. articles whose sha256 another export changed meanwhile (a different
 *     text exported at the same time) lose it, so the next export of either
 *     text replaces them (CHECK_ARTICLES);
 *  6. prune, if asked.
 * Stopped anywhere, the database holds, for each article, its sha256 and a
 * subset of that text's entries (step 2 is atomic, and every later write
 * replaces an article's entries with the same ones): a re-run with the same
 * text writes the rest, and one with another text strips it all again.
 */
import neo4j, { type Driver, type Session } from "neo4j-driver";
import { checkConnection, openDriver } from "./connection.ts";
import { displayUri, Neo4jExportError, toExportError } from "./errors.ts";
import { relationParams, toRows } from "./rows.ts";
import { ensureRelationshipTypes, ensureSchema } from "./schema.ts";
import type { Neo4jExportOptions, Neo4jExportStep, Neo4jExportSummary, SerializedKnowledgeGraph } from "./types.ts";
import {
  CHECK_ARTICLES,
  chunks,
  CLAIM_ARTICLES,
  CLEAN_MENTIONS,
  CLEAN_RELATIONS,
  PRUNE_ENTITIES,
  READ_ARTICLE_HASHES,
  REFRESH_MENTIONS,
  UPSERT_ARTICLES,
  UPSERT_ENTITIES,
  UPSERT_MENTIONS,
  UPSERT_RELATIONS,
  writeBatches,
  writeTransaction,
  type Row,
} from "./upsert.ts";

export { Neo4jExportError, toExportError, displayUri } from "./errors.ts";
export {
  safeIdentifier,
  relationshipType,
  entityLabel,
  FALLBACK_RELATIONSHIP_TYPE,
  FALLBACK_ENTITY_LABEL,
  RELATIONSHIP_TYPE_PATTERN,
  ENTITY_LABEL_PATTERN,
  type IdentifierKind,
} from "./identifiers.ts";
export { toRows, type ExportRows, type EvidenceEntry, type RowOptions } from "./rows.ts";
export { extractionsFromTriples, graphFromTriples, isTriple } from "./triples.ts";
export { openDriver, checkConnection } from "./connection.ts";
export { readGraph, writeMetrics, type ReadGraphOptions } from "./read.ts";
export { SCHEMA_STATEMENTS } from "./schema.ts";
export type {
  Neo4jConnectionOptions,
  Neo4jExportOptions,
  Neo4jExportProgress,
  Neo4jExportStep,
  Neo4jExportSummary,
  SerializedKnowledgeGraph,
} from "./types.ts";

// 5,000 rows a transaction: on the BBC graph 1,000 was ~30x faster than one query per
// relationship and 5,000 ~39x; transactions stay a few MB even with long evidence lists.
export const DEFAULT_BATCH_SIZE = 5000;

/**
 * Articles stored with another sha256, or none: candidates for CLAIM_ARTICLES,
 * which decides again under their locks (another export may claim them first).
 * A plain read, so that the usual export (nothing changed) takes no lock here.
 */
async function findReplacedArticles(session: Session, incoming: Map<string, string>, batchSize: number): Promise<string[]> {
  const replaced: string[] = [];
  for (const ids of chunks([...incoming.keys()], batchSize)) {
    const result = await session.executeRead((tx) => tx.run(READ_ARTICLE_HASHES, { ids }));
    for (const record of result.records) {
      const id = record.get("id") as string;
      const stored = record.get("sha256") as string | null;
      if (stored !== incoming.get(id)) replaced.push(id);
    }
  }
  return replaced.sort();
}

/**
 * Writes `serialized` into Neo4j (see the module comment for the model).
 * Throws `Neo4jExportError` with a one-line message for the failures a user
 * can act on (server not reachable, login refused, unknown database).
 */
export async function exportToNeo4j(serialized: SerializedKnowledgeGraph, options: Neo4jExportOptions): Promise<Neo4jExportSummary> {
  const writer = await openNeo4jWriter(options);
  try {
    return await writer.write(serialized);
  } finally {
    await writer.close();
  }
}

/** One driver for many exports: what `kg worker` writes each batch of articles through. */
export interface Neo4jWriter {
  /** Exports one graph, exactly as exportToNeo4j does (the options given when opening apply). */
  write(serialized: SerializedKnowledgeGraph, options?: Neo4jWriteOptions): Promise<Neo4jExportSummary>;
  close(): Promise<void>;
}

export interface Neo4jWriteOptions {
  /**
   * "write" (the default): the graph's degree, pagerank and community replace the stored ones. "keep": they
   * are left as stored (none for a new entity); for graphs that are a slice of the whole, such as one batch
   * of a `kg worker`, whose metrics would describe the slice (graph-wide metrics: `kg graph from-neo4j`).
   */
  metrics?: "write" | "keep";
}

/**
 * Opens a driver, checks the server and creates the schema (constraints) once; each `write` then exports a
 * graph. Throws `Neo4jExportError` with one line when the server cannot be used.
 */
export async function openNeo4jWriter(options: Neo4jExportOptions): Promise<Neo4jWriter> {
  const log = options.log ?? (() => {});
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Neo4jExportError(`Neo4j batch size must be a positive integer, got ${String(options.batchSize)}`);
  }
  const context = { uri: options.uri, database: options.database, username: options.username };
  const driver = openDriver(options);
  try {
    const server = await checkConnection(driver, options);
    log(`Neo4j: connected to ${displayUri(options.uri)} (${server.agent}${options.database ? `, database ${options.database}` : ""})`);
    const session = driver.session(options.database ? { database: options.database } : {});
    try {
      options.signal?.throwIfAborted();
      await ensureSchema(session);
    } finally {
      await session.close();
    }
  } catch (error) {
    await driver.close();
    if (options.signal?.aborted && error === options.signal.reason) {
      throw new Neo4jExportError("Neo4j export interrupted; run it again to complete it (re-running is safe).", { cause: error, code: "ABORTED" });
    }
    throw toExportError(error, context);
  }
  return {
    write: async (serialized, writeOptions = {}) => {
      try {
        return await writeGraph(driver, serialized, options, batchSize, writeOptions);
      } catch (error) {
        if (options.signal?.aborted && error === options.signal.reason) {
          throw new Neo4jExportError("Neo4j export interrupted; run it again to complete it (re-running is safe).", { cause: error, code: "ABORTED" });
        }
        throw toExportError(error, context);
      }
    },
    close: () => driver.close(),
  };
}

async function writeGraph(
  driver: Driver,
  serialized: SerializedKnowledgeGraph,
  options: Neo4jExportOptions,
  batchSize: number,
  writeOptions: Neo4jWriteOptions,
): Promise<Neo4jExportSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const rows = toRows(serialized, { metrics: writeOptions.metrics ?? "write" });
  const session = driver.session(options.database ? { database: options.database } : {});
  try {
    let transactions = 0;
    let retried = 0;
    const onRetry = () => void retried++;
    const { signal, onProgress } = options;
    const write = async (step: Neo4jExportStep, statement: string, stepRows: readonly Row[]) => {
      transactions += await writeBatches(session, statement, stepRows, {
        batchSize,
        signal,
        onBatch: (done) => onProgress?.({ step, done, total: stepRows.length }),
        onRetry,
      });
    };

    signal?.throwIfAborted();
    const hashes = new Map(rows.articles.filter((a) => a.sha256 !== null).map((a) => [a.id, a.sha256!]));
    const candidates = await findReplacedArticles(session, hashes, batchSize);
    let replaced = 0;
    if (candidates.length > 0) {
      let done = 0;
      for (const batch of chunks(candidates, batchSize)) {
        signal?.throwIfAborted();
        // One transaction: deciding, recording the new sha256 and stripping
        // the old entries cannot be separated by a crash or by another export.
        replaced += await writeTransaction(session, async (tx) => {
          const claimed = await tx.run(CLAIM_ARTICLES, { rows: batch.map((id) => ({ id, sha256: hashes.get(id) })) });
          const articles = claimed.records.map((record) => record.get("id") as string);
          if (articles.length > 0) {
            await tx.run(CLEAN_RELATIONS, { articles });
            await tx.run(CLEAN_MENTIONS, { articles });
          }
          return articles.length;
        }, onRetry);
        transactions++;
        done += batch.length;
        onProgress?.({ step: "clean", done, total: candidates.length });
      }
      if (replaced > 0) log(`Neo4j: ${replaced} article(s) changed since the last export; removed their old evidence`);
    }

    await write("articles", UPSERT_ARTICLES, rows.articles);
    await write("entities", UPSERT_ENTITIES, rows.entities);
    await write("mentions", UPSERT_MENTIONS, rows.mentions);
    // New relationship types created up front, many at once (see ensureRelationshipTypes).
    await ensureRelationshipTypes(driver, options.database ? { database: options.database } : {}, rows.relations.map((r) => r.type), signal);
    await write("relations", UPSERT_RELATIONS, rows.relations.map(relationParams));

    // The graph's own count stands in only for entities it has no MENTIONS of.
    const mentioned = new Set(rows.mentions.map((m) => m.entity));
    await write("finish", REFRESH_MENTIONS, rows.entities.map((entity) => ({ id: entity.id, fallback: mentioned.has(entity.id) ? 0 : entity.mentions })));

    let conflicting = 0;
    let checked = 0;
    for (const batch of chunks([...hashes].map(([id, sha256]) => ({ id, sha256 })), batchSize)) {
      signal?.throwIfAborted();
      const result = await writeTransaction(session, (tx) => tx.run(CHECK_ARTICLES, { rows: batch }));
      transactions++;
      conflicting += result.records.length;
      checked += batch.length;
      onProgress?.({ step: "finish", done: checked, total: hashes.size });
    }
    if (conflicting > 0) {
      log(
        `Neo4j: ${conflicting} article(s) were written at the same time by another export with a different text; ` +
          "their evidence may mix both texts until one of them is exported again (they are marked as changed, so that export replaces it)",
      );
    }

    let pruned = 0;
    if (options.prune) {
      for (;;) {
        signal?.throwIfAborted();
        const result = await session.executeWrite((tx) => tx.run(PRUNE_ENTITIES, { limit: neo4j.int(batchSize) }));
        transactions++;
        const deleted = Number(result.records[0]?.get("deleted") ?? 0);
        pruned += deleted;
        onProgress?.({ step: "prune", done: pruned, total: pruned });
        if (deleted < batchSize) break;
      }
      log(`Neo4j: pruned ${pruned} entit${pruned === 1 ? "y" : "ies"} no article mentions any more`);
    }

    const summary: Neo4jExportSummary = {
      articles: rows.articles.length,
      entities: rows.entities.length,
      mentions: rows.mentions.length,
      relations: rows.relations.length,
      replacedArticles: replaced,
      conflictingArticles: conflicting,
      pruned,
      transactions,
      retriedTransactions: retried,
      durationMs: Date.now() - started,
    };
    log(
      `Neo4j: wrote ${summary.articles} articles, ${summary.entities} entities, ${summary.mentions} mentions, ` +
        `${summary.relations} relations in ${(summary.durationMs / 1000).toFixed(1)} s`,
    );
    return summary;
  } finally {
    await session.close();
  }
}
