/**
 * Scaling out (README): the corpus split into shards, each shard extracted
 * and built on its own machine, every shard's graph exported into the same
 * Neo4j, the exports running at the same time. Shards here OVERLAP (an
 * article may be in one to four shards), so two exports often write the same
 * article, the same entities and the same relationships at the same moment.
 * The claim tested: the database ends with exactly the graph a single export
 * of the union writes, whatever the interleaving, and a re-run changes nothing.
 * "Exactly": every node with its labels and properties, every relationship
 * with its type and properties (evidence lists, summaries, MENTIONS counts),
 * none twice; only the entity metrics degree, pagerank and community are left
 * out, as they describe one exported graph (the last export's).
 *
 * The last CLI test runs the README recipe literally on triples instead of
 * graphs: `kg extract` per shard, then four `kg export neo4j shard-k.jsonl`.
 *
 * The corpus is real: BBC articles from ../shared/bench/news/bbc and the seed
 * articles, extracted once, in process, with names resolved across the whole
 * corpus, so that every shard gets the same extraction of each of its
 * articles (`kg build` on one shard resolves surnames across that shard only:
 * see the README's caveat).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { extractArticle, resolveAcrossArticles, type ArticleExtraction } from "newskg-extract";
import { buildGraph, computeMetrics, toJSON, type SerializedKnowledgeGraph } from "newskg-graph";
import { exportToNeo4j, type Neo4jExportOptions, type Neo4jExportSummary } from "../packages/graph/src/neo4j/index.ts";
import { openDriver } from "../packages/graph/src/neo4j/connection.ts";
import { addArticle, addEntity, addRelation, createTestGraph, serialize } from "../packages/graph/src/neo4j/testing.ts";
import { kgAsync, sharedDir } from "./helpers/kg.ts";
import { useNeo4j } from "./helpers/neo4j.ts";
import { diffDumps, dumpGraph, dumpSize, type GraphDump } from "./helpers/neo4j-dump.ts";

const db = useNeo4j({ clearBeforeEach: false });
const options = (extra: Partial<Neo4jExportOptions> = {}): Neo4jExportOptions => ({ uri: db.uri, ...db.credentials, ...extra });

const SHARDS = 4;
const BBC = join(sharedDir, "bench", "news", "bbc");
const CATEGORIES = ["business", "entertainment", "politics", "sport", "tech"];

/** A deterministic pseudo-random stream (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface Input {
  id: string;
  text: string;
}

/** 12 BBC articles of each category (files 001-012) and the seed articles: 63 articles. */
function corpusInputs(): Input[] {
  const inputs: Input[] = [];
  for (const category of CATEGORIES) {
    for (let n = 1; n <= 12; n++) {
      const file = `${String(n).padStart(3, "0")}.txt`;
      inputs.push({ id: `bbc/${category}/${file}`, text: readFileSync(join(BBC, category, file), "utf8") });
    }
  }
  const seeds = join(sharedDir, "articles");
  for (const file of readdirSync(seeds).filter((f) => f.endsWith(".txt")).sort()) {
    inputs.push({ id: `seed/${file}`, text: readFileSync(join(seeds, file), "utf8") });
  }
  return inputs;
}

/**
 * Each article in 1 to 3 shards at random, every eighth in all four: about
 * half the articles are in two shards or more.
 */
function assignShards(ids: readonly string[], seed: number): string[][] {
  const next = random(seed);
  const shards: string[][] = Array.from({ length: SHARDS }, () => []);
  ids.forEach((id, i) => {
    const count = i % 8 === 0 ? SHARDS : 1 + Math.floor(next() * 3);
    for (const s of shuffled([0, 1, 2, 3], next).slice(0, count)) shards[s]!.push(id);
  });
  return shards;
}

/** What `kg build` writes for these articles (layout left out: the exporter does not read it). */
function graphOf(extractions: ArticleExtraction[], name: string): SerializedKnowledgeGraph {
  const graph = buildGraph(extractions, { name });
  computeMetrics(graph);
  return JSON.parse(toJSON(graph)) as SerializedKnowledgeGraph;
}

let extractions: ArticleExtraction[] = [];
let shardIds: string[][] = [];
let shardGraphs: SerializedKnowledgeGraph[] = [];
let union: SerializedKnowledgeGraph;

beforeAll(() => {
  const inputs = corpusInputs();
  // Names resolved across the whole corpus once, so an article extracts the same in every shard.
  extractions = resolveAcrossArticles(inputs.map((input) => extractArticle(input)));
  const byId = new Map(extractions.map((x) => [x.article.id, x]));
  shardIds = assignShards(inputs.map((i) => i.id), 2024);
  shardGraphs = shardIds.map((ids, s) => graphOf(ids.map((id) => byId.get(id)!), `shard-${s}`));
  union = graphOf(extractions, "union");
});

/** One export of the union into an empty database: the graph every schedule of the shards must end with. */
async function reference(): Promise<GraphDump> {
  await db.clear();
  await exportToNeo4j(union, options());
  return dumpGraph(db.driver);
}

/** The four shards exported at the same time, each with its own driver, in the given order and batch sizes. */
async function exportShardsConcurrently(order: readonly number[], batchSizes: readonly number[], graphs = shardGraphs): Promise<Neo4jExportSummary[]> {
  return Promise.all(order.map((s, i) => exportToNeo4j(graphs[s]!, options({ batchSize: batchSizes[i]! }))));
}

describe("overlapping shards exported concurrently", () => {
  test("the shards really overlap", () => {
    const inShards = new Map<string, number>();
    for (const ids of shardIds) for (const id of ids) inShards.set(id, (inShards.get(id) ?? 0) + 1);
    const counts = [...inShards.values()];
    expect(inShards.size).toBe(extractions.length);
    expect(counts.filter((n) => n === 4).length).toBeGreaterThanOrEqual(8);
    expect(counts.filter((n) => n >= 2).length).toBeGreaterThanOrEqual(extractions.length / 3);
    // Relationships written by two exports or more.
    const edgeShards = new Map<string, number>();
    for (const graph of shardGraphs) for (const edge of graph.edges) edgeShards.set(edge.key!, (edgeShards.get(edge.key!) ?? 0) + 1);
    expect(union.edges.length).toBeGreaterThan(100);
    expect([...edgeShards.values()].filter((n) => n >= 2).length).toBeGreaterThan(40);
  });

  test("four exports at once, in any order and batch size, end with exactly the graph of one export of the union; a re-run changes nothing", { timeout: 600_000 }, async () => {
    const expected = await reference();
    expect(dumpSize(expected).relationships).toBeGreaterThan(800);

    const next = random(7);
    for (let round = 0; round < 4; round++) {
      await db.clear();
      const order = shuffled([0, 1, 2, 3], next);
      // Small batches: hundreds of transactions each, interleaving on the same rows.
      const batchSizes = shuffled([7, 13, 25, 50], next);
      const summaries = await exportShardsConcurrently(order, batchSizes);
      expect(diffDumps(await dumpGraph(db.driver), expected), `round ${round}, shards ${order.join(",")}, batches ${batchSizes.join(",")}`).toEqual([]);
      // Nothing in an empty database is an earlier version of an article: no
      // export strips what another one is writing.
      expect(summaries.map((s) => s.replacedArticles)).toEqual([0, 0, 0, 0]);
    }

    // All four again, at once, on top of what they wrote: the same graph.
    await exportShardsConcurrently([3, 2, 1, 0], [11, 11, 11, 11]);
    expect(diffDumps(await dumpGraph(db.driver), expected), "re-run").toEqual([]);
  });

  test("shards exported at once over an earlier version of the corpus end like one export of the union over it", { timeout: 600_000 }, async () => {
    // Version 1 of the corpus: 16 of the articles had another text (that of
    // another BBC article), some of them in several shards. Version 2 is the corpus.
    const byId = new Map(extractions.map((x) => [x.article.id, x]));
    const changed = extractions.map((x) => x.article.id).filter((_, i) => i % 4 === 1);
    const oldText = (id: string, i: number) => {
      const category = CATEGORIES[i % CATEGORIES.length]!;
      return { id, text: readFileSync(join(BBC, category, `${String(200 + i).padStart(3, "0")}.txt`), "utf8") };
    };
    const v1 = resolveAcrossArticles(extractions.map((x) => (changed.includes(x.article.id) ? extractArticle(oldText(x.article.id, changed.indexOf(x.article.id))) : byId.get(x.article.id)!)));
    const v1Graph = graphOf(v1, "v1");
    expect(changed.filter((id) => shardIds.filter((ids) => ids.includes(id)).length >= 2).length).toBeGreaterThanOrEqual(5);

    // Reference: version 1, then one export of the union of version 2.
    await db.clear();
    await exportToNeo4j(v1Graph, options());
    const replaced = await exportToNeo4j(union, options());
    expect(replaced.replacedArticles).toBe(changed.length);
    const expected = await dumpGraph(db.driver);

    const next = random(11);
    for (let round = 0; round < 3; round++) {
      await db.clear();
      await exportToNeo4j(v1Graph, options());
      const order = shuffled([0, 1, 2, 3], next);
      const batchSizes = shuffled([5, 9, 17, 33], next);
      const summaries = await exportShardsConcurrently(order, batchSizes);
      expect(diffDumps(await dumpGraph(db.driver), expected), `round ${round}, shards ${order.join(",")}, batches ${batchSizes.join(",")}`).toEqual([]);
      // Each changed article is stripped of its old evidence exactly once, by whichever export gets there first.
      expect(summaries.reduce((sum, s) => sum + s.replacedArticles, 0)).toBe(changed.length);
    }
  });

  test("two shards carrying different texts of one article at once: never a silent mixture, and the corrected shards exported again converge", { timeout: 600_000 }, async () => {
    // A user error: shard k has another text under the id of article `x`.
    const byId = new Map(extractions.map((e) => [e.article.id, e]));
    const x = shardIds.flat().find((id, _, all) => all.filter((other) => other === id).length === 2 && byId.get(id)!.triples.length >= 3)!;
    const k = shardIds.findIndex((ids) => ids.includes(x));
    // The other text: the first of politics/300.txt, 301.txt, ... with a few relations.
    let alt = extractArticle({ id: x, text: "" });
    for (let n = 300; alt.triples.length < 5; n++) alt = extractArticle({ id: x, text: readFileSync(join(BBC, "politics", `${n}.txt`), "utf8") });
    const altShard = graphOf(shardIds[k]!.map((id) => (id === x ? alt : byId.get(id)!)), `shard-${k}-alt`);
    const shards = shardGraphs.map((g, s) => (s === k ? altShard : g));
    const texts = new Map([
      [alt.article.sha256!, altShard],
      [byId.get(x)!.article.sha256!, union],
    ]);

    // What the database holds of `x`, and what a graph says of it.
    const stored = async () => {
      const [article] = await db.query<{ sha: string | null }>("MATCH (a:Article {id: $x}) RETURN a.sha256 AS sha", { x });
      const evidence = await db.query<{ entry: string }>(
        `MATCH (s:Entity)-[r]->(t:Entity) WHERE $x IN r.articles
         UNWIND range(0, r.count - 1) AS i
         WITH s, r, t, i WHERE r.evidenceArticles[i] = $x
         RETURN s.id + '|' + r.predicate + '|' + t.id + '|' + r.evidenceStarts[i] + '|' + r.evidenceEnds[i] AS entry`,
        { x },
      );
      const mentions = await db.query<{ m: string }>("MATCH (:Article {id: $x})-[m:MENTIONS]->(e) RETURN e.id + '=' + m.count AS m", { x });
      return { sha: article!.sha, evidence: evidence.map((r) => r.entry).sort(), mentions: mentions.map((r) => r.m).sort() };
    };
    const said = (graph: SerializedKnowledgeGraph) => ({
      evidence: graph.edges
        .flatMap((e) => e.attributes!.evidence.filter((item) => item.article === x).map((item) => `${e.source}|${e.attributes!.predicate}|${e.target}|${item.start}|${item.end}`))
        .sort(),
      mentions: Object.entries(graph.attributes!.articles.find((a) => a.id === x)!.mentions)
        .filter(([entity, count]) => count > 0 && graph.nodes.some((n) => n.key === entity))
        .map(([entity, count]) => `${entity}=${count}`)
        .sort(),
    });
    expect(said(altShard).evidence.length).toBeGreaterThanOrEqual(3);
    expect(said(union).evidence.length).toBeGreaterThanOrEqual(3);
    expect(said(altShard).evidence).not.toEqual(said(union).evidence);

    // Reference: the wrong text exported, then the union (which replaces it).
    await db.clear();
    await exportToNeo4j(altShard, options());
    await exportToNeo4j(union, options());
    const expected = await dumpGraph(db.driver);

    for (let round = 0; round < 3; round++) {
      await db.clear();
      const summaries = await exportShardsConcurrently([0, 1, 2, 3], [7, 13, 25, 50].map((n) => n + round), shards);
      const state = await stored();
      if (state.sha === null) {
        // Marked as changed, and reported by the export that found the other text.
        expect(summaries.some((s) => s.conflictingArticles > 0)).toBe(true);
      } else {
        // A sha256 stored means: all of the article's evidence and mentions come from that text.
        expect(texts.has(state.sha)).toBe(true);
        expect({ evidence: state.evidence, mentions: state.mentions }).toEqual(said(texts.get(state.sha)!));
      }
      // Shard k corrected, all four exported again at once: the graph of the union (over what the wrong text left).
      await exportShardsConcurrently([3, 1, 0, 2], [11, 11, 11, 11]);
      expect(diffDumps(await dumpGraph(db.driver), expected), `round ${round}, ${state.sha === null ? "marked as changed" : "no mixture"}`).toEqual([]);
      expect((await stored()).sha).toBe(byId.get(x)!.article.sha256);
    }
  });

  describe("through the CLI", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "kg-shards-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test("four `kg export neo4j` processes at once end with exactly the graph of one export of the union, and again on a re-run", { timeout: 600_000 }, async () => {
      const files = shardGraphs.map((graph, s) => {
        const file = join(dir, `shard-${s}.json`);
        writeFileSync(file, JSON.stringify(graph));
        return file;
      });
      const env = {
        NEO4J_URI: db.uri,
        ...(db.credentials.username ? { NEO4J_USERNAME: db.credentials.username } : {}),
        ...(db.credentials.password ? { NEO4J_PASSWORD: db.credentials.password } : {}),
      };
      const exportAll = async (batchSizes: number[]) => {
        const results = await Promise.all(files.map((file, s) => kgAsync(["export", "neo4j", file, "--batch-size", String(batchSizes[s])], { env })));
        for (const r of results) expect(r.stderr).toMatch(/Neo4j: wrote \d+ articles/);
        expect(results.map((r) => r.status)).toEqual([0, 0, 0, 0]);
      };

      const expected = await reference();
      await db.clear();
      await exportAll([10, 20, 15, 5]);
      expect(diffDumps(await dumpGraph(db.driver), expected), "first run").toEqual([]);
      await exportAll([5000, 5000, 5000, 5000]);
      expect(diffDumps(await dumpGraph(db.driver), expected), "re-run").toEqual([]);
    });

    test("the README recipe: `kg extract` per shard, four `kg export neo4j shard-k.jsonl` at once = one export of `kg extract` over the union, and again on a re-run", { timeout: 600_000 }, async () => {
      // Each shard's articles as a JSONL of {id, text} in the temporary folder
      // (ids as in the rest of this file), extracted by the CLI.
      const texts = new Map(corpusInputs().map((input) => [input.id, input.text]));
      const articlesFile = (name: string, ids: readonly string[]) => {
        const file = join(dir, `${name}-articles.jsonl`);
        writeFileSync(file, ids.map((id) => JSON.stringify({ id, text: texts.get(id) })).join("\n") + "\n");
        return file;
      };
      const extract = async (name: string, ids: readonly string[]) => {
        const out = join(dir, `${name}.jsonl`);
        const r = await kgAsync(["extract", articlesFile(name, ids), "-o", out, "--no-cache", "--quiet", "--workers", "1"]);
        expect(r.status, r.stderr).toBe(0);
        return out;
      };
      const [union, ...shards] = await Promise.all([extract("union", [...texts.keys()]), ...shardIds.map((ids, s) => extract(`shard-${s}`, ids))]);
      // An article's triples are the same whichever shard extracts it.
      const lines = (file: string) => readFileSync(file, "utf8").split("\n").filter((line) => line !== "");
      expect(new Set(shards.flatMap(lines))).toEqual(new Set(lines(union!)));

      const env = {
        NEO4J_URI: db.uri,
        ...(db.credentials.username ? { NEO4J_USERNAME: db.credentials.username } : {}),
        ...(db.credentials.password ? { NEO4J_PASSWORD: db.credentials.password } : {}),
      };
      const exportTriples = async (files: string[], batchSizes: number[]) => {
        const results = await Promise.all(files.map((file, s) => kgAsync(["export", "neo4j", file, "--batch-size", String(batchSizes[s])], { env })));
        for (const r of results) expect(r.stderr).toMatch(/Neo4j: wrote \d+ articles/);
        expect(results.map((r) => r.status)).toEqual(files.map(() => 0));
      };

      await db.clear();
      await exportTriples([union!], [5000]);
      const expected = await dumpGraph(db.driver);
      expect(dumpSize(expected).relationships).toBeGreaterThan(100);
      // Every article with a triple, with its stand-in sha256 (articles that yield no triple are not in the files).
      const withTriples = new Set(lines(union!).map((line) => (JSON.parse(line) as { evidence: { article: string } }).evidence.article));
      expect(withTriples.size).toBeGreaterThan(10);
      const articles = await db.query<{ n: number }>("MATCH (a:Article) WHERE a.sha256 =~ '[0-9a-f]{64}' RETURN count(a) AS n");
      expect(articles[0]!.n).toBe(withTriples.size);

      await db.clear();
      await exportTriples(shards, [10, 20, 15, 5]);
      expect(diffDumps(await dumpGraph(db.driver), expected), "first run").toEqual([]);
      await exportTriples(shards, [5000, 5000, 5000, 5000]);
      expect(diffDumps(await dumpGraph(db.driver), expected), "re-run").toEqual([]);
      // Several triple files (overlapping) given to one export: one export of their union.
      await db.clear();
      const r = await kgAsync(["export", "neo4j", ...shards], { env });
      expect(r.status, r.stderr).toBe(0);
      expect(diffDumps(await dumpGraph(db.driver), expected), "one export of the four files").toEqual([]);
    });
  });
});

describe("races, one at a time", () => {
  test("a changed article stripped while six other exports add evidence to the same relationships: nothing lost, nothing fails", { timeout: 300_000 }, async () => {
    // x.txt (version 1) is the only evidence of 30 relationships. Version 2 of
    // x.txt says nothing about them: exporting it strips them and deletes them,
    // while six other exports, one row a transaction, add their own articles'
    // evidence to the very same relationships. Version 2 starts when the
    // others are writing relationships.
    const people = Array.from({ length: 31 }, (_, i) => `person:p${String(i).padStart(2, "0")}`);
    const graph = (article: string, sha256: string, related: boolean) => {
      const g = createTestGraph(article);
      for (const id of people) addEntity(g, id, { label: id.toUpperCase(), type: "Person" });
      addArticle(g, { id: article, sha256, mentions: { [people[0]!]: 1 } });
      if (related) {
        for (let i = 0; i < 30; i++) {
          addRelation(g, people[i]!, "meet", people[i + 1]!, [{ article, text: `${article} sentence ${i}.`, start: i * 40, end: i * 40 + 20, confidence: 0.5 }]);
        }
      }
      return serialize(g);
    };
    const xV1 = graph("x.txt", "sha-x-1", true);
    const xV2 = graph("x.txt", "sha-x-2", false);
    const others = Array.from({ length: 6 }, (_, k) => graph(`y${k}.txt`, `sha-y${k}`, true));
    const all = others.map((_, k) => `y${k}.txt`);

    for (let round = 0; round < 6; round++) {
      await db.clear();
      await exportToNeo4j(xV1, options());
      let strip: Promise<Neo4jExportSummary> | undefined;
      const startStrip = ({ step, done }: { step: string; done: number }) => {
        if (step === "relations" && done >= 2 + round) strip ??= exportToNeo4j(xV2, options({ batchSize: 1 }));
      };
      await Promise.all(others.map((g, k) => exportToNeo4j(g, options({ batchSize: 1, ...(k === 0 ? { onProgress: startStrip } : {}) }))));
      expect((await strip)?.replacedArticles).toBe(1);
      const relations = await db.query<{ articles: string[]; count: number }>("MATCH (:Entity)-[r:MEET]->(:Entity) RETURN r.articles AS articles, r.count AS count, r.evidence[0] AS first ORDER BY first");
      const wrong = relations.filter((r) => r.count !== all.length || JSON.stringify(r.articles) !== JSON.stringify(all));
      expect({ round, relations: relations.length, wrong }).toEqual({ round, relations: 30, wrong: [] });
    }
    // Whether the race is hit depends on timing: a writer's MERGE matching a
    // relationship the strip then deletes, and its batch run again (before that
    // was detected, this lost a writer's evidence: counts of 5 instead of 6).
    // It happened in 5 rounds of 6 on a busy 2-core machine and in none on a
    // quiet one, so the test asserts the outcome (nothing lost), not the race.
  });

  test("an entity two shards spell differently is spelt as in its first article, whichever export writes last", async () => {
    // As buildGraph names it in the graph of both shards; found on the BBC
    // corpus ("World Cross-Country Championships" / "World Cross Country Championships"),
    // where the name used to be that of the export that wrote last.
    const shard = (article: string, name: string) => {
      const g = createTestGraph(article);
      addArticle(g, { id: article, sha256: `sha-${article}`, mentions: { "event:wcc": 1 } });
      addEntity(g, "event:wcc", { label: name, type: "Event", aliases: [name], mentions: 1, articles: [article] });
      return serialize(g);
    };
    const first = shard("a.txt", "World Cross-Country Championships");
    const second = shard("b.txt", "World Cross Country Championships");
    for (const order of [[first, second], [second, first]]) {
      await db.clear();
      for (const g of order) await exportToNeo4j(g, options());
      expect(await db.query("MATCH (e:Entity) RETURN e.name AS name, e.nameArticle AS nameArticle, e.aliases AS aliases")).toEqual([
        { name: "World Cross-Country Championships", nameArticle: "a.txt", aliases: ["World Cross Country Championships", "World Cross-Country Championships"] },
      ]);
    }
  });

  test("a deadlock between two write transactions is retried by executeWrite", async () => {
    await db.clear();
    await db.query("CREATE (:Probe {id: 'a'}), (:Probe {id: 'b'})");
    // The exporter's own driver settings (connection.ts).
    const driver = openDriver(options());
    const codes: string[] = [];
    let attempts = 0;
    let arrived = 0;
    let bothLocked!: () => void;
    const barrier = new Promise<void>((resolve) => (bothLocked = resolve));
    // Each transaction locks one node, waits until the other holds its own, then
    // asks for the other's: one of them closes the cycle and Neo4j kills it.
    const lockBoth = (first: string, second: string) => {
      const session = driver.session();
      return session
        .executeWrite(async (tx) => {
          const attempt = ++attempts;
          await tx.run("MATCH (n:Probe {id: $id}) SET n.by = $by", { id: first, by: first });
          if (attempt <= 2 && ++arrived === 2) bothLocked();
          if (attempt <= 2) await barrier;
          try {
            await tx.run("MATCH (n:Probe {id: $id}) SET n.by = $by", { id: second, by: first });
          } catch (error) {
            codes.push((error as { code: string }).code);
            throw error;
          }
        })
        .finally(() => session.close());
    };
    try {
      await Promise.all([lockBoth("a", "b"), lockBoth("b", "a")]);
    } finally {
      await driver.close();
    }
    expect(codes).toEqual(["Neo.TransientError.Transaction.DeadlockDetected"]);
    // Two first attempts and the retry of the one that was killed.
    expect(attempts).toBe(3);
    const nodes = await db.query("MATCH (n:Probe) RETURN n.id AS id, n.by AS by ORDER BY id");
    expect(nodes.map((n) => n.id)).toEqual(["a", "b"]);
  });
});
