/**
 * What a sink commit costs by batch size, alone (no concurrent commits): the first 1,000 BBC articles,
 * extracted in process, committed to an emptied Neo4j in batches of B through the worker's path
 * (graphFromTriples without metrics, the exporter's write with metrics kept), for several B. The mean
 * wall time of a commit against B gives the fixed and per-article parts of the model (queue-model.ts).
 */
import { extractArticle, type Triple } from "newskg-extract";
import neo4j from "neo4j-driver";
import { graphFromTriples, openNeo4jWriter } from "../../packages/graph/src/neo4j/index.ts";
import fitted from "newskg-extract/confidence.json" with { type: "json" };
import { readCorpus } from "./corpus.ts";

export interface CommitCost {
  batch: number;
  commits: number;
  meanMs: number;
}

export async function measureCommits(uri: string, sizes = [10, 50, 200, 1000], articles = 1000): Promise<CommitCost[]> {
  const corpus = (await readCorpus()).slice(0, articles);
  // What a worker commits at its default --min-confidence.
  const triples: Triple[][] = corpus.map((a) => extractArticle(a).triples.filter((t) => t.confidence >= fitted.threshold));
  // Credentials from the environment only, as kg export neo4j takes them.
  const username = process.env.NEO4J_USERNAME;
  const password = process.env.NEO4J_PASSWORD;
  const driver = neo4j.driver(uri, username || password ? neo4j.auth.basic(username ?? "neo4j", password ?? "") : undefined);
  const writer = await openNeo4jWriter({ uri, username, password });
  // CALL … IN TRANSACTIONS runs only in an implicit (auto-commit) transaction: session.run, not executeQuery.
  const clear = async () => {
    const session = driver.session();
    try {
      await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
    } finally {
      await session.close();
    }
  };
  const pass = async (batch: number): Promise<CommitCost> => {
    await clear();
    let ms = 0;
    let commits = 0;
    for (let i = 0; i < triples.length; i += batch) {
      const graph = graphFromTriples(triples.slice(i, i + batch).flat(), { metrics: false });
      const t = performance.now();
      await writer.write(graph, { metrics: "keep" });
      ms += performance.now() - t;
      commits++;
    }
    return { batch, commits, meanMs: ms / commits };
  };
  try {
    await pass(articles); // relationship types and the JVM's warm-up, not counted
    const out: CommitCost[] = [];
    for (const batch of sizes) out.push(await pass(batch));
    return out;
  } finally {
    await writer.close();
    await driver.close();
  }
}
