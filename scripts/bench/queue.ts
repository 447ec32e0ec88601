/**
 * `pnpm bench:queue [--minutes M] [--order 1,2,4,2,1] [--batch-size B]`: queue-driven ingestion on this
 * machine. A Redis of its own (Debian's redis-server on a free port) and a Neo4j (NEO4J_URI, or the
 * embedded one of scripts/neo4j); per run, in the given order of worker counts: Neo4j emptied, BBC and
 * Reuters-21578 (21,268 articles) enqueued in a fresh queue --copies times over (ids prefixed with the
 * copy: the same work again, with relations gathering more evidence as in a long-running feed), N
 * `kg worker` processes (one extraction thread each, no extraction cache) for M minutes, then stopped
 * (SIGTERM: they finish the jobs they hold).
 *
 * Measured per run: articles/s over the run less its first 30 s (processes starting, models loading,
 * extractor compiling), from the done set; every worker's own figures (--stats: CPU, time in extraction,
 * each sink commit's size and wall time); Redis's CPU (INFO) and calls (INFO commandstats); Neo4j's CPU
 * (/proc of the JVM, when this script started it). The costs per article are fitted into the model of
 * queue-model.ts, which predicts 10, 50 and 200 workers on separate machines.
 *
 * The machine is shared and noisy (its load average is printed with each run): worker counts are run in
 * turns, so 1 and 2 workers each run at least twice by default, at different times.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import neo4j from "neo4j-driver";
import { startNeo4j, type StartedNeo4j } from "../neo4j/start.mjs";
import { startRedis } from "../../test/setup/redis.ts";
import { Queue } from "bullmq";
import { machine, readCorpus, readReuters, repoRoot, tmpPath } from "./corpus.ts";
import { fitLine, hiddenCommitBatch, predict, type MeasuredCosts } from "./queue-model.ts";
import { measureCommits, type CommitCost } from "./queue-commits.ts";
import type { WorkerStats } from "../../packages/cli/src/queue/types.ts";

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const minutes = Number(arg("--minutes", "5"));
const order = arg("--order", "1,2,4,2,1").split(",").map(Number);
const batchSize = Number(arg("--batch-size", "100"));
/** Copies of the corpus (ids prefixed with the copy's number): at a few hundred articles/s, one copy lasts about a minute. */
const copies = Number(arg("--copies", "8"));
const WARMUP_S = 30;

const out = tmpPath("queue");
mkdirSync(out, { recursive: true });
const log = (message: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);

interface RunResult {
  workers: number;
  rate: number;
  window: number;
  articles: number;
  load: string[];
  stats: WorkerStats[];
  redisCpu: number;
  redisCalls: number;
  neo4jCpu: number;
  /** CPU seconds of the worker processes (every thread) in the window. */
  workerCpu: number;
  ranOut: boolean;
}

// --from DIR: the summary of runs measured before (DIR/runs.json, DIR/commits.json), nothing run.
// --commits-only: only the commit costs (with a Neo4j of its own or NEO4J_URI), into out/bench/queue/commits.json.
const from = process.argv.includes("--from") ? arg("--from", "") : undefined;
if (process.argv.includes("--commits-only")) {
  let started: StartedNeo4j | undefined;
  const uri = process.env.NEO4J_URI ?? (started = await startNeo4j({ port: 0 })).uri;
  writeFileSync(join(out, "commits.json"), JSON.stringify(await measureCommits(uri)));
  await started?.stop();
  process.exit(0);
}
const results: RunResult[] = from ? (JSON.parse(readFileSync(join(from, "runs.json"), "utf8")) as RunResult[]) : await measure();
const commitCosts: CommitCost[] = JSON.parse(readFileSync(join(from ?? out, "commits.json"), "utf8")) as CommitCost[];

async function measure(): Promise<RunResult[]> {
  // The corpus, copies times over, as one JSON Lines file of articles.
  const corpusFile = join(out, `corpus-x${copies}.jsonl`);
  const articles = [...(await readCorpus()), ...(await readReuters())];
  writeFileSync(corpusFile, Array.from({ length: copies }, (_, c) => articles.map(({ id, text, title, date, dateline }) => JSON.stringify({ id: `${c + 1}/${id}`, text, title, date, dateline })).join("\n")).join("\n") + "\n");
  log(`${articles.length} articles (BBC and Reuters-21578), ${copies} copies: ${corpusFile}`);

  const redisServer = await startRedis();
  let started: StartedNeo4j | undefined;
  const neo4jUri = process.env.NEO4J_URI ?? (started = await startNeo4j({ port: 0 })).uri;
  log(`Redis ${redisServer.url}, Neo4j ${neo4jUri}`);
  const redis = new Redis(redisServer.url);
  const driver = neo4j.driver(neo4jUri, process.env.NEO4J_USERNAME || process.env.NEO4J_PASSWORD ? neo4j.auth.basic(process.env.NEO4J_USERNAME ?? "neo4j", process.env.NEO4J_PASSWORD ?? "") : undefined);
  const env = { ...process.env, REDIS_URL: redisServer.url, NEO4J_URI: neo4jUri };

  function kgProcess(args: string[]): { child: ChildProcess; done: Promise<{ status: number | null; stderr: string }> } {
    const child = spawn(process.execPath, ["--import", "tsx", join(repoRoot(), "packages/cli/src/main.ts"), ...args], { cwd: repoRoot(), env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    return { child, done: new Promise((resolve) => child.on("close", (status) => resolve({ status, stderr }))) };
  }

  /** CPU seconds of a process (user + system), from /proc. */
  function cpuOf(pid: number | undefined): number {
    if (!pid) return NaN;
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return NaN;
    }
  }

  async function redisCpu(): Promise<{ cpu: number; calls: number }> {
    const info = await redis.info();
    const cpu = Number(/used_cpu_user:([\d.]+)/.exec(info)![1]) + Number(/used_cpu_sys:([\d.]+)/.exec(info)![1]);
    const stats = await redis.info("commandstats");
    const calls = [...stats.matchAll(/calls=(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
    return { cpu, calls };
  }

  async function clearNeo4j(): Promise<void> {
    const session = driver.session();
    try {
      await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
    } finally {
      await session.close();
    }
  }


  const results: RunResult[] = [];
  const commitsFile = join(out, "commits.json");
  // Redis and Neo4j go when the bench ends, also when it fails (Neo4j would on its own: its stdin closes).
  try {
    for (const [k, n] of order.entries()) {
      const queue = `bench-${k}-${n}w-${Date.now().toString(36)}`;
      await clearNeo4j();
      const add = kgProcess(["queue", "add", corpusFile, "--queue", queue]);
      const added = await add.done;
      if (added.status !== 0) throw new Error(`kg queue add failed:\n${added.stderr}`);
      log(`run ${k + 1}/${order.length}: ${n} worker(s); ${added.stderr.trim().split("\n").pop()}`);
      const doneKey = `bull:${queue}:kg:done`;
      const load = [loadavg()[0]!.toFixed(1)];
      const statsFiles = Array.from({ length: n }, (_, i) => join(out, `${queue}-${i}.json`));
      const t0 = Date.now();
      const workers = statsFiles.map((file) => kgProcess(["worker", "--queue", queue, "--no-cache", "--batch-size", String(batchSize), "--stats", file]));
      await new Promise((resolve) => setTimeout(resolve, WARMUP_S * 1000));
      const [done0, r0, n0] = [await redis.scard(doneKey), await redisCpu(), cpuOf(started?.pid)];
      const w0 = workers.reduce((s, w) => s + cpuOf(w.child.pid), 0);
      const tStart = Date.now();
      let ranOut = false;
      while (Date.now() - t0 < minutes * 60_000) {
        await new Promise((resolve) => setTimeout(resolve, 5000));
        if ((await redis.llen(`bull:${queue}:wait`)) === 0) {
          ranOut = true;
          break;
        }
        if ((Date.now() - t0) % 60_000 < 5000) load.push(loadavg()[0]!.toFixed(1));
      }
      const [done1, r1, n1] = [await redis.scard(doneKey), await redisCpu(), cpuOf(started?.pid)];
      const w1 = workers.reduce((s, w) => s + cpuOf(w.child.pid), 0);
      const window = (Date.now() - tStart) / 1000;
      for (const w of workers) w.child.kill("SIGTERM");
      const ended = await Promise.all(workers.map((w) => w.done));
      for (const e of ended) if (e.status !== 0) log(`a worker ended with ${e.status}:\n${e.stderr}`);
      const stats = statsFiles.map((f) => JSON.parse(readFileSync(f, "utf8")) as WorkerStats);
      const articles = done1 - done0;
      const result: RunResult = { workers: n, rate: articles / window, window, articles, load, stats, redisCpu: r1.cpu - r0.cpu, redisCalls: r1.calls - r0.calls, neo4jCpu: n1 - n0, workerCpu: w1 - w0, ranOut };
      results.push(result);
      log(`  ${result.rate.toFixed(1)} articles/s over ${window.toFixed(0)} s (${articles} articles${ranOut ? ", queue ran out" : ""}); load average ${load.join(" → ")}`);
      writeFileSync(join(out, "runs.json"), JSON.stringify(results, null, 1));
      // What is left of the queue goes, so Redis does not hold every run's articles.
      const q = new Queue(queue, { connection: redis });
      await q.obliterate({ force: true });
      await q.close();
    }

    writeFileSync(commitsFile, JSON.stringify(await measureCommits(neo4jUri)));
  } finally {
    redis.disconnect();
    await driver.close();
    await redisServer.stop();
    await started?.stop();
  }
  return results;
}

// Costs per article, over every run (the sum of each cost over the sum of articles).
const all = results.flatMap((r) => r.stats);
const acked = all.reduce((s, w) => s + w.articles, 0);
const flushes = all.flatMap((w) => w.flushes).filter((f) => f.articles > 0);
const flushFit = fitLine(commitCosts.map((c) => [c.batch, c.meanMs]));
const measured = results.reduce((s, r) => s + r.articles, 0);
const single = results.filter((r) => r.workers === 1);
const costs: MeasuredCosts = {
  singleWorkerRate: single.reduce((s, r) => s + r.rate, 0) / Math.max(single.length, 1),
  workerCpuMs: (results.reduce((s, r) => s + r.workerCpu, 0) * 1000) / measured,
  extractMs: all.reduce((s, w) => s + w.extractMs, 0) / acked,
  redisCpuMs: (results.reduce((s, r) => s + r.redisCpu, 0) * 1000) / measured,
  redisCallsPerArticle: results.reduce((s, r) => s + r.redisCalls, 0) / measured,
  neo4jCpuMs: (results.reduce((s, r) => s + r.neo4jCpu, 0) * 1000) / measured,
  flushFixedMs: flushFit.a,
  flushPerArticleMs: flushFit.b,
  batchSize,
};

const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  console.log(line);
};
say(`machine: ${await machine()}; ${minutes} min a run, batch size ${batchSize}, order ${order.join(", ")}`);
say("| workers | articles/s (each run, in order) | load average during the runs |");
say("|---|---|---|");
for (const n of [...new Set(order)].sort((a, b) => a - b)) {
  const runs = results.filter((r) => r.workers === n);
  say(`| ${n} | ${runs.map((r) => `${r.rate.toFixed(1)}${r.ranOut ? " (ran out)" : ""}`).join(", ")} | ${runs.map((r) => r.load.join("–")).join("; ")} |`);
}
const mean = (n: number) => {
  const runs = results.filter((r) => r.workers === n);
  return runs.reduce((s, r) => s + r.rate, 0) / runs.length;
};
if (order.includes(1) && order.includes(2)) say(`2 workers / 1 worker: ${(mean(2) / mean(1)).toFixed(2)}x (means of their runs)`);
if (order.includes(1) && order.includes(4)) say(`4 workers / 1 worker: ${(mean(4) / mean(1)).toFixed(2)}x`);
say(
  `one worker alone: ${costs.singleWorkerRate.toFixed(0)} articles/s; ` +
    `costs per article: worker CPU ${costs.workerCpuMs.toFixed(1)} ms (of which in extractArticle ${costs.extractMs.toFixed(1)} ms), ` +
    `Redis CPU ${costs.redisCpuMs.toFixed(3)} ms in ${costs.redisCallsPerArticle.toFixed(1)} calls, Neo4j CPU ${costs.neo4jCpuMs.toFixed(1)} ms; ` +
    `a Neo4j commit of B articles, alone: ${costs.flushFixedMs.toFixed(0)} ms + ${costs.flushPerArticleMs.toFixed(2)} ms × B ` +
    `(${commitCosts.map((c) => `B = ${c.batch}: ${c.meanMs.toFixed(0)} ms`).join(", ")}); in the runs, with workers committing at once, ` +
    `${(flushes.reduce((s, f) => s + f.neo4jMs, 0) / flushes.reduce((s, f) => s + f.articles, 0)).toFixed(2)} ms an article (${flushes.length} commits)`,
);
const hidden = hiddenCommitBatch(costs);
say(`a worker's commit is hidden behind its next batch's extraction from B = ${hidden ?? "never"} (B = ${batchSize} here)`);
for (const cores of [4, 16]) {
  say(`prediction, workers on machines of their own (one core each), one Redis, one Neo4j with ${cores} cores:`);
  for (const n of [10, 50, 200]) {
    const p = predict(costs, n, cores);
    say(`  ${n} workers: ${p.articlesPerSecond.toFixed(0)} articles/s, bound by ${p.bottleneck} (workers ${p.workerBound.toFixed(0)}, Redis ${p.redisBound.toFixed(0)}, Neo4j ${p.neo4jBound.toFixed(0)})`);
  }
}
writeFileSync(join(out, "summary.json"), JSON.stringify({ costs, results: results.map(({ stats: _s, ...r }) => r), lines }, null, 1));
