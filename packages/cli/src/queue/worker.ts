/**
 * `kg worker`: pulls article jobs from the queue, extracts them (the
 * extraction cache and key of `kg extract`), and commits them in batches to
 * its sinks; a job is acknowledged only after its batch committed.
 *
 * What happens when something goes away:
 * - this process killed: the jobs it held are still active in Redis, with a
 *   lock it no longer renews; after `stallMs` a live worker's stalled check
 *   moves them back to waiting, and they are done again. Whatever the killed
 *   worker had committed is written again with the same content (the Neo4j
 *   upsert is idempotent; an article already in the done set is skipped).
 * - a sink unavailable (Neo4j down, disk full): one line naming it, every job
 *   this worker holds goes back to waiting (no attempt used), and the worker
 *   exits with 1, to be started again (by hand or by its supervisor).
 * - Redis unreachable: one line naming it, and exit 1 at once; the jobs this
 *   worker held stay in Redis and stall back to waiting.
 * - an article whose extraction fails (or overruns the time limit): the job
 *   fails that attempt; after its last attempt it is in the failed list with
 *   the error and its record (`kg queue status`, `kg queue retry-failed`).
 */
import { writeFile } from "node:fs/promises";
import { Queue, Worker, WaitingError, type Job } from "bullmq";
import type { Triple } from "newskg-extract";
import { articleKey, ExtractionCache, extractorFingerprint } from "../pipeline/cache.ts";
import { belowConfidenceNote } from "../confidence-note.ts";
import { where } from "../problems.ts";
import { reclassify, type SchemaChoice } from "../schema.ts";
import { Batcher } from "./batcher.ts";
import { Extractor } from "./extractor.ts";
import { COMMITS_KEPT_MS, queueKeys } from "./keys.ts";
import { checkRedis, isConnectionError, openRedis, QueueError, type RedisTarget } from "./redis.ts";
import { openJsonlSink, openNeo4jSink, SinkUnavailable, type Neo4jSinkOptions, type Sink } from "./sinks.ts";
import type { ArticleJob, WorkerStats } from "./types.ts";

export interface WorkerOptions {
  queue: string;
  redis: RedisTarget;
  /** Extraction threads. */
  threads: number;
  /** Articles a sink commit takes at most. */
  batchSize: number;
  /** A batch is committed at most this long after its first article. */
  maxWaitMs: number;
  /** Time limit of one article's extraction. */
  timeoutMs: number;
  /** A held job's lock lasts this long without renewal; stalled jobs are looked for as often. */
  stallMs: number;
  neo4j?: Neo4jSinkOptions;
  jsonl?: string;
  cache: string | false;
  schema?: SchemaChoice;
  /** Triples less sure than this are left out of every sink (as `kg extract` and `kg export neo4j` leave them out). */
  minConfidence: number;
  /** Stop once the queue has nothing waiting, delayed or active. */
  exitWhenEmpty: boolean;
  /** Write WorkerStats here at the end. */
  stats?: string;
  log: (message: string) => void;
}

interface Item {
  key: string;
  triples: Triple[];
}

/** How many times a job may stall (its worker died) before it counts as failed: a poison article that kills workers. */
const MAX_STALLS = 5;

export async function runWorker(options: WorkerOptions): Promise<number> {
  const { log } = options;
  await checkRedis(options.redis);
  const sinks: Sink[] = [];
  try {
    if (options.neo4j) sinks.push(await openNeo4jSink(options.neo4j));
    if (options.jsonl) sinks.push(await openJsonlSink(options.jsonl));
  } catch (error) {
    await Promise.all(sinks.map((s) => s.close()));
    throw error;
  }

  const started = Date.now();
  const stats: WorkerStats = { pid: process.pid, startedAt: started, endedAt: 0, articles: 0, fromCache: 0, skippedDone: 0, triples: 0, outsideSchema: 0, belowConfidence: 0, extractMs: 0, flushes: [], cpuMs: 0 };
  const keys = queueKeys(options.queue);
  const cache = options.cache ? new ExtractionCache(options.cache) : undefined;
  const fingerprint = await extractorFingerprint();
  const workerId = `${process.pid}-${started}`;

  let fatal: QueueError | undefined;
  let finish!: (code: number) => void;
  const finished = new Promise<number>((resolve) => (finish = resolve));
  const redis = openRedis(options.redis, (error) => {
    // Nothing can be acknowledged or returned without Redis: say so and stop; held jobs stall back to waiting.
    if (fatal) return;
    fatal = error;
    log(`kg: ${error.message}`);
    process.exit(1);
  });
  const queue = new Queue<ArticleJob>(options.queue, { connection: redis });
  const extractor = new Extractor(options.threads, options.timeoutMs);
  let extracting = 0;
  let held = 0;

  const commit = async (items: Item[]): Promise<(Error | undefined)[]> => {
    if (fatal) return items.map(() => fatal);
    const t0 = performance.now();
    const done = await redis.smismember(keys.done, ...items.map((i) => i.key));
    const todo = items.filter((_, i) => !done[i]);
    stats.skippedDone += items.length - todo.length;
    const flush = { articles: todo.length, triples: 0, neo4jMs: 0, jsonlMs: 0, redisMs: performance.now() - t0 };
    const triples = todo.flatMap((i) => i.triples);
    flush.triples = triples.length;
    for (const sink of sinks) {
      const t = performance.now();
      await sink.write(triples);
      flush[sink.name === "neo4j" ? "neo4jMs" : "jsonlMs"] += performance.now() - t;
    }
    if (todo.length > 0) {
      const t = performance.now();
      const now = Date.now();
      await redis
        .multi()
        .sadd(keys.done, ...todo.map((i) => i.key))
        .zadd(keys.commits, now, `${now}:${workerId}:${todo.length}`)
        .zremrangebyscore(keys.commits, 0, now - COMMITS_KEPT_MS)
        .exec();
      flush.redisMs += performance.now() - t;
    }
    stats.flushes.push(flush);
    stats.triples += triples.length;
    return items.map(() => undefined);
  };

  // A batch that fails for a reason other than a sink going away is committed one article at a time,
  // so that one article the sink refuses fails alone.
  const commitOrSplit = async (items: Item[]): Promise<(Error | undefined)[]> => {
    try {
      return await commit(items);
    } catch (error) {
      if (error instanceof SinkUnavailable || items.length === 1) return items.map(() => error as Error);
      const errors: (Error | undefined)[] = [];
      for (const item of items) {
        try {
          errors.push((await commit([item]))[0]);
        } catch (e) {
          errors.push(e as Error);
          if (e instanceof SinkUnavailable) break;
        }
      }
      while (errors.length < items.length) errors.push(errors[errors.length - 1]);
      return errors;
    }
  };

  const batcher = new Batcher<Item>({ size: options.batchSize, maxWaitMs: options.maxWaitMs, commit: commitOrSplit, idle: () => extracting === 0 });

  /** A sink went away: say it once, stop taking jobs, and hand back every job held. */
  const giveUp = (error: QueueError) => {
    if (fatal) return;
    fatal = error;
    log(`kg: ${error.message}; the jobs this worker held are back in the queue`);
    void worker.close().then(() => finish(1));
  };

  const returnJob = async (job: Job<ArticleJob>, token: string | undefined): Promise<never> => {
    await job.moveToWait(token);
    throw new WaitingError();
  };

  const processor = async (job: Job<ArticleJob>, token?: string): Promise<void> => {
    if (fatal) return returnJob(job, token);
    held++;
    try {
      let triples: Triple[];
      extracting++;
      try {
        const { article } = job.data;
        const key = articleKey(article, fingerprint);
        let result = cache ? await cache.get(key) : undefined;
        if (result) stats.fromCache++;
        else {
          const extracted = await extractor.extract(article);
          stats.extractMs += extracted.ms;
          result = extracted.result;
          await cache?.set(key, result, extracted.json);
        }
        // As `kg extract --min-confidence X` then `kg export neo4j --schema S` of its triples: the threshold, then the schema.
        const sure = result.triples.filter((t) => t.confidence >= options.minConfidence);
        stats.belowConfidence += result.triples.length - sure.length;
        const classed = reclassify({ ...result, triples: sure }, options.schema);
        triples = classed.extraction.triples;
        stats.outsideSchema += classed.dropped;
      } catch (error) {
        if (fatal) return returnJob(job, token);
        throw error;
      } finally {
        extracting--;
        batcher.check();
      }
      try {
        await batcher.add({ key: job.id!, triples });
        stats.articles++;
      } catch (error) {
        if (error instanceof SinkUnavailable) giveUp(error);
        if (fatal) return returnJob(job, token);
        throw error;
      }
    } finally {
      held--;
    }
  };

  const worker = new Worker<ArticleJob>(options.queue, processor, {
    connection: redis,
    // Jobs held at once: enough for one batch committing while the next is extracted.
    concurrency: Math.max(2 * options.batchSize, options.threads * 2),
    lockDuration: options.stallMs,
    stalledInterval: options.stallMs,
    maxStalledCount: MAX_STALLS,
    autorun: false,
  });
  worker.on("failed", (job, error) => {
    if (!job || error instanceof WaitingError || error?.name === "WaitingError") return;
    const record = where({ ...job.data.origin, id: job.data.article.id });
    const attempts = job.opts.attempts ?? 1;
    if (job.attemptsMade >= attempts) log(`kg: ${record}: ${error.message} (attempt ${job.attemptsMade} of ${attempts}; in the failed list: kg queue status, kg queue retry-failed)`);
    else log(`kg: ${record}: ${error.message} (attempt ${job.attemptsMade} of ${attempts}; will be retried)`);
  });
  worker.on("error", (error) => {
    // a lost connection is said once, by the connection's own handler (openRedis), whichever hears it first
    if (!fatal && !isConnectionError(error)) log(`kg: worker: ${error.message}`);
  });

  const stop = () => void worker.close().then(() => finish(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  let poll: NodeJS.Timeout | undefined;
  if (options.exitWhenEmpty) {
    poll = setInterval(async () => {
      if (held > 0 || fatal) return;
      try {
        const c = await queue.getJobCounts("waiting", "active", "delayed", "prioritized");
        if (Object.values(c).every((n) => n === 0) && held === 0) {
          clearInterval(poll);
          stop();
        }
      } catch {
        // Redis trouble is reported by the connection's handler.
      }
    }, 1000);
  }

  const sinkNames = sinks.map((s) => (s.name === "jsonl" ? `JSON Lines in ${options.jsonl}` : `Neo4j at ${options.neo4j!.uri.replace(/^([a-z+]+:\/\/)[^@/]*@/i, "$1")}`));
  log(`kg worker: queue "${options.queue}" on ${options.redis.display}, ${options.threads} extraction thread(s), writing to ${sinkNames.join(" and ")}`);
  void worker.run().catch((error: unknown) => {
    if (!fatal && !isConnectionError(error)) log(`kg: worker: ${(error as Error).message}`);
  });

  const code = await finished;
  clearInterval(poll);
  process.off("SIGINT", stop);
  process.off("SIGTERM", stop);
  await extractor.close();
  await Promise.all(sinks.map((s) => s.close().catch(() => {})));
  await queue.close().catch(() => {});
  redis.disconnect();
  const seconds = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage();
  Object.assign(stats, { endedAt: Date.now(), cpuMs: (cpu.user + cpu.system) / 1000 });
  if (options.stats) await writeFile(options.stats, JSON.stringify(stats));
  const cached = stats.fromCache ? `, ${stats.fromCache} from the cache` : "";
  const skipped = stats.skippedDone ? `, ${stats.skippedDone} already done` : "";
  // Nothing left out silently, as kg export neo4j says it (counted over the articles extracted, acknowledged or not).
  if (stats.outsideSchema) log(`kg worker: ${stats.outsideSchema} triple(s) outside the schema dropped (--strict-schema)`);
  if (stats.belowConfidence) log(`kg worker: ${belowConfidenceNote(stats.belowConfidence, options.minConfidence)}`);
  log(`kg worker: ${stats.articles} article(s) acknowledged${cached}${skipped}, ${stats.triples} triple(s) written in ${stats.flushes.length} batch(es); ${(stats.articles / Math.max(seconds, 1e-3)).toFixed(1)} articles/s over ${seconds.toFixed(0)} s`);
  return code;
}
