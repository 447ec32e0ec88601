/**
 * `kg queue add | status | retry-failed` (queue-driven ingestion: see
 * src/queue/). Redis from REDIS_URL only.
 */
import { Queue } from "bullmq";
import { looksLikeHtml } from "newskg-extract/article";
import { expandPaths, HTML_WARNING, readArticles, type ReadOptions } from "../inputs.ts";
import { extractorFingerprint } from "../pipeline/cache.ts";
import { ProblemLog, type Problem } from "../problems.ts";
import { info } from "../log.ts";
import { enqueue } from "../queue/enqueue.ts";
import { queueKeys } from "../queue/keys.ts";
import { checkRedis, openRedis, redisError, redisTarget } from "../queue/redis.ts";
import { formatStatus, queueStatus } from "../queue/status.ts";
import type { ArticleJob } from "../queue/types.ts";

/** Runs `work` with the queue and a Redis connection, turning a lost connection into one line. */
async function withQueue<T>(name: string, work: (queue: Queue<ArticleJob>, redis: ReturnType<typeof openRedis>) => Promise<T>): Promise<T> {
  const target = redisTarget();
  await checkRedis(target);
  let lost: Error | undefined;
  const redis = openRedis(target, (error) => (lost = error));
  const queue = new Queue<ArticleJob>(name, { connection: redis });
  try {
    return await work(queue, redis);
  } catch (error) {
    throw lost ?? redisError(error, target);
  } finally {
    await queue.close().catch(() => {});
    redis.disconnect();
  }
}

export interface QueueAddOptions {
  queue: string;
  attempts: number;
  maxSize?: number;
  verbose?: boolean;
  errors?: string;
}

export async function queueAddCommand(paths: string[], opts: QueueAddOptions): Promise<number> {
  const log = await ProblemLog.open({ verbose: opts.verbose, errorsFile: opts.errors });
  try {
    const report = (p: Problem) => log.report(p);
    const options: ReadOptions = { maxBytes: (opts.maxSize ?? 10) * 1024 * 1024, warn: report };
    // Redis is checked before any input is read: a queue that is not there is the first thing to hear.
    return await withQueue(opts.queue, async (queue, redis) => {
      const files = await expandPaths(paths, options.warn);
      const articles = (async function* () {
        for await (const article of readArticles(files, options)) {
          if (looksLikeHtml(article.text)) report({ severity: "warning", ...article.origin, id: article.id, message: HTML_WARNING });
          yield article;
        }
      })();
      const s = await enqueue(queue, redis, queueKeys(opts.queue), articles, { fingerprint: await extractorFingerprint(), attempts: opts.attempts });
      const parts = [`${s.added} enqueued`];
      if (s.queued) parts.push(`${s.queued} already in the queue`);
      if (s.done) parts.push(`${s.done} already done`);
      if (s.repeated) parts.push(`${s.repeated} repeated in the input`);
      info(`${s.read} article(s) read: ${parts.join(", ")} (queue "${opts.queue}")${log.problems ? `; ${log.problems} problem(s) reported above` : ""}`);
      return s.read === 0 ? 1 : 0;
    });
  } finally {
    await log.close();
  }
}

export async function queueStatusCommand(opts: { queue: string; json?: boolean; window: number }): Promise<number> {
  return withQueue(opts.queue, async (queue, redis) => {
    const status = await queueStatus(queue, redis, queueKeys(opts.queue), { queue: opts.queue, redis: redisTarget().display, window: opts.window });
    process.stdout.write(opts.json ? JSON.stringify(status) + "\n" : formatStatus(status) + "\n");
    return 0;
  });
}

export async function queueRetryFailedCommand(opts: { queue: string }): Promise<number> {
  return withQueue(opts.queue, async (queue) => {
    const { failed } = await queue.getJobCounts("failed");
    // Moved back to waiting with their attempts counted afresh.
    if (failed) await queue.retryJobs({ state: "failed", count: 1000 });
    info(`${failed ?? 0} failed article(s) put back in the queue "${opts.queue}"`);
    return 0;
  });
}
