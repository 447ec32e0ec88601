/**
 * Parallel extraction with worker_threads. Articles stream in, at most a few
 * per worker are in flight (memory is bounded by the workers, not the
 * corpus), and results come out in input order whatever the number of
 * workers, so output files are identical for any --workers.
 */
import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import type { ArticleExtraction } from "newskg-extract";
import type { ReadArticle } from "../inputs.ts";

/** An article to extract, or one whose result the cache already holds. */
export interface Job {
  article: ReadArticle;
  /** The article's cache key, handed back with its outcome so the result can be stored under it. */
  key?: string;
  cached?: ArticleExtraction;
}

/** A result comes with its JSON text when a worker produced it, so it can be stored without serialising it again. */
export type Outcome = (Job & { result: ArticleExtraction; json?: string }) | (Job & { error: string; stack?: string });

const IN_FLIGHT_PER_WORKER = 4;

/**
 * The worker's entry: the compiled one in the built package (dist/), or, run from the sources (tsx,
 * vitest), a JavaScript file that registers tsx in the thread first, since Node starts no worker from .ts.
 */
const WORKER = new URL(import.meta.url.endsWith(".ts") ? "./extract-worker.mjs" : "./extract-worker.js", import.meta.url);

/**
 * Fewer articles to extract than this: extracting them in this thread beats starting workers, each of which
 * loads the models and compiles the extractor again, about 2 s of a core before it is up to speed (README,
 * "Speed"). Measured on 2 cores with BBC articles, this thread vs 2 workers: 200 articles 1.5 vs 1.9 s,
 * 1,000 3.6 vs 4.2 s, 2,225 even. With more cores the workers pay back sooner, so the bound is not per worker.
 */
export const IN_PROCESS_BELOW = 1500;

/**
 * How many threads extract `articles` articles (undefined: not known before reading, as with JSON Lines
 * or standard input). `--workers` given by the user is obeyed; the default is one worker a core, or this
 * thread alone when there are too few articles for workers to pay back their start.
 */
export function workersFor(articles: number | undefined, requested: number | undefined): number {
  if (requested !== undefined) return requested;
  return articles !== undefined && articles < IN_PROCESS_BELOW ? 1 : availableParallelism();
}

/**
 * What a worker sends back. The result travels as JSON text: serialising it
 * in the worker and parsing it here costs the worker a third of what
 * structured-cloning the object graph does, and the worker is the bottleneck.
 */
export interface WorkerReply {
  seq: number;
  json?: string;
  error?: string;
  stack?: string;
}

/**
 * Worker isolates created after this compile optimised code on their own thread instead of handing it to
 * V8's shared background threads. With one worker a core each, those background compiles only compete
 * with the workers, and optimised code arrives late: measured on 2 cores, a long run took 13.5 s instead
 * of 17.8 s and 26 CPU-s instead of 34. V8 reads the flag when it creates an isolate; it is set back
 * when the pool closes, for the graph stages that follow on the main thread.
 */
export function compileOnWorkerThreads(on: boolean): void {
  setFlagsFromString(on ? "--no-concurrent-recompilation" : "--concurrent-recompilation");
}

/** One worker means no threads at all: the simplest path, and the baseline for benchmarks. */
export async function* extractInOrder(jobs: AsyncIterable<Job>, workers: number): AsyncGenerator<Outcome> {
  if (workers <= 1) {
    // Loaded here, not at the top: with worker threads the main thread never
    // extracts, and loading the models costs about half a second.
    const { extractArticle } = await import("newskg-extract");
    for await (const job of jobs) {
      if (job.cached) {
        yield { ...job, result: job.cached };
        continue;
      }
      let outcome: Outcome;
      try {
        outcome = { ...job, result: extractArticle(job.article) };
      } catch (err) {
        outcome = { ...job, error: (err as Error).message, ...((err as Error).stack ? { stack: (err as Error).stack } : {}) };
      }
      yield outcome;
    }
    return;
  }
  yield* parallel(jobs, workers);
}

async function* parallel(jobs: AsyncIterable<Job>, n: number): AsyncGenerator<Outcome> {
  compileOnWorkerThreads(true);
  const pool = Array.from({ length: n }, () => new Worker(WORKER, { resourceLimits: { maxYoungGenerationSizeMb: 64 } }));
  const pending = new Map<number, Job>();
  const done = new Map<number, Outcome>();
  const load = pool.map(() => 0);
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  pool.forEach((w, k) => {
    w.on("message", (msg: WorkerReply) => {
      load[k]!--;
      const job = pending.get(msg.seq)!;
      pending.delete(msg.seq);
      done.set(msg.seq, msg.json !== undefined ? { ...job, result: JSON.parse(msg.json) as ArticleExtraction, json: msg.json } : { ...job, error: msg.error ?? "unknown error", ...(msg.stack ? { stack: msg.stack } : {}) });
      wake?.();
    });
    w.on("error", (err) => {
      failure = err;
      wake?.();
    });
  });
  const waitForProgress = () => new Promise<void>((resolve) => (wake = resolve));

  let nextIn = 0;
  let nextOut = 0;
  try {
    const it = jobs[Symbol.asyncIterator]();
    let exhausted = false;
    while (!exhausted || nextOut < nextIn) {
      // feed the least-loaded worker while there is room
      while (!exhausted && pending.size < n * IN_FLIGHT_PER_WORKER) {
        const next = await it.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        const job = next.value;
        if (job.cached) {
          done.set(nextIn++, { ...job, result: job.cached });
          continue;
        }
        const k = load.indexOf(Math.min(...load));
        load[k]!++;
        pending.set(nextIn, job);
        pool[k]!.postMessage({ seq: nextIn++, article: job.article });
      }
      while (done.has(nextOut)) {
        const outcome = done.get(nextOut)!;
        done.delete(nextOut++);
        yield outcome;
      }
      if (failure) throw failure;
      if (nextOut < nextIn && !done.has(nextOut)) await waitForProgress();
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
    compileOnWorkerThreads(false);
  }
}
