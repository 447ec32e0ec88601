/**
 * The Neo4j exporter against a real Neo4j (the embedded one of scripts/neo4j,
 * started by test/setup/neo4j-global.ts, or NEO4J_URI).
 */
import net from "node:net";
import { describe, expect, test } from "vitest";
import { exportToNeo4j, Neo4jExportError, type Neo4jExportOptions } from "../packages/graph/src/neo4j/index.ts";
import {
  addArticle,
  addEntity,
  addRelation,
  createTestGraph,
  serialize,
  type TestGraph,
} from "../packages/graph/src/neo4j/testing.ts";
import type { EvidenceItem } from "../packages/graph/src/types.ts";
import { startNeo4j } from "../scripts/neo4j/start.mjs";
import { useNeo4j } from "./helpers/neo4j.ts";

const db = useNeo4j();
const options = (extra: Partial<Neo4jExportOptions> = {}): Neo4jExportOptions => ({ uri: db.uri, ...db.credentials, ...extra });

const PUTIN = "person:vladimir-putin";
const XI = "person:xi-jinping";
const KREMLIN = "organization:kremlin";
const MOSCOW = "location:moscow";

function evidence(article: string, text: string, start: number, extra: Partial<EvidenceItem> = {}): EvidenceItem {
  return { article, text, start, end: start + text.length, confidence: 0.8, ...extra };
}

/** How kg extract classes "Putin met Xi": CAMEO 040, consult. */
const MET = { polarity: "positive", modality: "asserted", relation: "CONSULT", relationGroup: "cooperation", cameo: "040", goldstein: 1 } as const;

/** Two articles, four entities of three types, three relations. */
function newsGraph(): TestGraph {
  const g = createTestGraph("news");
  addArticle(g, { id: "a1.txt", title: "Summit", date: "2024-03-01", source: "wire", sha256: "sha-a1", mentions: { [PUTIN]: 3, [XI]: 2, [MOSCOW]: 1 } });
  addArticle(g, { id: "a2.txt", title: "Kremlin", date: "2024-03-05", sha256: "sha-a2", mentions: { [PUTIN]: 1, [XI]: 1, [KREMLIN]: 2 } });
  addEntity(g, PUTIN, { label: "Vladimir Putin", type: "Person", aliases: ["Putin", "Vladimir Putin"], mentions: 4, firstSeen: "2024-03-01", lastSeen: "2024-03-05", pagerank: 0.4, community: 1 });
  addEntity(g, XI, { label: "Xi Jinping", type: "Person", aliases: ["Xi", "Xi Jinping"], mentions: 3, firstSeen: "2024-03-01", lastSeen: "2024-03-05", pagerank: 0.3, community: 1 });
  addEntity(g, KREMLIN, { label: "Kremlin", type: "Organization", mentions: 2, firstSeen: "2024-03-05", lastSeen: "2024-03-05", pagerank: 0.2, community: 2 });
  addEntity(g, MOSCOW, { label: "Moscow", type: "Location", mentions: 1, firstSeen: "2024-03-01", lastSeen: "2024-03-01", pagerank: 0.1, community: 2 });
  addRelation(g, PUTIN, "meet", XI, [
    evidence("a1.txt", "Putin met Xi in Moscow on Monday.", 120, { date: "2024-02-26", surface: "met", confidence: 0.9 }),
    evidence("a2.txt", "Xi was met by Putin.", 40, { surface: "was met", confidence: 0.5 }),
    evidence("a1.txt", "Putin met Xi again on Tuesday.", 300, { date: "2024-02-27", surface: "met", confidence: 0.6 }),
  ], MET);
  addRelation(g, PUTIN, "leader_of", KREMLIN, [evidence("a2.txt", "Putin, who leads the Kremlin, said.", 0, { surface: "leads" })]);
  addRelation(g, XI, "visit", MOSCOW, [evidence("a1.txt", "Xi visited Moscow.", 10, { surface: "visited", date: "2024-02-26" })]);
  return g;
}

interface Snapshot {
  nodes: Array<{ labels: string[]; props: Record<string, unknown> }>;
  relationships: Array<{ from: string; type: string; to: string; props: Record<string, unknown> }>;
}

/** Everything in the database, in a stable order, for equality checks. */
async function snapshot(): Promise<Snapshot> {
  const nodes = await db.query<Snapshot["nodes"][number]>(
    "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id",
  );
  for (const node of nodes) node.labels.sort();
  const relationships = await db.query<Snapshot["relationships"][number]>(
    "MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to, r.predicate",
  );
  return { nodes, relationships };
}

async function relation(from: string, type: string, to: string) {
  const rows = await db.query<{ props: Record<string, unknown> }>(
    "MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to}) WHERE type(r) = $type RETURN properties(r) AS props",
    { from, to, type },
  );
  expect(rows).toHaveLength(1);
  return rows[0]!.props;
}

describe("the model", () => {
  test("articles, typed entities, MENTIONS and relations named after predicates", async () => {
    const summary = await exportToNeo4j(serialize(newsGraph()), options({ batchSize: 2 }));
    expect(summary).toMatchObject({ articles: 2, entities: 4, mentions: 6, relations: 3, replacedArticles: 0, pruned: 0 });

    const constraints = await db.query<{ labels: string[]; properties: string[] }>(
      "SHOW CONSTRAINTS YIELD labelsOrTypes AS labels, properties, type WHERE type = 'UNIQUENESS' RETURN labels, properties ORDER BY labels[0]",
    );
    expect(constraints).toEqual([
      { labels: ["Article"], properties: ["id"] },
      { labels: ["Entity"], properties: ["id"] },
    ]);

    const articles = await db.query("MATCH (a:Article) RETURN properties(a) AS p ORDER BY a.id");
    expect(articles.map((r) => r.p)).toEqual([
      { id: "a1.txt", title: "Summit", date: "2024-03-01", source: "wire", sha256: "sha-a1" },
      { id: "a2.txt", title: "Kremlin", date: "2024-03-05", sha256: "sha-a2" },
    ]);

    const labels = await db.query("MATCH (e:Entity) RETURN e.id AS id, labels(e) AS labels ORDER BY id");
    expect(labels).toEqual([
      { id: MOSCOW, labels: ["Entity", "Location"] },
      { id: KREMLIN, labels: ["Entity", "Organization"] },
      { id: PUTIN, labels: ["Entity", "Person"] },
      { id: XI, labels: ["Entity", "Person"] },
    ]);
    const [putin] = await db.query("MATCH (e:Person {id: $id}) RETURN properties(e) AS p", { id: PUTIN });
    expect(putin!.p).toEqual({
      id: PUTIN,
      name: "Vladimir Putin",
      type: "Person",
      aliases: ["Putin", "Vladimir Putin"],
      mentions: 4,
      degree: 2,
      pagerank: 0.4,
      community: 1,
      firstSeen: "2024-03-01",
      lastSeen: "2024-03-05",
    });

    const mentions = await db.query("MATCH (a:Article)-[m:MENTIONS]->(e:Entity) RETURN a.id AS article, e.id AS entity, m.count AS count ORDER BY article, entity");
    expect(mentions).toEqual([
      { article: "a1.txt", entity: MOSCOW, count: 1 },
      { article: "a1.txt", entity: PUTIN, count: 3 },
      { article: "a1.txt", entity: XI, count: 2 },
      { article: "a2.txt", entity: KREMLIN, count: 2 },
      { article: "a2.txt", entity: PUTIN, count: 1 },
      { article: "a2.txt", entity: XI, count: 1 },
    ]);

    const types = await db.query("MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS type ORDER BY type");
    // Typed by relation class where the graph has one (CONSULT), else by predicate.
    expect(types.map((r) => r.type)).toEqual(["CONSULT", "LEADER_OF", "VISIT"]);

    expect(await relation(PUTIN, "CONSULT", XI)).toEqual({
      predicate: "meet",
      polarity: "positive",
      modality: "asserted",
      group: "cooperation",
      cameo: "040",
      goldstein: 1,
      // most frequent first
      surface: ["met", "was met"],
      evidence: ["Putin met Xi in Moscow on Monday.", "Putin met Xi again on Tuesday.", "Xi was met by Putin."],
      evidenceArticles: ["a1.txt", "a1.txt", "a2.txt"],
      evidenceStarts: [120, 300, 40],
      evidenceEnds: [153, 330, 60],
      evidenceDates: ["2024-02-26", "2024-02-27", ""],
      evidenceConfidences: [0.9, 0.6, 0.5],
      evidenceSurfaces: ["met", "met", "was met"],
      articles: ["a1.txt", "a2.txt"],
      dates: ["2024-02-26", "2024-02-27"],
      count: 3,
      confidence: 0.98,
    });
    // Same confidence as the graph's own noisy-or.
    expect(newsGraph().getEdgeAttribute(`${PUTIN}|meet|${XI}`, "confidence")).toBe(0.98);

    // Integers are stored as integers (the JS driver would send floats).
    const [kinds] = await db.query(
      `MATCH (a:Article)-[m:MENTIONS]->(e:Entity {id: $id})-[r:CONSULT]->()
       RETURN valueType(m.count) AS mention, valueType(e.degree) AS degree, valueType(e.mentions) AS mentions,
              valueType(r.count) AS count, valueType(r.evidenceStarts) AS starts, valueType(r.confidence) AS confidence, valueType(e.pagerank) AS pagerank
       LIMIT 1`,
      { id: PUTIN },
    );
    expect(kinds).toEqual({
      mention: "INTEGER NOT NULL",
      degree: "INTEGER NOT NULL",
      mentions: "INTEGER NOT NULL",
      count: "INTEGER NOT NULL",
      starts: "LIST<INTEGER NOT NULL> NOT NULL",
      confidence: "FLOAT NOT NULL",
      pagerank: "FLOAT NOT NULL",
    });

    // The parallel lists read back as one row per piece of evidence.
    const rows = await db.query(
      `MATCH (:Person {name: 'Vladimir Putin'})-[r:CONSULT]->(:Person {name: 'Xi Jinping'})
       UNWIND range(0, r.count - 1) AS i
       RETURN r.evidenceArticles[i] AS article, r.evidence[i] AS sentence ORDER BY article, sentence`,
    );
    expect(rows).toHaveLength(3);
    expect(rows[2]).toEqual({ article: "a2.txt", sentence: "Xi was met by Putin." });

    // No bookkeeping left behind.
    const [locks] = await db.query("MATCH (n) WHERE n._lock IS NOT NULL RETURN count(n) AS nodes");
    const [relLocks] = await db.query("MATCH ()-[r]->() WHERE r._lock IS NOT NULL RETURN count(r) AS relationships");
    expect({ ...locks, ...relLocks }).toEqual({ nodes: 0, relationships: 0 });
  });

  test("a meeting that did not happen is a relationship of its own beside the one that did, typed by its mode", async () => {
    const g = newsGraph();
    addRelation(g, PUTIN, "meet", XI, [evidence("a2.txt", "Putin did not meet Xi in Beijing.", 90, { surface: "did not meet" })], {
      polarity: "negative",
      modality: "asserted",
      relation: "UNREALISED",
      relationGroup: "other",
    });
    const summary = await exportToNeo4j(serialize(g), options());
    expect(summary.relations).toBe(4);
    const rows = await db.query(
      `MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to}) RETURN type(r) AS type, r.predicate AS predicate, r.polarity AS polarity, r.count AS count ORDER BY type`,
      { from: PUTIN, to: XI },
    );
    expect(rows).toEqual([
      { type: "CONSULT", predicate: "meet", polarity: "positive", count: 3 },
      { type: "UNREALISED", predicate: "meet", polarity: "negative", count: 1 },
    ]);
  });

  test("exporting the same graph twice changes nothing", async () => {
    const graph = serialize(newsGraph());
    await exportToNeo4j(graph, options());
    const first = await snapshot();
    const again = await exportToNeo4j(graph, options({ batchSize: 1 }));
    expect(again.replacedArticles).toBe(0);
    expect(await snapshot()).toEqual(first);
    expect(first.nodes).toHaveLength(6);
    expect(first.relationships).toHaveLength(9);
  });
});

describe("changed articles", () => {
  /** a1.txt rewritten: Putin now criticises Xi; the second meeting and the visit to Moscow are gone. */
  function rewrittenGraph(): TestGraph {
    const g = createTestGraph("news v2");
    addArticle(g, { id: "a1.txt", title: "Summit (updated)", date: "2024-03-01", sha256: "sha-a1-v2", mentions: { [PUTIN]: 2, [XI]: 2 } });
    addEntity(g, PUTIN, { label: "Vladimir Putin", type: "Person", mentions: 2 });
    addEntity(g, XI, { label: "Xi Jinping", type: "Person", mentions: 2 });
    addRelation(g, PUTIN, "meet", XI, [evidence("a1.txt", "Putin met Xi in Beijing.", 130, { surface: "met", confidence: 0.7 })], MET);
    addRelation(g, PUTIN, "criticise", XI, [evidence("a1.txt", "Putin criticised Xi.", 400, { surface: "criticised" })]);
    return g;
  }

  test("a new sha256 replaces the article's evidence and mentions, keeping other articles'", async () => {
    await exportToNeo4j(serialize(newsGraph()), options());
    const summary = await exportToNeo4j(serialize(rewrittenGraph()), options());
    expect(summary.replacedArticles).toBe(1);

    const meet = await relation(PUTIN, "CONSULT", XI);
    expect(meet).toMatchObject({
      evidence: ["Putin met Xi in Beijing.", "Xi was met by Putin."],
      evidenceArticles: ["a1.txt", "a2.txt"],
      evidenceStarts: [130, 40],
      evidenceDates: ["", ""],
      articles: ["a1.txt", "a2.txt"],
      dates: [],
      count: 2,
      surface: ["met", "was met"],
      confidence: 0.85,
    });
    expect(await relation(PUTIN, "CRITICISE", XI)).toMatchObject({ evidence: ["Putin criticised Xi."], count: 1 });
    // Only a1.txt supported the visit: the relation is gone. a2.txt's LEADER_OF stays.
    expect(await db.query("MATCH ()-[r:VISIT]->() RETURN r")).toEqual([]);
    expect(await relation(PUTIN, "LEADER_OF", KREMLIN)).toMatchObject({ articles: ["a2.txt"], count: 1 });

    const mentions = await db.query("MATCH (:Article {id: 'a1.txt'})-[m:MENTIONS]->(e) RETURN e.id AS id, m.count AS count ORDER BY id");
    expect(mentions).toEqual([
      { id: PUTIN, count: 2 },
      { id: XI, count: 2 },
    ]);
    const entityMentions = await db.query("MATCH (e:Entity) RETURN e.id AS id, e.mentions AS mentions ORDER BY id");
    expect(entityMentions).toEqual([
      { id: MOSCOW, mentions: 0 },
      { id: KREMLIN, mentions: 2 },
      { id: PUTIN, mentions: 3 },
      { id: XI, mentions: 3 },
    ]);
    const [article] = await db.query("MATCH (a:Article {id: 'a1.txt'}) RETURN a.sha256 AS sha, a.title AS title");
    expect(article).toEqual({ sha: "sha-a1-v2", title: "Summit (updated)" });

    // And it is idempotent too.
    const before = await snapshot();
    expect((await exportToNeo4j(serialize(rewrittenGraph()), options())).replacedArticles).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  test("prune removes entities no article mentions any more", async () => {
    await exportToNeo4j(serialize(newsGraph()), options());
    // Without prune, Moscow stays (mentioned by nobody, 0 mentions).
    await exportToNeo4j(serialize(rewrittenGraph()), options());
    expect(await db.query("MATCH (e:Entity {id: $id}) RETURN e.mentions AS m", { id: MOSCOW })).toEqual([{ m: 0 }]);

    const summary = await exportToNeo4j(serialize(rewrittenGraph()), options({ prune: true }));
    expect(summary.pruned).toBe(1);
    const ids = await db.query("MATCH (e:Entity) RETURN e.id AS id ORDER BY id");
    // The Kremlin is still mentioned by a2.txt.
    expect(ids.map((r) => r.id)).toEqual([KREMLIN, PUTIN, XI]);
  });

  test("an interrupted export, run again, ends exactly like an uninterrupted one", async () => {
    const v1 = serialize(newsGraph());
    const v2 = serialize(rewrittenGraph());
    const interrupt = async (graph: typeof v1, afterStep: string) => {
      const controller = new AbortController();
      const run = exportToNeo4j(graph, options({
        batchSize: 1,
        signal: controller.signal,
        onProgress: ({ step }) => {
          if (step === afterStep) controller.abort();
        },
      }));
      await expect(run).rejects.toMatchObject({ name: "Neo4jExportError", code: "ABORTED" });
    };

    // Reference: v1 then v2, uninterrupted.
    await exportToNeo4j(v1, options());
    const v1Snapshot = await snapshot();
    await exportToNeo4j(v2, options());
    const v2Snapshot = await snapshot();

    // Fresh export stopped after its first relation, then re-run.
    await db.clear();
    await interrupt(v1, "relations");
    await exportToNeo4j(v1, options());
    expect(await snapshot()).toEqual(v1Snapshot);

    // Update stopped half way, re-run: same as the clean update.
    await interrupt(v2, "relations");
    await exportToNeo4j(v2, options());
    expect(await snapshot()).toEqual(v2Snapshot);

    // Update stopped right after removing the old evidence, then the old text
    // exported again: back to exactly v1 (nothing of v2 left over).
    await db.clear();
    await exportToNeo4j(v1, options());
    await interrupt(v2, "clean");
    await exportToNeo4j(v1, options());
    expect(await snapshot()).toEqual(v1Snapshot);

    // Same, stopped after some of v2's relations were written.
    await interrupt(v2, "relations");
    await exportToNeo4j(v1, options());
    expect(await snapshot()).toEqual(v1Snapshot);
  });
});

test("text full of Cypher is stored literally and harms nothing", async () => {
  const predicate = "meet`]->(x) MATCH (n) DETACH DELETE n //";
  const name = "Robert'); MATCH (n) DETACH DELETE n; //\"}{`$x` \\u0027";
  const type = "Person`:Admin {x: 1}) DETACH DELETE n //";
  const evil = "person:evil'}) MATCH (n) DETACH DELETE n //";
  const g = createTestGraph();
  addArticle(g, { id: "x`.txt'}) //", title: "'); DROP CONSTRAINT kg_entity_id //", sha256: "s", mentions: { [evil]: 1, [PUTIN]: 1 } });
  addEntity(g, evil, { label: name, type: type as never, aliases: [name, "`", "{}"], mentions: 1 });
  addEntity(g, PUTIN, { label: "Vladimir Putin", type: "Person", mentions: 1 });
  addRelation(g, evil, predicate, PUTIN, [evidence("x`.txt'}) //", "MATCH (n) DETACH DELETE n", 0, { surface: "`}{//" })]);
  addRelation(g, PUTIN, "mentions", evil, [evidence("x`.txt'}) //", "Putin mentions Robert.", 50)]);

  await exportToNeo4j(serialize(g), options());

  const [entity] = await db.query("MATCH (e:Entity {id: $id}) RETURN labels(e) AS labels, properties(e) AS p", { id: evil });
  expect(entity!.labels).toEqual(["Entity", "Other"]);
  expect(entity!.p).toMatchObject({ name, type, aliases: ["Robert'); MATCH (n) DETACH DELETE n; //\"}{`$x` \\u0027", "`", "{}"].sort() });

  const relations = await db.query("MATCH (a)-[r]->(b) WHERE NOT a:Article RETURN a.id AS from, type(r) AS type, r.predicate AS predicate, r.evidence AS evidence, r.surface AS surface ORDER BY from");
  expect(relations).toEqual([
    { from: evil, type: "RELATED", predicate, evidence: ["MATCH (n) DETACH DELETE n"], surface: ["`}{//"] },
    // A predicate that would pass for the model's own MENTIONS falls back too.
    { from: PUTIN, type: "RELATED", predicate: "mentions", evidence: ["Putin mentions Robert."], surface: [] },
  ]);
  const [counts] = await db.query("MATCH (n) RETURN count(n) AS nodes, count{ MATCH (m) WHERE 'Admin' IN labels(m) } AS admins");
  expect(counts).toEqual({ nodes: 3, admins: 0 });
  expect(await db.query("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name")).toEqual([{ name: "kg_article_id" }, { name: "kg_entity_id" }]);
  const [article] = await db.query("MATCH (a:Article) RETURN a.id AS id, a.title AS title");
  expect(article).toEqual({ id: "x`.txt'}) //", title: "'); DROP CONSTRAINT kg_entity_id //" });
});

describe("shards", () => {
  /** A deterministic pseudo-random stream, so the shards are the same on every run. */
  function random(seed: number) {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  const PEOPLE = Array.from({ length: 6 }, (_, i) => `person:p${String(i).padStart(2, "0")}`);
  const PREDICATES = ["meet", "leader_of"];

  /** Articles `${prefix}0..n`; all shards draw their relations from the same few people, so they overlap a lot. */
  function shard(prefix: string, articles: number, seed: number): TestGraph {
    const next = random(seed);
    const g = createTestGraph(prefix);
    for (const id of PEOPLE) addEntity(g, id, { label: id.slice(7).toUpperCase(), type: "Person", aliases: [id.slice(7), `${prefix}-alias`] });
    for (let a = 0; a < articles; a++) {
      const article = `${prefix}${a}.txt`;
      const mentions: Record<string, number> = {};
      for (let k = 0; k < 6; k++) {
        const s = PEOPLE[Math.floor(next() * PEOPLE.length)]!;
        let o = PEOPLE[Math.floor(next() * PEOPLE.length)]!;
        if (o === s) o = PEOPLE[(PEOPLE.indexOf(s) + 1) % PEOPLE.length]!;
        const predicate = PREDICATES[Math.floor(next() * PREDICATES.length)]!;
        const start = k * 100;
        addRelation(g, s, predicate, o, [evidence(article, `Sentence ${k} of ${article}.`, start, { confidence: Math.round(next() * 100) / 100, surface: predicate })]);
        mentions[s] = (mentions[s] ?? 0) + 1;
        mentions[o] = (mentions[o] ?? 0) + 1;
      }
      addArticle(g, { id: article, date: `2024-01-${String(a + 1).padStart(2, "0")}`, sha256: `sha-${article}`, mentions });
    }
    g.forEachNode((id, attributes) => {
      attributes.mentions = g.getAttribute("articles").reduce((sum, article) => sum + (article.mentions[id] ?? 0), 0);
    });
    return g;
  }

  /** Both shards' articles in one graph: what the union must look like. */
  function combined(...graphs: TestGraph[]): TestGraph {
    const g = createTestGraph("combined");
    for (const id of PEOPLE) addEntity(g, id, { label: id.slice(7).toUpperCase(), type: "Person", aliases: [id.slice(7), ...graphs.map((s) => `${s.getAttribute("name")}-alias`)] });
    for (const s of graphs) {
      for (const article of s.getAttribute("articles")) addArticle(g, article);
      s.forEachEdge((_key, attributes, source, target) => addRelation(g, source, attributes.predicate, target, attributes.evidence));
    }
    g.forEachNode((id, attributes) => {
      attributes.mentions = g.getAttribute("articles").reduce((sum, article) => sum + (article.mentions[id] ?? 0), 0);
    });
    return g;
  }

  /** The parts of a snapshot that must merge: everything but the per-graph metrics. */
  async function mergedState() {
    const { nodes, relationships } = await snapshot();
    return {
      nodes: nodes.map(({ labels, props: { degree: _d, pagerank: _p, community: _c, ...props } }) => ({ labels, props })),
      relationships,
    };
  }

  const a = shard("a", 8, 1);
  const b = shard("b", 8, 2);

  test("the shards really overlap", () => {
    const keys = (g: TestGraph) => new Set(g.edges());
    const shared = [...keys(a)].filter((key) => keys(b).has(key));
    expect(shared.length).toBeGreaterThan(10);
  });

  test("two shards exported one after the other, or at the same time, end with the union", async () => {
    await exportToNeo4j(serialize(combined(a, b)), options());
    const expected = await mergedState();
    expect(expected.relationships.filter((r) => r.type !== "MENTIONS").every((r) => (r.props.count as number) >= 1)).toBe(true);

    await db.clear();
    await exportToNeo4j(serialize(a), options({ batchSize: 4 }));
    await exportToNeo4j(serialize(b), options({ batchSize: 4 }));
    expect(await mergedState()).toEqual(expected);

    await db.clear();
    await exportToNeo4j(serialize(b), options({ batchSize: 4 }));
    await exportToNeo4j(serialize(a), options({ batchSize: 4 }));
    expect(await mergedState()).toEqual(expected);

    // Concurrently, with small batches so the transactions interleave (and
    // deadlock now and then: executeWrite retries those).
    for (let round = 0; round < 3; round++) {
      await db.clear();
      await Promise.all([exportToNeo4j(serialize(a), options({ batchSize: 2 })), exportToNeo4j(serialize(b), options({ batchSize: 3 }))]);
      expect(await mergedState()).toEqual(expected);
    }
  });

  test("eight exports at once onto the same relations lose no evidence", async () => {
    // Every shard adds one piece of evidence to the same five relations, in the
    // same order, one row per transaction: the exports collide on every write.
    // Without the write lock taken before reading the lists (upsert.ts) this
    // loses evidence (seen while writing this test: counts 8,8,5,6,5).
    const shards = Array.from({ length: 8 }, (_, s) => {
      const g = createTestGraph(`s${s}`);
      for (let i = 0; i < 6; i++) addEntity(g, `person:p${i}`, { label: `P${i}`, type: "Person" });
      addArticle(g, { id: `s${s}.txt`, sha256: `sha-s${s}`, mentions: { "person:p0": 1 } });
      for (let i = 0; i < 5; i++) {
        addRelation(g, `person:p${i}`, "meet", `person:p${i + 1}`, [evidence(`s${s}.txt`, `Shard ${s} sentence ${i}.`, i * 50)]);
      }
      return serialize(g);
    });
    for (let round = 0; round < 2; round++) {
      await db.clear();
      await Promise.all(shards.map((g) => exportToNeo4j(g, options({ batchSize: 1 }))));
      const relations = await db.query<{ count: number; articles: string[] }>(
        "MATCH (:Entity)-[r:MEET]->(:Entity) RETURN r.count AS count, r.articles AS articles, size(r.evidence) AS evidence",
      );
      const all = shards.map((_, s) => `s${s}.txt`);
      expect(relations).toEqual(Array.from({ length: 5 }, () => ({ count: 8, articles: all, evidence: 8 })));
      expect(await db.query("MATCH (e:Entity {id: 'person:p0'}) RETURN e.mentions AS mentions")).toEqual([{ mentions: 8 }]);
    }
  });
});

describe("errors a user meets", () => {
  async function closedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }

  async function exportError(opts: Neo4jExportOptions): Promise<Neo4jExportError> {
    const error = await exportToNeo4j(serialize(newsGraph()), opts).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Neo4jExportError);
    return error as Neo4jExportError;
  }

  test("Neo4j not running", async () => {
    const port = await closedPort();
    const started = Date.now();
    const error = await exportError({ uri: `bolt://127.0.0.1:${port}` });
    expect(error.message).toBe(`Cannot reach Neo4j at bolt://127.0.0.1:${port}: connection refused. Is it running? (start one with: pnpm neo4j)`);
    // Fails at once instead of retrying for the driver's whole retry time.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test("unknown database", async () => {
    const error = await exportError(options({ database: "nope" }));
    expect(error.message).toBe(`Neo4j at ${db.uri} has no database "nope" (Community edition has only "neo4j"; leave the database option out or create it first).`);
  });

  test("wrong password, and a login missing, on a Neo4j with authentication", async () => {
    const secured = await startNeo4j({ password: "right-password-123" });
    try {
      const wrong = await exportError({ uri: secured.uri, username: "neo4j", password: "wrong-password-456" });
      expect(wrong.message).toBe(`Neo4j at ${secured.uri} rejected the login of user "neo4j": wrong username or password.`);
      expect(wrong.message).not.toContain("wrong-password-456");
      expect(String(wrong.stack)).not.toContain("wrong-password-456");

      const missing = await exportError({ uri: secured.uri });
      expect(missing.message).toBe(`Neo4j at ${secured.uri} requires a login: give a username and password.`);

      // And the right one works.
      const summary = await exportToNeo4j(serialize(newsGraph()), { uri: secured.uri, username: "neo4j", password: "right-password-123" });
      expect(summary.relations).toBe(3);
    } finally {
      await secured.stop();
    }
  });

  test("an invalid URI", async () => {
    const error = await exportError({ uri: "http://127.0.0.1:7474" });
    expect(error.message).toMatch(/^Invalid Neo4j URI "http:\/\/127\.0\.0\.1:7474": /);
  });
});
