/**
 * `pnpm bench:neo4j`: exports the graph of the BBC corpus into a real Neo4j
 * twice: batched (UNWIND, the exporter's default rows a transaction, as users run
 * it) and one MERGE query per relationship. Reports relationships per second
 * for both and the ratio. Uses NEO4J_URI if set, else starts the embedded
 * Neo4j of scripts/neo4j.
 *
 * First of all, the whole export into the empty database of a just-started
 * Neo4j (no plan cached, no statistics): the first export a user runs, reported
 * on its own (`coldExportSeconds`), as the best-of-three figures hide it.
 */
import neo4j, { type Session } from "neo4j-driver";
import { DEFAULT_BATCH_SIZE, exportToNeo4j, toRows } from "newskg-graph/neo4j";
import { relationParams } from "../../packages/graph/src/neo4j/rows.ts";
import { UPSERT_ARTICLES, UPSERT_ENTITIES, UPSERT_MENTIONS, UPSERT_RELATIONS, writeBatches } from "../../packages/graph/src/neo4j/upsert.ts";
import { ensureSchema } from "../../packages/graph/src/neo4j/schema.ts";
import { startNeo4j } from "../neo4j/start.mjs";
import { corpusGraph, machine, readCorpus } from "./corpus.ts";

export interface Neo4jBench {
  /** Seconds of each batched run; the best is reported. */
  batchedRuns: number[];
  relations: number;
  entities: number;
  mentions: number;
  /** The whole `kg export neo4j` of the graph into an empty database, once warm. */
  exportSeconds: number;
  /** The same, first thing after Neo4j started (with NEO4J_URI: after emptying it; its plans may be cached). */
  coldExportSeconds: number;
  batchedSeconds: number;
  perRowSeconds: number;
  batchedPerSecond: number;
  perRowPerSecond: number;
  ratio: number;
}

export async function benchNeo4j(log: (s: string) => void = console.error): Promise<Neo4jBench> {
  const server = process.env.NEO4J_URI ? undefined : await startNeo4j({ log: () => {} });
  const uri = process.env.NEO4J_URI ?? server!.uri;
  const driver = neo4j.driver(uri, process.env.NEO4J_USERNAME ? neo4j.auth.basic(process.env.NEO4J_USERNAME, process.env.NEO4J_PASSWORD ?? "") : undefined);
  try {
    log("building the BBC graph …");
    const { graph } = await corpusGraph(await readCorpus(), false);
    const serialized = graph.export();
    const rows = toRows(serialized);
    const relations = rows.relations.map(relationParams);
    const wipe = async () => {
      const session = driver.session();
      try {
        await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
      } finally {
        await session.close();
      }
    };

    // Both runs write the same nodes and mentions the same (batched, untimed) and
    // then time the relationships alone: batched UNWIND vs one MERGE query each.
    const prepare = async (session: Session) => {
      await wipe();
      await ensureSchema(session);
      for (const [statement, list] of [[UPSERT_ARTICLES, rows.articles], [UPSERT_ENTITIES, rows.entities], [UPSERT_MENTIONS, rows.mentions]] as const) {
        await writeBatches(session, statement, list as never, { batchSize: 1000 });
      }
    };
    const session = driver.session();
    let batchedSeconds: number;
    let batchedRunsOut: number[] = [];
    let perRowSeconds: number;
    let exportSeconds: number;
    let coldExportSeconds: number;
    try {
      await wipe();
      log("the first export into an empty, just-started Neo4j …");
      let t = performance.now();
      await exportToNeo4j(serialized, { uri, ...(process.env.NEO4J_USERNAME ? { username: process.env.NEO4J_USERNAME, password: process.env.NEO4J_PASSWORD ?? "" } : {}) });
      coldExportSeconds = (performance.now() - t) / 1000;

      // Warm-up: query plans cached and the JIT warm for both runs alike.
      await prepare(session);
      await writeBatches(session, UPSERT_RELATIONS, relations.slice(0, 500) as never, { batchSize: 100 });
      for (const row of relations.slice(500, 1000)) await session.executeWrite((tx) => tx.run(UPSERT_RELATIONS, { rows: [row] }));

      // Best of three: the first run after a bulk load can include Neo4j re-planning
      // for the new statistics, which is not the cost of batching.
      batchedSeconds = Infinity;
      const batchedRuns: number[] = [];
      for (let run = 1; run <= 3; run++) {
        await prepare(session);
        log(`batched, run ${run}: ${relations.length} relationships …`);
        t = performance.now();
        await writeBatches(session, UPSERT_RELATIONS, relations as never, { batchSize: DEFAULT_BATCH_SIZE });
        batchedRuns.push((performance.now() - t) / 1000);
        batchedSeconds = Math.min(...batchedRuns);
      }
      batchedRunsOut = batchedRuns;

      await prepare(session);
      log("one MERGE query per relationship …");
      t = performance.now();
      for (const row of relations) await session.executeWrite((tx) => tx.run(UPSERT_RELATIONS, { rows: [row] }));
      perRowSeconds = (performance.now() - t) / 1000;

      await wipe();
      log("the whole export, as kg export neo4j runs it …");
      t = performance.now();
      await exportToNeo4j(serialized, { uri, ...(process.env.NEO4J_USERNAME ? { username: process.env.NEO4J_USERNAME, password: process.env.NEO4J_PASSWORD ?? "" } : {}) });
      exportSeconds = (performance.now() - t) / 1000;
    } finally {
      await session.close();
    }
    const n = rows.relations.length;
    return { batchedRuns: batchedRunsOut, relations: n, entities: rows.entities.length, mentions: rows.mentions.length, exportSeconds, coldExportSeconds, batchedSeconds, perRowSeconds, batchedPerSecond: n / batchedSeconds, perRowPerSecond: n / perRowSeconds, ratio: perRowSeconds / batchedSeconds };
  } finally {
    await driver.close();
    await server?.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchNeo4j();
  console.log(`machine        ${await machine()}`);
  console.log(`relationships  ${r.relations.toLocaleString("en")}`);
  console.log(`batched        ${r.batchedSeconds.toFixed(2)} s  (${Math.round(r.batchedPerSecond).toLocaleString("en")} relationships/s, ${DEFAULT_BATCH_SIZE.toLocaleString("en")} a transaction; best of ${r.batchedRuns.map((x) => x.toFixed(2)).join(", ")} s)`);
  console.log(`one per query  ${r.perRowSeconds.toFixed(2)} s  (${Math.round(r.perRowPerSecond).toLocaleString("en")} relationships/s)`);
  console.log(`ratio          ${r.ratio.toFixed(1)}x`);
  console.log(`first export   ${r.coldExportSeconds.toFixed(2)} s (into an empty database, first thing after Neo4j started)`);
  console.log(`whole export   ${r.exportSeconds.toFixed(2)} s (warm) for ${r.entities.toLocaleString("en")} entities, ${r.mentions.toLocaleString("en")} mentions, ${r.relations.toLocaleString("en")} relationships`);
}
