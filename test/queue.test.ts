/**
 * Queue-driven ingestion (README "Scaling out"), end to end with a real Redis
 * (test/setup/redis-global.ts) and the real Neo4j: `kg queue add`, three
 * `kg worker` processes, one of them killed with SIGKILL mid-run, and the
 * claim that matters: Neo4j ends with exactly what one `kg export neo4j` of
 * the `kg extract` triples of the same corpus writes (entity metrics aside:
 * workers leave them to `kg graph from-neo4j`, tested here too). No article
 * lost, none written twice, duplicate enqueues are no-ops, an article whose
 * extraction fails is in the failed list with its record, and a Neo4j or
 * Redis that is not there, at start or gone mid-run, is one line naming it,
 * with the jobs kept.
 *
 * Corpus of the kill test: all of BBC (2,225 articles) and the three seed
 * articles, as the issue asks; about 105 s on this 2-core machine under a
 * load average of 10 (politics alone, 420 articles, took 71 s). The
 * mid-run tests take the first 60 articles of BBC politics.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { kg, kgAsync, kgSpawn, seedArticlesDir, sharedDir } from "./helpers/kg.ts";
import { useNeo4j } from "./helpers/neo4j.ts";
import { diffDumps, dumpGraph, dumpSize } from "./helpers/neo4j-dump.ts";
import { redisUrl, testQueue } from "./helpers/redis.ts";
import { startRedis } from "./setup/redis.ts";
import { Redis } from "ioredis";
import { Queue } from "bullmq";
import { queueKeys } from "../packages/cli/src/queue/keys.ts";
import { queueStatus } from "../packages/cli/src/queue/status.ts";
import type { ArticleJob, QueueStatus } from "../packages/cli/src/queue/types.ts";

const db = useNeo4j({ clearBeforeEach: false });
const BBC = join(sharedDir, "bench", "news", "bbc");
const POLITICS = join(BBC, "politics");
/** The BBC's articles: its .txt files (its README.TXT is skipped with a note, as kg extract skips it). */
const bbcArticles = () => readdirSync(BBC, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".txt")).length;

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
async function status(queue: string, url = redisUrl()): Promise<QueueStatus> {
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  const q = new Queue<ArticleJob>(queue, { connection: redis });
  try {
    return await queueStatus(q, redis, queueKeys(queue), { queue, redis: url });
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
/** What a worker says is wrong (its other lines say what it does). */
const problems = (stderr: string) => lines(stderr).filter((line) => line.startsWith("kg:"));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The first `n` articles of BBC politics, in a folder of their own. */
function politicsSubset(name: string, n: number): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  for (const file of readdirSync(POLITICS).sort().slice(0, n)) copyFileSync(join(POLITICS, file), join(folder, file));
  return folder;
}

/** A TCP relay to `target` (host:port of a URI) that can be shut, as a Neo4j that goes away: its listener closed, its connections cut. */
async function relay(target: string): Promise<{ uri: string; close(): Promise<void> }> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", cut).on("close", cut);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port: own } = server.address() as { port: number };
  return {
    uri: `bolt://127.0.0.1:${own}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

describe("kg queue and kg worker", () => {
  test(
    "three workers, one killed with SIGKILL mid-run: Neo4j ends as one kg export neo4j of kg extract's triples; nothing lost or doubled; a failing article is in the failed list; enqueueing again does nothing",
    { timeout: 600_000 },
    async () => {
      const queue = testQueue("bbc");
      // An article extraction cannot finish in time (one 500,000-letter word: the recogniser is quadratic in a
      // token's length), first in the input so that its attempts run beside the others.
      const poison = join(dir, "poison.jsonl");
      writeFileSync(poison, JSON.stringify({ id: "poison-1", text: "x".repeat(500_000) }) + "\n");
      const inputs = [poison, BBC, seedArticlesDir];
      const corpus = bbcArticles() + readdirSync(seedArticlesDir).filter((f) => f.endsWith(".txt")).length;

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
      const extract = await kgAsync(["extract", BBC, seedArticlesDir, "-o", reference, "--cache", cache, "--quiet"]);
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
      // Every triple (the meeting's place is less sure than the default threshold): replacement is what this is about.
      const r = await kgAsync(["worker", "--queue", queue, "--exit-when-empty", "--no-cache", "--min-confidence", "0"], { env: env() });
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

    // Standard input (JSON Lines of articles, as a feed would pipe them): enqueued once, then already in the queue.
    const feed = JSON.stringify({ id: "feed-1", text: "Olaf Scholz visited Warsaw on Friday.", date: "2024-05-03" }) + "\n";
    expect(kg(["queue", "add", "-", "--queue", queue], { env: env(), input: feed }).stderr).toContain("1 article(s) read: 1 enqueued");
    expect(kg(["queue", "add", "-", "--queue", queue], { env: env(), input: feed }).stderr).toContain("1 article(s) read: 0 enqueued, 1 already in the queue");
    expect((await status(queue)).counts).toMatchObject({ waiting: 1, done: 3 });
  });

  test("--schema, --strict-schema and --min-confidence: the workers write what kg export neo4j of kg extract's triples writes with the same options", { timeout: 120_000 }, async () => {
    const queue = testQueue("schema");
    // A schema of the user's own, without ours: forces moving and offices; everything else is outside it.
    const schema = join(dir, "schema.json");
    writeFileSync(
      schema,
      JSON.stringify({
        classes: [
          { id: "MOVES_FORCES", group: "conflict", patterns: [{ match: ["send*", "move*", "deploy*", "head_to", "patrol", "shift*"] }] },
          { id: "HOLDS_OFFICE", group: "standing", patterns: [{ match: ["president_of", "leader_of", "chancellor_of", "head_of", "ambassador_*"] }] },
          { id: "ELSE", group: "catch-all", patterns: [] },
        ],
        catchAll: "ELSE",
      }),
    );
    const options = ["--schema", schema, "--strict-schema", "--min-confidence", "0.5"];
    await db.clear();
    expect(kg(["queue", "add", seedArticlesDir, "--queue", queue], { env: env() }).status).toBe(0);
    const worker = await kgAsync(["worker", "--queue", queue, "--exit-when-empty", "--no-cache", ...options], { env: env() });
    expect(worker.status, worker.stderr).toBe(0);
    expect(problems(worker.stderr)).toEqual([]);
    const types = await db.query<{ type: string }>("MATCH (:Entity)-[r]->(:Entity) RETURN DISTINCT type(r) AS type ORDER BY type");
    expect(types.map((t) => t.type)).toEqual(["HOLDS_OFFICE", "MOVES_FORCES"]);
    const queued = await dumpGraph(db.driver);

    const reference = join(dir, "schema-reference.jsonl");
    // The same options for kg extract (its threshold) and kg export neo4j (the schema and the threshold).
    const extracted = await kgAsync(["extract", seedArticlesDir, "-o", reference, "--no-cache", "--quiet", "--min-confidence", "0.5"]);
    expect(extracted.status, extracted.stderr).toBe(0);
    await db.clear();
    const exported = await kgAsync(["export", "neo4j", reference, ...options], { env: env() });
    expect(exported.status, exported.stderr).toBe(0);
    expect(diffDumps(queued, await dumpGraph(db.driver))).toEqual([]);
    // Both say what they left out, in the same words.
    const said = (stderr: string) => lines(stderr).map((l) => /(\d+ triple\(s\) (?:outside the schema dropped|less sure than ).*)$/.exec(l)?.[1]).filter(Boolean);
    expect(said(worker.stderr).sort()).toEqual(said(extracted.stderr + exported.stderr).sort());
    expect(said(worker.stderr)).toHaveLength(2);
  });

  test("Neo4j gone mid-run: the worker says so in one line naming it and where, hands back every job it holds, and a worker started later finishes them; nothing lost", { timeout: 180_000 }, async () => {
    const queue = testQueue("neo4j-gone");
    const folder = politicsSubset("neo4j-gone", 60);
    const neo4j = await relay(db.uri);
    await db.clear();
    expect(kg(["queue", "add", folder, "--queue", queue], { env: env() }).status).toBe(0);
    const worker = kgSpawn(["worker", "--queue", queue, "--batch-size", "5", "--max-wait", "1", "--neo4j-wait", "3", "--stall-seconds", "3", "--no-cache"], { env: { ...env(), NEO4J_URI: neo4j.uri } });
    for (let s = await status(queue); s.counts.done < 10; s = await status(queue)) {
      expect(s.counts.waiting, "the worker finished before Neo4j went").toBeGreaterThan(10);
      await sleep(100);
    }
    await neo4j.close();
    const gone = await worker.done;
    expect(gone.status, gone.stderr).toBe(1);
    expect(problems(gone.stderr)).toEqual([expect.stringMatching(new RegExp(`^kg: Cannot reach Neo4j at ${neo4j.uri}: [a-z ]+\\. Is it running\\? \\(start one with: pnpm neo4j\\); the jobs this worker held are back in the queue$`))]);
    // Nothing held, nothing failed: what was not acknowledged waits, at once (no lock to run out).
    const left = (await status(queue)).counts;
    expect(left).toMatchObject({ active: 0, delayed: 0, failed: 0, waiting: 60 - left.done });

    const rest = await kgAsync(["worker", "--queue", queue, "--exit-when-empty", "--no-cache"], { env: env() });
    expect(rest.status, rest.stderr).toBe(0);
    expect((await status(queue)).counts).toMatchObject({ waiting: 0, active: 0, failed: 0, done: 60 });
    const queued = await dumpGraph(db.driver);
    const reference = join(dir, "neo4j-gone.jsonl");
    expect((await kgAsync(["extract", folder, "-o", reference, "--no-cache", "--quiet"])).status).toBe(0);
    await db.clear();
    expect((await kgAsync(["export", "neo4j", reference], { env: env() })).status).toBe(0);
    expect(diffDumps(queued, await dumpGraph(db.driver))).toEqual([]);
  });

  test("Redis gone mid-run: the worker says so in one line naming it and where; Redis back (append-only file), every job is still there and a worker finishes them; nothing lost", { timeout: 180_000 }, async () => {
    const queue = testQueue("redis-gone");
    const folder = politicsSubset("redis-gone", 60);
    const data = mkdtempSync(join(tmpdir(), "kg-redis-aof-"));
    let redis = await startRedis({ persistent: { dir: data } });
    const url = redis.url;
    try {
      const jsonl = join(dir, "redis-gone-out");
      const workerArgs = ["worker", "--queue", queue, "--no-neo4j", "--jsonl", jsonl, "--batch-size", "5", "--max-wait", "1", "--stall-seconds", "2", "--no-cache"];
      expect(kg(["queue", "add", folder, "--queue", queue], { env: { REDIS_URL: url } }).status).toBe(0);
      const worker = kgSpawn(workerArgs, { env: { REDIS_URL: url } });
      for (let s = await status(queue, url); s.counts.done < 10; s = await status(queue, url)) {
        expect(s.counts.waiting, "the worker finished before Redis went").toBeGreaterThan(10);
        await sleep(100);
      }
      await redis.stop("SIGKILL");
      const gone = await worker.done;
      expect(gone.status, gone.stderr).toBe(1);
      expect(problems(gone.stderr)).toEqual([expect.stringMatching(new RegExp(`^kg: Cannot reach Redis at ${url}: [a-z ]+\\. Is it running\\? \\(Debian: apt-get install redis-server; or set REDIS_URL\\)$`))]);

      // The same Redis again, from its append-only file: what was done is done, the rest is there.
      redis = await startRedis({ port: redis.port, persistent: { dir: data } });
      const back = (await status(queue, url)).counts;
      expect(back.done).toBeGreaterThanOrEqual(10);
      expect(back).toMatchObject({ failed: 0, delayed: 0 });
      expect(back.waiting + back.active).toBe(60 - back.done);
      const rest = await kgAsync([...workerArgs, "--exit-when-empty"], { env: { REDIS_URL: url } });
      expect(rest.status, rest.stderr).toBe(0);
      expect((await status(queue, url)).counts).toMatchObject({ waiting: 0, active: 0, failed: 0, done: 60 });
      // Every article's triples in the JSON Lines files of the two workers (a batch written before the kill and again after: identical lines).
      const reference = join(dir, "redis-gone.jsonl");
      expect((await kgAsync(["extract", folder, "-o", reference, "--no-cache", "--quiet"])).status).toBe(0);
      const written = readdirSync(jsonl).flatMap((f) => lines(readFileSync(join(jsonl, f), "utf8")));
      expect(new Set(written)).toEqual(new Set(lines(readFileSync(reference, "utf8"))));
    } finally {
      await redis.stop();
      rmSync(data, { recursive: true, force: true });
    }
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
    // Only the slow one fails: the article after it runs in a new thread, whose models load before its time limit starts.
    expect(problems(first.stderr)).toEqual([`kg: ${poison}:1 (slow-1): extraction took longer than 2 s, stopped (attempt 1 of 1; in the failed list: kg queue status, kg queue retry-failed)`]);
    expect((await status(queue)).counts).toMatchObject({ waiting: 0, done: 1, failed: 1 });
    const retried = kg(["queue", "retry-failed", "--queue", queue], { env: env() });
    expect(retried.stderr).toContain(`1 failed article(s) put back in the queue "${queue}"`);
    expect((await status(queue)).counts).toMatchObject({ waiting: 1, done: 1, failed: 0 });
  });
});
