/**
 * Queue-driven ingestion (README "Scaling out"), end to end with a real Redis
 * (test/setup/redis-global.ts) and the real Neo4j: `kg queue add`, three
 * `kg worker` processes, one of them killed with SIGKILL mid-run, and the
 * claim that matters: Neo4j ends with exactly what one `kg export neo4j` of
 * the `kg extract` triples of the same corpus writes (entity metrics aside:
 * workers leave them to `kg graph from-neo4j`, tested here too). No article
 * lost, none written twice, duplicate enqueues are no-ops, an article whose
 * extraction fails is in the failed list with its record, and a Neo4j or
 * Redis that is not there is one line naming it, with the jobs kept.
 *
 * Corpus: BBC's politics section (417 articles) and the three seed articles,
 * not all of BBC: three workers on this 2-core machine take about a minute
 * for it with the kill and the failing article; the whole of BBC would take
 * several, too much for CI.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { kg, kgAsync, kgSpawn, seedArticlesDir, sharedDir } from "./helpers/kg.ts";
import { useNeo4j } from "./helpers/neo4j.ts";
import { diffDumps, dumpGraph, dumpSize } from "./helpers/neo4j-dump.ts";
import { redisUrl, testQueue } from "./helpers/redis.ts";
import { Redis } from "ioredis";
import { Queue } from "bullmq";
import { queueKeys } from "../packages/cli/src/queue/keys.ts";
import { queueStatus } from "../packages/cli/src/queue/status.ts";
import type { ArticleJob, QueueStatus } from "../packages/cli/src/queue/types.ts";

const db = useNeo4j({ clearBeforeEach: false });
const POLITICS = join(sharedDir, "bench", "news", "bbc", "politics");

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kg-queue-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = () => ({
  REDIS_URL: redisUrl(),
  NEO4J_URI: db.uri,
  ...(db.credentials.username ? { NEO4J_USERNAME: db.credentials.username } : {}),
  ...(db.credentials.password ? { NEO4J_PASSWORD: db.credentials.password } : {}),
});

/** What `kg queue status --json` prints. */
function statusCommand(queue: string): QueueStatus {
  const r = kg(["queue", "status", "--queue", queue, "--json"], { env: env() });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as QueueStatus;
}

/** The same, read in this process (no process start): for polling while workers run. */
async function status(queue: string): Promise<QueueStatus> {
  const redis = new Redis(redisUrl(), { maxRetriesPerRequest: null });
  const q = new Queue<ArticleJob>(queue, { connection: redis });
  try {
    return await queueStatus(q, redis, queueKeys(queue), { queue, redis: redisUrl() });
  } finally {
    await q.close();
    redis.disconnect();
  }
}

/** A port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const lines = (text: string) => text.split("\n").filter((line) => line.trim() !== "");

describe("kg queue and kg worker", () => {
  test(
    "three workers, one killed with SIGKILL mid-run: Neo4j ends as one kg export neo4j of kg extract's triples; nothing lost or doubled; a failing article is in the failed list; enqueueing again does nothing",
    { timeout: 300_000 },
    async () => {
      const queue = testQueue("bbc");
      // An article extraction cannot finish in time (one 500,000-letter word: the recogniser is quadratic in a
      // token's length), first in the input so that its attempts run beside the others.
      const poison = join(dir, "poison.jsonl");
      writeFileSync(poison, JSON.stringify({ id: "poison-1", text: "x".repeat(500_000) }) + "\n");
      const inputs = [poison, POLITICS, seedArticlesDir];
      const corpus = readdirSync(POLITICS).length + readdirSync(seedArticlesDir).filter((f) => f.endsWith(".txt")).length;

      const add = kg(["queue", "add", ...inputs, "--queue", queue, "--attempts", "2"], { env: env() });
      expect(add.status, add.stderr).toBe(0);
      expect(add.stderr).toContain(`${corpus + 1} article(s) read: ${corpus + 1} enqueued`);
      // The same corpus again, before any worker ran: nothing added.
      const again = kg(["queue", "add", ...inputs, "--queue", queue, "--attempts", "2"], { env: env() });
      expect(again.stderr).toContain(`${corpus + 1} article(s) read: 0 enqueued, ${corpus + 1} already in the queue`);
      expect(statusCommand(queue).counts).toMatchObject({ waiting: corpus + 1, active: 0, done: 0, failed: 0 });

      // A worker whose Neo4j is not there: one line naming it and where; every job kept.
      const neo4jPort = await closedPort();
      const noNeo4j = await kgAsync(["worker", "--queue", queue, "--exit-when-empty"], { env: { ...env(), NEO4J_URI: `bolt://127.0.0.1:${neo4jPort}` } });
      expect(noNeo4j.status).toBe(1);
      expect(lines(noNeo4j.stderr)).toEqual([`kg: Cannot reach Neo4j at bolt://127.0.0.1:${neo4jPort}: connection refused. Is it running? (start one with: pnpm neo4j)`]);
      expect((await status(queue)).counts).toMatchObject({ waiting: corpus + 1, active: 0, done: 0, failed: 0 });

      await db.clear();
      const jsonl = join(dir, "jsonl");
      // One extraction cache for the three, which kg extract then reads: the same key for the same article.
      const cache = join(dir, "cache");
      const workerArgs = (_k: number) => ["worker", "--queue", queue, "--exit-when-empty", "--batch-size", "20", "--timeout", "10", "--stall-seconds", "3", "--jsonl", jsonl, "--cache", cache];
      const workers = [0, 1, 2].map((k) => kgSpawn(workerArgs(k), { env: env() }));
      // Killed once the workers have committed a few batches, while most of the corpus still waits.
      for (let s = await status(queue); s.counts.done < 40; s = await status(queue)) {
        expect(s.counts.waiting, "the workers finished before the kill").toBeGreaterThan(100);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const before = (await status(queue)).counts;
      expect(before.active).toBeGreaterThan(0);
      workers[0]!.child.kill("SIGKILL");
      const results = await Promise.all(workers.map((w) => w.done));
      expect(results[0]!.signal).toBe("SIGKILL");
      for (const r of results.slice(1)) {
        expect(r.status, r.stderr).toBe(0);
        expect(r.stderr).toMatch(/kg worker: \d+ article\(s\) acknowledged/);
      }
      const stderr = results.map((r) => r.stderr).join("");
      expect(stderr).toContain(`${poison}:1 (poison-1): extraction took longer than 10 s, stopped (attempt 2 of 2; in the failed list`);

      const after = statusCommand(queue);
      expect(after.counts).toMatchObject({ waiting: 0, active: 0, delayed: 0, done: corpus, failed: 1 });
      expect(after.failed).toEqual([
        { key: expect.stringMatching(/^[0-9a-f]{64}$/), id: "poison-1", where: `${poison}:1 (poison-1)`, error: "extraction took longer than 10 s, stopped", attempts: 2 },
      ]);
      const text = kg(["queue", "status", "--queue", queue], { env: env() }).stdout;
      expect(text).toContain(`done ${corpus.toLocaleString("en")}  failed 1`);
      expect(text).toContain(`${poison}:1 (poison-1): extraction took longer than 10 s, stopped (2 attempt(s))`);
      const queued = await dumpGraph(db.driver);
      const articles = await db.query<{ n: number }>("MATCH (a:Article) RETURN count(a) AS n");

      // Graph-wide metrics after the distributed ingest: read back, computed, written to every entity.
      const graphFile = join(dir, "graph.json");
      const fromNeo4j = kg(["graph", "from-neo4j", "-o", graphFile, "--write-metrics"], { env: env() });
      expect(fromNeo4j.status, fromNeo4j.stderr).toBe(0);
      const graph = JSON.parse(readFileSync(graphFile, "utf8")) as { nodes: { key: string; attributes: { x: number; y: number; degree: number } }[]; edges: unknown[] };
      expect(graph.nodes.length).toBe(dumpSize(queued).nodes - articles[0]!.n);
      expect(graph.nodes.filter((n) => n.attributes.x !== 0 || n.attributes.y !== 0).length).toBeGreaterThan(graph.nodes.length / 2);
      const queuedMetrics = await db.query<{ id: string; degree: number; pagerank: number; community: number | null }>(
        "MATCH (e:Entity) RETURN e.id AS id, e.degree AS degree, e.pagerank AS pagerank, e.community AS community ORDER BY id",
      );
      expect(queuedMetrics.filter((e) => e.community === null)).toEqual([]);

      // Every record again, after the run: nothing enqueued, nothing done.
      const third = kg(["queue", "add", ...inputs, "--queue", queue], { env: env() });
      expect(third.stderr).toContain(`${corpus + 1} article(s) read: 0 enqueued, 1 already in the queue, ${corpus} already done`);
      expect((await status(queue)).counts).toMatchObject({ waiting: 0, active: 0, done: corpus, failed: 1 });

      // Every article exactly once in the JSON Lines files (a killed worker's batch may be written twice: identical lines).
      const reference = join(dir, "reference.jsonl");
      const extract = await kgAsync(["extract", POLITICS, seedArticlesDir, "-o", reference, "--cache", cache, "--quiet"]);
      expect(extract.status, extract.stderr).toBe(0);
      expect(extract.stderr).toContain(`${corpus} article(s) (${corpus} from cache)`);
      const written = readdirSync(jsonl).flatMap((f) => lines(readFileSync(join(jsonl, f), "utf8")));
      expect(new Set(written)).toEqual(new Set(lines(readFileSync(reference, "utf8"))));

      // The reference: one kg export neo4j of kg extract's triples, into an empty database.
      await db.clear();
      const exported = await kgAsync(["export", "neo4j", reference], { env: env() });
      expect(exported.status, exported.stderr).toBe(0);
      const expected = await dumpGraph(db.driver);
      expect(dumpSize(expected).relationships).toBeGreaterThan(1000);
      expect(diffDumps(queued, expected)).toEqual([]);

      // The metrics from Neo4j are those of the one export: degree exactly, PageRank to rounding.
      const exportedMetrics = await db.query<{ id: string; degree: number; pagerank: number }>("MATCH (e:Entity) RETURN e.id AS id, e.degree AS degree, e.pagerank AS pagerank ORDER BY id");
      expect(queuedMetrics.map((e) => [e.id, e.degree])).toEqual(exportedMetrics.map((e) => [e.id, e.degree]));
      const off = queuedMetrics.filter((e, i) => Math.abs(e.pagerank - exportedMetrics[i]!.pagerank) > 1e-5);
      expect(off).toEqual([]);
    },
  );

  test("a changed article is done again and replaces its old version in Neo4j; an unchanged one is not", { timeout: 120_000 }, async () => {
    const queue = testQueue("changed");
    const folder = join(dir, "changed");
    rmSync(folder, { recursive: true, force: true });
    const write = (name: string, text: string) => {
      const file = join(folder, name);
      writeFileSync(file, text);
      return file;
    };
    mkdirSync(folder, { recursive: true });
    write("a.txt", "date 2024-05-02\n\nAngela Merkel met Emmanuel Macron in Berlin on Tuesday.\n");
    write("b.txt", "date 2024-05-03\n\nVladimir Putin criticised NATO on Wednesday.\n");
    await db.clear();
    const run = async () => {
      const r = await kgAsync(["worker", "--queue", queue, "--exit-when-empty", "--no-cache"], { env: env() });
      expect(r.status, r.stderr).toBe(0);
      return r.stderr;
    };
    expect(kg(["queue", "add", folder, "--queue", queue], { env: env() }).stderr).toContain("2 article(s) read: 2 enqueued");
    await run();
    const evidence = () => db.query<{ text: string }>("MATCH (:Entity)-[r]->(:Entity) WHERE 'a.txt' IN r.articles RETURN DISTINCT r.evidence[0] AS text");
    expect(await evidence()).toEqual([{ text: "Angela Merkel met Emmanuel Macron in Berlin on Tuesday." }]);

    write("a.txt", "date 2024-05-02\n\nAngela Merkel met Emmanuel Macron in Paris on Tuesday.\n");
    expect(kg(["queue", "add", folder, "--queue", queue], { env: env() }).stderr).toContain("2 article(s) read: 1 enqueued, 1 already done");
    expect(await run()).toContain("kg worker: 1 article(s) acknowledged");
    expect(await evidence()).toEqual([{ text: "Angela Merkel met Emmanuel Macron in Paris on Tuesday." }]);
    const mentions = await db.query<{ id: string }>("MATCH (:Article {id: 'a.txt'})-[:MENTIONS]->(e) RETURN e.id AS id ORDER BY id");
    expect(mentions.map((m) => m.id)).toContain("location:paris");
    expect(mentions.map((m) => m.id)).not.toContain("location:berlin");
  });

  test("Redis not there: one line naming it and where, for every command", async () => {
    const port = await closedPort();
    const noRedis = { REDIS_URL: `redis://127.0.0.1:${port}` };
    const line = `kg: Cannot reach Redis at redis://127.0.0.1:${port}: connection refused. Is it running? (Debian: apt-get install redis-server; or set REDIS_URL)`;
    for (const args of [["queue", "add", seedArticlesDir], ["queue", "status"], ["queue", "retry-failed"], ["worker", "--no-neo4j", "--jsonl", join(dir, "unused")]]) {
      const r = kg(args, { env: noRedis });
      expect({ args, status: r.status, stderr: lines(r.stderr) }).toEqual({ args, status: 1, stderr: [line] });
    }
  });

  test("retry-failed puts failed articles back, with their attempts afresh", { timeout: 120_000 }, async () => {
    const queue = testQueue("retry");
    const poison = join(dir, "retry.jsonl");
    writeFileSync(poison, [JSON.stringify({ id: "slow-1", text: "y".repeat(300_000) }), JSON.stringify({ id: "fine-1", text: "Angela Merkel met Emmanuel Macron in Berlin." })].join("\n") + "\n");
    expect(kg(["queue", "add", poison, "--queue", queue, "--attempts", "1"], { env: env() }).status).toBe(0);
    const first = await kgAsync(["worker", "--queue", queue, "--exit-when-empty", "--no-neo4j", "--jsonl", join(dir, "retry-out"), "--timeout", "2", "--no-cache"], { env: env() });
    expect(first.stderr).toContain(`${poison}:1 (slow-1): extraction took longer than 2 s, stopped (attempt 1 of 1; in the failed list`);
    expect((await status(queue)).counts).toMatchObject({ waiting: 0, done: 1, failed: 1 });
    const retried = kg(["queue", "retry-failed", "--queue", queue], { env: env() });
    expect(retried.stderr).toContain(`1 failed article(s) put back in the queue "${queue}"`);
    expect((await status(queue)).counts).toMatchObject({ waiting: 1, done: 1, failed: 0 });
  });
});
