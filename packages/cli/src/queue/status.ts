/**
 * `kg queue status`: what the queue holds and how fast all workers together
 * get through it. The rate comes from the sink commits workers record (keys.ts
 * `commits`): articles committed since the first commit of the window, over
 * the time since it, so it falls back to zero when the workers stop.
 */
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { where } from "../problems.ts";
import type { QueueKeys } from "./keys.ts";
import type { ArticleJob, FailedArticle, QueueStatus } from "./types.ts";

export interface StatusOptions {
  queue: string;
  redis: string;
  /** Seconds of commits the rate is taken over. */
  window?: number;
  /** Failed articles listed at most. */
  failedShown?: number;
  now?: number;
}

/** Articles per second from commits `[time, articles]` in the window, or null when fewer than two. */
export function commitRate(commits: [number, number][], now: number): number | null {
  if (commits.length < 2) return null;
  const sorted = [...commits].sort((a, b) => a[0] - b[0]);
  const [first] = sorted[0]!;
  const after = sorted.slice(1).reduce((sum, [, n]) => sum + n, 0);
  return after / Math.max((now - first) / 1000, 1e-3);
}

export async function queueStatus(queue: Queue<ArticleJob>, redis: Redis, keys: QueueKeys, options: StatusOptions): Promise<QueueStatus> {
  const window = options.window ?? 60;
  const now = options.now ?? Date.now();
  const [c, done, recent] = await Promise.all([
    queue.getJobCounts("waiting", "prioritized", "active", "delayed", "failed"),
    redis.scard(keys.done),
    redis.zrangebyscore(keys.commits, now - window * 1000, "+inf"),
  ]);
  const counts = { waiting: (c.waiting ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0, done };
  const commits = recent.map((m) => {
    const [time, , n] = m.split(":");
    return [Number(time), Number(n)] as [number, number];
  });
  const rate = commitRate(commits, now);
  const left = counts.waiting + counts.active + counts.delayed;
  // CLIENT LIST, which this needs, is refused by some hosted Redis: then the count is unknown.
  const workers = await queue.getWorkersCount().catch(() => -1);
  const failedJobs = counts.failed > 0 ? await queue.getFailed(0, (options.failedShown ?? 20) - 1) : [];
  const failed: FailedArticle[] = failedJobs.filter((job) => job).map((job) => ({
    key: job.id!,
    id: job.data.article.id,
    where: where({ ...job.data.origin, id: job.data.article.id }),
    error: job.failedReason,
    attempts: job.attemptsMade,
  }));
  return { queue: options.queue, redis: options.redis, counts, workers, rate, window, eta: rate && rate > 0 ? left / rate : left === 0 ? 0 : null, failed };
}

const n = (x: number) => x.toLocaleString("en");

function duration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** The status as a few lines for people. */
export function formatStatus(s: QueueStatus): string {
  const { counts } = s;
  const lines = [
    `queue "${s.queue}" on ${s.redis}${s.workers >= 0 ? `, ${s.workers} worker(s) connected` : ""}`,
    `waiting ${n(counts.waiting)}  active ${n(counts.active)}  delayed ${n(counts.delayed)}  done ${n(counts.done)}  failed ${n(counts.failed)}`,
    s.rate === null
      ? `rate: no commits in the last ${s.window} s${counts.waiting + counts.active + counts.delayed > 0 ? "; ETA unknown" : ""}`
      : `rate ${s.rate.toFixed(1)} articles/s over the last ${s.window} s (all workers); ETA ${s.eta === null ? "unknown" : duration(s.eta)}`,
  ];
  if (s.failed.length > 0) {
    lines.push(`failed${counts.failed > s.failed.length ? ` (first ${s.failed.length} of ${n(counts.failed)})` : ""}: (kg queue retry-failed puts them back)`);
    for (const f of s.failed) lines.push(`  ${f.where}: ${f.error} (${f.attempts} attempt(s))`);
  }
  return lines.join("\n");
}
