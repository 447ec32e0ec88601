/**
 * The data of queue-driven ingestion (`kg queue`, `kg worker`), defined once.
 * A job is one article; its id is the article's extraction cache key
 * (pipeline/cache.ts articleKey: a hash of the article and of the extractor's
 * source), so the same article is one job however often it is enqueued, and
 * a changed article (or a changed extractor) is a new one.
 */
import type { ArticleInput } from "newskg-extract";
import type { Origin } from "../problems.ts";

/** The queue `kg queue` and `kg worker` use when no --queue is given. */
export const DEFAULT_QUEUE = "kg";

/** What a job carries: the article as read, and where it was read from (for messages and the failed list). */
export interface ArticleJob {
  article: ArticleInput;
  origin: Origin;
}

/** What `kg queue add` did with the articles it read. */
export interface EnqueueSummary {
  read: number;
  /** New jobs. */
  added: number;
  /** Already a job (waiting, active, delayed or failed): not added again. */
  queued: number;
  /** Already extracted and written by a worker: not added again. */
  done: number;
  /** The same article twice in this input: counted once. */
  repeated: number;
}

export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  /** Articles written by a worker's sink, ever (the done set). */
  done: number;
}

/** A job that failed every attempt. */
export interface FailedArticle {
  key: string;
  id: string;
  /** file:line (id), or the file. */
  where: string;
  error: string;
  attempts: number;
}

export interface QueueStatus {
  queue: string;
  /** Redis URL without credentials. */
  redis: string;
  counts: QueueCounts;
  /** Worker processes connected now. */
  workers: number;
  /** Articles done per second over the last `window` seconds (all workers), or null with none done in it. */
  rate: number | null;
  window: number;
  /** Seconds until waiting, delayed and active jobs are done at that rate. */
  eta: number | null;
  failed: FailedArticle[];
}

/** What one `kg worker` measured, for `--stats FILE` (pnpm bench:queue fits its model to these). */
export interface WorkerStats {
  pid: number;
  startedAt: number;
  endedAt: number;
  /** Articles acknowledged, of which from the extraction cache, and already done when their batch came. */
  articles: number;
  fromCache: number;
  skippedDone: number;
  triples: number;
  /** Triples a --strict-schema had no class for (dropped), and triples left out by --min-confidence. */
  outsideSchema: number;
  belowConfidence: number;
  /** Time spent inside extractArticle in the extraction threads, summed (ms). */
  extractMs: number;
  /** One per sink commit. */
  flushes: FlushStats[];
  /** CPU time of the whole process (ms, user + system). */
  cpuMs: number;
}

export interface FlushStats {
  articles: number;
  triples: number;
  /** Wall time of the Neo4j write, the JSON Lines write, and the Redis bookkeeping (done set, rate). */
  neo4jMs: number;
  jsonlMs: number;
  redisMs: number;
}
