/**
 * Where `kg worker` writes a batch of articles' triples: Neo4j, through the
 * same idempotent upsert as `kg export neo4j` of the triples `kg extract`
 * writes, and/or JSON Lines files of those triples. The worker has already
 * classed them (--schema) and left out those below --min-confidence, as
 * `kg extract` does. A batch is acknowledged to the queue only after every
 * sink has committed it.
 */
import { open, mkdir, type FileHandle } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import type { Triple } from "newskg-extract";
import type { Neo4jWriter } from "newskg-graph/neo4j";
import { QueueError } from "./redis.ts";

export interface Sink {
  readonly name: string;
  /** Commits the triples of a batch of articles (articles without triples add none). */
  write(triples: Triple[]): Promise<void>;
  close(): Promise<void>;
}

/** A sink that cannot be used now (server down, login refused, disk full): the batch goes back to the queue. */
export class SinkUnavailable extends QueueError {}

export interface Neo4jSinkOptions {
  uri: string;
  username?: string;
  password?: string;
  database?: string;
  /** How long a commit retries a Neo4j that went away (or a deadlock) before the worker gives up. */
  retryMs?: number;
}

const NEO4J_UNAVAILABLE = /^Cannot reach Neo4j|rejected the login|requires a login|refuses logins|is not available|has no database|must be changed first|may not write/;

/** Neo4j: each batch is exported as `kg export neo4j` exports a triples file, entity metrics left as stored. */
export async function openNeo4jSink(options: Neo4jSinkOptions): Promise<Sink> {
  const { openNeo4jWriter, graphFromTriples, Neo4jExportError } = await import("newskg-graph/neo4j");
  const unavailable = (error: unknown) =>
    error instanceof Neo4jExportError && NEO4J_UNAVAILABLE.test(error.message) ? new SinkUnavailable(error.message, { cause: error }) : error;
  let writer: Neo4jWriter;
  try {
    writer = await openNeo4jWriter({ uri: options.uri, username: options.username, password: options.password, database: options.database, retryMs: options.retryMs });
  } catch (error) {
    throw unavailable(error);
  }
  return {
    name: "neo4j",
    async write(triples) {
      if (triples.length === 0) return;
      // The worker has left out triples below --min-confidence already (as kg extract does): none is dropped here.
      const graph = graphFromTriples(triples, { minConfidence: 0, metrics: false });
      try {
        await writer.write(graph, { metrics: "keep" });
      } catch (error) {
        throw unavailable(error);
      }
    },
    close: () => writer.close(),
  };
}

/**
 * JSON Lines: the triples as `kg extract` writes them, appended to a file of this worker's own
 * (`<host>-<pid>-<time>.jsonl` in the folder) and forced to disk before the batch is acknowledged.
 */
export async function openJsonlSink(dir: string): Promise<Sink & { file: string }> {
  const file = join(dir, `${hostname()}-${process.pid}-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl`);
  let handle: FileHandle;
  try {
    await mkdir(dir, { recursive: true });
    handle = await open(file, "a");
  } catch (error) {
    throw new SinkUnavailable(`Cannot write JSON Lines to ${dir}: ${(error as Error).message}`);
  }
  return {
    name: "jsonl",
    file,
    async write(triples) {
      if (triples.length === 0) return;
      try {
        await handle.write(triples.map((t) => JSON.stringify(t) + "\n").join(""));
        await handle.datasync();
      } catch (error) {
        throw new SinkUnavailable(`Cannot write JSON Lines to ${file}: ${(error as Error).message}`);
      }
    },
    close: () => handle.close(),
  };
}
