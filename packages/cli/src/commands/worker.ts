/** `kg worker`: options to WorkerOptions (the work is in src/queue/worker.ts). Connections from the environment only. */
import { info } from "../log.ts";
import { redisTarget } from "../queue/redis.ts";
import { runWorker } from "../queue/worker.ts";
import { loadSchemaOption } from "../schema.ts";
import { UsageError } from "../usage-error.ts";

export interface WorkerCommandOptions {
  queue: string;
  concurrency: number;
  batchSize: number;
  maxWait: number;
  timeout: number;
  stallSeconds: number;
  neo4jWait: number;
  neo4j: boolean;
  jsonl?: string;
  database?: string;
  minConfidence: number;
  cache: string | false;
  schema?: string;
  strictSchema?: boolean;
  exitWhenEmpty?: boolean;
  stats?: string;
}

export async function workerCommand(opts: WorkerCommandOptions): Promise<number> {
  if (!opts.neo4j && !opts.jsonl) throw new UsageError("kg worker needs a sink: Neo4j (the default; NEO4J_URI) or --jsonl DIR");
  for (const [name, value] of [["--concurrency", opts.concurrency], ["--batch-size", opts.batchSize], ["--timeout", opts.timeout], ["--stall-seconds", opts.stallSeconds]] as const) {
    if (value < 1) throw new UsageError(`${name} must be at least 1`);
  }
  const schema = await loadSchemaOption(opts.schema, opts.strictSchema);
  const database = opts.database ?? process.env.NEO4J_DATABASE;
  return runWorker({
    queue: opts.queue,
    redis: redisTarget(),
    threads: opts.concurrency,
    batchSize: opts.batchSize,
    maxWaitMs: opts.maxWait * 1000,
    timeoutMs: opts.timeout * 1000,
    stallMs: opts.stallSeconds * 1000,
    ...(opts.neo4j
      ? {
          neo4j: {
            uri: process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687",
            ...(process.env.NEO4J_USERNAME ? { username: process.env.NEO4J_USERNAME } : {}),
            ...(process.env.NEO4J_PASSWORD ? { password: process.env.NEO4J_PASSWORD } : {}),
            ...(database ? { database } : {}),
            retryMs: opts.neo4jWait * 1000,
          },
        }
      : {}),
    ...(opts.jsonl ? { jsonl: opts.jsonl } : {}),
    cache: opts.cache,
    minConfidence: opts.minConfidence,
    ...(schema ? { schema } : {}),
    exitWhenEmpty: !!opts.exitWhenEmpty,
    ...(opts.stats ? { stats: opts.stats } : {}),
    log: info,
  });
}
