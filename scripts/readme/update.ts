/**
 * `pnpm readme:queries`: exports the seed graph into a Neo4j (NEO4J_URI, or
 * the embedded one started here), runs every query of the README and writes
 * the results into its tables.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import { exportToNeo4j } from "newskg-graph/neo4j";
import { startNeo4j } from "../neo4j/start.mjs";
import { repoRoot } from "../../packages/extract/src/bench/paths.ts";
import { parseReadmeQueries, replaceTables, runAsTable } from "./queries.ts";
import { seedGraph } from "./seed-graph.ts";

const server = process.env.NEO4J_URI ? undefined : await startNeo4j({ log: () => {} });
const uri = process.env.NEO4J_URI ?? server!.uri;
const driver = neo4j.driver(uri);
try {
  await driver.executeQuery("MATCH (n) DETACH DELETE n");
  await exportToNeo4j(seedGraph(), { uri });
  const path = join(repoRoot(), "README.md");
  const readme = readFileSync(path, "utf8");
  const queries = parseReadmeQueries(readme);
  const tables: string[] = [];
  for (const q of queries) tables.push(await runAsTable(driver, q.query));
  writeFileSync(path, replaceTables(readme, queries, tables));
  console.error(`README: ${queries.length} query results written`);
} finally {
  await driver.close();
  await server?.stop();
}
