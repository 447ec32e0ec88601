/**
 * `kg graph from-neo4j`: the step after a distributed ingest. Workers write
 * slices of the graph and leave entity metrics alone; this reads the whole
 * stored graph, computes degree, PageRank, communities and the layout as
 * `kg build` does, writes the viewer's graph.json, and with --write-metrics
 * stores the metrics back on the entities.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { info } from "../log.ts";

export interface FromNeo4jOptions {
  output: string;
  writeMetrics?: boolean;
  database?: string;
}

export async function graphFromNeo4jCommand(opts: FromNeo4jOptions): Promise<number> {
  const { openDriver, checkConnection, readGraph, writeMetrics, toExportError, displayUri } = await import("newskg-graph/neo4j");
  const { applyLayout, computeMetrics, toJSON } = await import("newskg-graph");
  const uri = process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687";
  const database = opts.database ?? process.env.NEO4J_DATABASE;
  const connection = {
    uri,
    ...(process.env.NEO4J_USERNAME ? { username: process.env.NEO4J_USERNAME } : {}),
    ...(process.env.NEO4J_PASSWORD ? { password: process.env.NEO4J_PASSWORD } : {}),
    ...(database ? { database } : {}),
  };
  const driver = openDriver(connection);
  try {
    await checkConnection(driver, connection);
    const started = Date.now();
    const graph = await readGraph(driver, { database });
    info(`Neo4j at ${displayUri(uri)}: read ${graph.getAttribute("articles").length} articles, ${graph.order} entities, ${graph.size} relations in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    computeMetrics(graph);
    applyLayout(graph);
    await mkdir(dirname(opts.output), { recursive: true });
    await writeFile(opts.output, toJSON(graph));
    info(`graph with metrics and layout written to ${opts.output}`);
    if (opts.writeMetrics) {
      const written = await writeMetrics(driver, graph, { database });
      info(`Neo4j: degree, pagerank and community written for ${written} entities`);
    }
    return 0;
  } catch (error) {
    throw toExportError(error, connection);
  } finally {
    await driver.close();
  }
}
