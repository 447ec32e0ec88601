/**
 * The throughput model of queue-driven ingestion (README "Scaling out"),
 * fitted to what `pnpm bench:queue` measured on one machine, used to predict
 * N workers on N machines against one Redis and one Neo4j.
 *
 * Each article costs:
 * - at its worker: `workerCpuMs` of CPU (extraction thread, JSON, the batch's
 *   graph, BullMQ calls), so a worker with a core of its own does at most
 *   1000 / workerCpuMs articles/s; its sink commit overlaps the extraction of
 *   the next batch (a worker holds two batches of jobs), so the commit's
 *   latency costs a worker nothing until it exceeds a batch's extraction time.
 *   A worker measured alone did less than its CPU allows (it waits between
 *   batches for jobs to be fetched and acknowledged), so the model takes a
 *   worker's rate as `singleWorkerRate`, what one worker did here, sharing
 *   this machine's two cores with Redis and Neo4j: a floor for a worker on a
 *   machine of its own;
 * - at Redis: `redisCpuMs` of its one thread (BullMQ's fetch, lock renewals,
 *   completion; our done set and rate record): Redis saturates at
 *   1000 / redisCpuMs articles/s;
 * - at Neo4j: `neo4jCpuMs` of CPU per article, which a Neo4j with `neo4jCores`
 *   cores serves at most neo4jCores * 1000 / neo4jCpuMs articles/s, and the
 *   commit itself, `flushFixedMs + flushPerArticleMs * B` wall time for a
 *   batch of B articles (fitted by least squares over every commit).
 * Throughput(N) = min(N * singleWorkerRate, Redis, Neo4j); the bottleneck is the term
 * that gives the min. What this leaves out, and says so: lock contention in
 * Neo4j between concurrent commits (batches share popular entities, whose
 * locks serialise the commits touching them), which one machine cannot
 * measure at scale; network round trips (each commit is about 12
 * transactions, each job about 4 Redis calls: at 0.5 ms a round trip in one
 * data centre, small beside extraction).
 */

export interface MeasuredCosts {
  /** Articles/s of one worker alone (the mean of the 1-worker runs). */
  singleWorkerRate: number;
  workerCpuMs: number;
  extractMs: number;
  redisCpuMs: number;
  redisCallsPerArticle: number;
  neo4jCpuMs: number;
  flushFixedMs: number;
  flushPerArticleMs: number;
  batchSize: number;
}

export interface Prediction {
  workers: number;
  articlesPerSecond: number;
  bottleneck: "workers" | "Redis" | "Neo4j";
  workerBound: number;
  redisBound: number;
  neo4jBound: number;
}

/** Least-squares line y = a + b x. */
export function fitLine(points: [number, number][]): { a: number; b: number } {
  const n = points.length;
  if (n === 0) return { a: 0, b: 0 };
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const b = sxx > 0 ? sxy / sxx : 0;
  return { a: my - b * mx, b };
}

export function predict(costs: MeasuredCosts, workers: number, neo4jCores: number): Prediction {
  const perWorker = costs.singleWorkerRate;
  const workerBound = workers * perWorker;
  const redisBound = 1000 / costs.redisCpuMs;
  const neo4jBound = (neo4jCores * 1000) / costs.neo4jCpuMs;
  const articlesPerSecond = Math.min(workerBound, redisBound, neo4jBound);
  const bottleneck = articlesPerSecond === workerBound ? "workers" : articlesPerSecond === neo4jBound ? "Neo4j" : "Redis";
  return { workers, articlesPerSecond, bottleneck, workerBound, redisBound, neo4jBound };
}

/** The batch size at which a commit takes as long as extracting the batch (beyond it commits are hidden). */
export function hiddenCommitBatch(costs: MeasuredCosts): number | null {
  // B * extractMs >= flushFixedMs + flushPerArticleMs * B
  const margin = costs.extractMs - costs.flushPerArticleMs;
  return margin > 0 ? Math.max(1, Math.ceil(costs.flushFixedMs / margin)) : null;
}
