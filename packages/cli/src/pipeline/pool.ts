/**
 * Parallel extraction with worker_threads. Articles stream in, at most a few
 * per worker are in flight (memory is bounded by the workers, not the
 * corpus), and results come out in input order whatever the number of
 * workers, so output files are identical for any --workers.
 */
import { Worker } from "node:worker_threads";
import { extractArticle, type ArticleExtraction, type ArticleInput } from "@kg/extract";

export type Outcome = { article: ArticleInput; result: ArticleExtraction; cached?: boolean } | { article: ArticleInput; error: string };

/** An article to extract, or one whose result the cache already holds. */
export interface Job {
  article: ArticleInput;
  cached?: ArticleExtraction;
}

const IN_FLIGHT_PER_WORKER = 4;

/** One worker means no threads at all: the simplest path, and the baseline for benchmarks. */
export async function* extractInOrder(jobs: AsyncIterable<Job>, workers: number): AsyncGenerator<Outcome> {
  if (workers <= 1) {
    for await (const { article, cached } of jobs) {
      if (cached) {
        yield { article, result: cached, cached: true };
        continue;
      }
      try {
        yield { article, result: extractArticle(article) };
      } catch (err) {
        yield { article, error: (err as Error).message };
      }
    }
    return;
  }
  yield* parallel(jobs, workers);
}

async function* parallel(jobs: AsyncIterable<Job>, n: number): AsyncGenerator<Outcome> {
  const pool = Array.from({ length: n }, () => new Worker(new URL("./extract-worker.mjs", import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 64 } }));
  const pending = new Map<number, ArticleInput>();
  const done = new Map<number, Outcome>();
  const load = pool.map(() => 0);
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  pool.forEach((w, k) => {
    w.on("message", (msg: { seq: number; result?: ArticleExtraction; error?: string }) => {
      load[k]!--;
      const article = pending.get(msg.seq)!;
      pending.delete(msg.seq);
      done.set(msg.seq, msg.result ? { article, result: msg.result } : { article, error: msg.error ?? "unknown error" });
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
        const { article, cached } = next.value;
        if (cached) {
          done.set(nextIn++, { article, result: cached, cached: true });
          continue;
        }
        const k = load.indexOf(Math.min(...load));
        load[k]!++;
        pending.set(nextIn, article);
        pool[k]!.postMessage({ seq: nextIn++, article });
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
  }
}
