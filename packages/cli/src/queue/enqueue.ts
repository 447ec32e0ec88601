/**
 * `kg queue add`: articles read as `kg extract` reads them, each enqueued
 * under its extraction cache key. An article is not enqueued again when its
 * key is already a job (waiting, active, delayed or failed: BullMQ keeps one
 * job per id) or in the done set (a worker wrote it): enqueueing the same
 * corpus twice adds nothing, and a changed article (new key) is added.
 */
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { articleKey } from "../pipeline/cache.ts";
import type { ReadArticle } from "../inputs.ts";
import type { QueueKeys } from "./keys.ts";
import type { ArticleJob, EnqueueSummary } from "./types.ts";

export interface EnqueueOptions {
  /** The extractor's source fingerprint (cache.ts extractorFingerprint). */
  fingerprint: string;
  /** Attempts before a job goes to the failed list. */
  attempts: number;
  /** Articles looked up and added per round trip. */
  chunk?: number;
  onProgress?: (summary: EnqueueSummary) => void;
}

/** Job options shared by every article job. */
export function jobOptions(key: string, attempts: number) {
  return {
    jobId: key,
    attempts,
    backoff: { type: "exponential", delay: 2000 },
    // The done set remembers what was done; the job (with the article's text) is removed.
    removeOnComplete: true,
    removeOnFail: false,
  } as const;
}

export async function enqueue(queue: Queue<ArticleJob>, redis: Redis, keys: QueueKeys, articles: AsyncIterable<ReadArticle>, options: EnqueueOptions): Promise<EnqueueSummary> {
  const summary: EnqueueSummary = { read: 0, added: 0, queued: 0, done: 0, repeated: 0 };
  const seen = new Set<string>();
  const chunk = options.chunk ?? 500;
  let pending: { key: string; data: ArticleJob }[] = [];

  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const lookup = redis.pipeline();
    lookup.smismember(keys.done, ...batch.map((p) => p.key));
    for (const p of batch) lookup.exists(queue.toKey(p.key));
    const replies = (await lookup.exec())!;
    for (const [error] of replies) if (error) throw error;
    const done = replies[0]![1] as number[];
    const fresh = batch.filter((p, i) => {
      if (done[i]) summary.done++;
      else if (replies[i + 1]![1]) summary.queued++;
      else return true;
      return false;
    });
    // BullMQ adds nothing for an id that is already a job, should another `kg queue add` have added it meanwhile.
    if (fresh.length > 0) await queue.addBulk(fresh.map((p) => ({ name: "article", data: p.data, opts: jobOptions(p.key, options.attempts) })));
    summary.added += fresh.length;
    options.onProgress?.(summary);
  };

  for await (const { origin, ...article } of articles) {
    summary.read++;
    const key = articleKey(article, options.fingerprint);
    if (seen.has(key)) {
      summary.repeated++;
      continue;
    }
    seen.add(key);
    pending.push({ key, data: { article, origin } });
    if (pending.length >= chunk) await flush();
  }
  await flush();
  return summary;
}
