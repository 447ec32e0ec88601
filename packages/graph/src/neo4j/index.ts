/**
 * Serialised knowledge graph -> Neo4j.
 *
 *   (:Article {id, title, date, source, sha256})
 *   (:Article)-[:MENTIONS {count}]->(:Entity:<Type> {id, name, type, aliases, mentions,
 *                                                    degree, pagerank, community, firstSeen, lastSeen})
 *   (:Entity)-[:<PREDICATE> {predicate, surface, evidence, evidenceArticles, ..., articles,
 *                            dates, confidence, count}]->(:Entity)
 *
 * The storage of evidence and the merge rule are explained in upsert.ts.
 *
 * Order of the steps, chosen so that an interrupted export followed by a
 * re-run ends exactly like an uninterrupted one:
 *  1. schema (IF NOT EXISTS);
 *  2. articles already stored with another sha256, or stored without one
 *     (left by an unfinished export), lose their sha256, then their MENTIONS
 *     and evidence;
 *  3. articles, entities, mentions, relations: MERGE + SET per batch;
 *  4. entity `mentions` recomputed from MENTIONS (entities that only lost
 *     MENTIONS in step 2 were recounted there, in the same transaction);
 *  5. articles' sha256 written last: until then a re-run sees the article as
 *     unfinished and does step 2 again;
 *  6. prune, if asked.
 * Exporting the same article from two exports running at the same time is
 * not supported (each would strip what the other wrote in step 2); shards of
 * different articles may run concurrently and merge into their union.
 */
import neo4j, { type Session } from "neo4j-driver";
import { checkConnection, openDriver } from "./connection.ts";
import { displayUri, Neo4jExportError, toExportError } from "./errors.ts";
import { relationParams, toRows } from "./rows.ts";
import { ensureSchema } from "./schema.ts";
import type { Neo4jExportOptions, Neo4jExportStep, Neo4jExportSummary, SerializedKnowledgeGraph } from "./types.ts";
import {
  chunks,
  CLEAN_MENTIONS,
  CLEAN_RELATIONS,
  MARK_ARTICLES_UNFINISHED,
  PRUNE_ENTITIES,
  READ_ARTICLE_HASHES,
  REFRESH_MENTIONS,
  SET_ARTICLE_HASHES,
  UPSERT_ARTICLES,
  UPSERT_ENTITIES,
  UPSERT_MENTIONS,
  UPSERT_RELATIONS,
  writeBatches,
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
export { toRows, type ExportRows, type EvidenceEntry } from "./rows.ts";
export { openDriver, checkConnection } from "./connection.ts";
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

/** Articles whose stored contributions must go before this export writes: another sha256, or none yet. */
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
  return replaced;
}

/**
 * Writes `serialized` into Neo4j (see the module comment for the model).
 * Throws `Neo4jExportError` with a one-line message for the failures a user
 * can act on (server not reachable, login refused, unknown database).
 */
export async function exportToNeo4j(serialized: SerializedKnowledgeGraph, options: Neo4jExportOptions): Promise<Neo4jExportSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Neo4jExportError(`Neo4j batch size must be a positive integer, got ${String(options.batchSize)}`);
  }
  const context = { uri: options.uri, database: options.database, username: options.username };
  const rows = toRows(serialized);

  const driver = openDriver(options);
  try {
    const server = await checkConnection(driver, options);
    log(`Neo4j: connected to ${displayUri(options.uri)} (${server.agent}${options.database ? `, database ${options.database}` : ""})`);
    const session = driver.session(options.database ? { database: options.database } : {});
    try {
      let transactions = 0;
      const { signal, onProgress } = options;
      const write = async (step: Neo4jExportStep, statement: string, stepRows: readonly Row[]) => {
        transactions += await writeBatches(session, statement, stepRows, {
          batchSize,
          signal,
          onBatch: (done) => onProgress?.({ step, done, total: stepRows.length }),
        });
      };

      signal?.throwIfAborted();
      await ensureSchema(session);

      const hashes = new Map(rows.articles.filter((a) => a.sha256 !== null).map((a) => [a.id, a.sha256!]));
      const replaced = await findReplacedArticles(session, hashes, batchSize);
      if (replaced.length > 0) {
        log(`Neo4j: ${replaced.length} article(s) changed since the last export (or left unfinished); removing their old evidence`);
        let done = 0;
        for (const articles of chunks(replaced, batchSize)) {
          signal?.throwIfAborted();
          // Unmark first: if the export stops anywhere after this, a re-run (with
          // either text) still sees these articles as unfinished and cleans again.
          await session.executeWrite((tx) => tx.run(MARK_ARTICLES_UNFINISHED, { articles }));
          await session.executeWrite((tx) => tx.run(CLEAN_RELATIONS, { articles }));
          await session.executeWrite((tx) => tx.run(CLEAN_MENTIONS, { articles }));
          transactions += 3;
          done += articles.length;
          onProgress?.({ step: "clean", done, total: replaced.length });
        }
      }

      await write("articles", UPSERT_ARTICLES, rows.articles);
      await write("entities", UPSERT_ENTITIES, rows.entities);
      await write("mentions", UPSERT_MENTIONS, rows.mentions);
      await write("relations", UPSERT_RELATIONS, rows.relations.map(relationParams));

      await write("finish", REFRESH_MENTIONS, rows.entities.map((entity) => ({ id: entity.id, fallback: entity.mentions })));
      await write("finish", SET_ARTICLE_HASHES, [...hashes].map(([id, sha256]) => ({ id, sha256 })));

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
        replacedArticles: replaced.length,
        pruned,
        transactions,
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
  } catch (error) {
    if (options.signal?.aborted && error === options.signal.reason) {
      throw new Neo4jExportError("Neo4j export interrupted; run it again to complete it (re-running is safe).", { cause: error, code: "ABORTED" });
    }
    throw toExportError(error, context);
  } finally {
    await driver.close();
  }
}
