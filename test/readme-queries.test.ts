/**
 * The README's example Cypher queries run against the graph of the seed
 * articles exported into the test Neo4j, and return what the README shows.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { exportToNeo4j } from "../packages/graph/src/neo4j/index.ts";
import { parseReadmeQueries, runAsTable } from "../scripts/readme/queries.ts";
import { seedGraph } from "../scripts/readme/seed-graph.ts";
import { repoRoot } from "./helpers/kg.ts";
import { useNeo4j } from "./helpers/neo4j.ts";

const db = useNeo4j();
const queries = parseReadmeQueries(readFileSync(join(repoRoot, "README.md"), "utf8"));

describe("README Cypher examples", () => {
  test("there are at least eight of them", () => {
    expect(queries.length).toBeGreaterThanOrEqual(8);
  });

  test.each(queries.map((q, i) => [i + 1, q.query.split("\n")[0], q] as const))("query %i (%s) returns the table the README shows", async (_n, _first, q) => {
    await exportToNeo4j(seedGraph(), { uri: db.uri, ...db.credentials });
    expect(await runAsTable(db.driver, q.query)).toBe(q.table);
  });

  test("exporting the seed graph twice changes no count and no property", async () => {
    const snapshot = async () => (await db.driver.executeQuery("MATCH (n) OPTIONAL MATCH (n)-[r]->(m) RETURN n.id AS id, properties(n) AS n, type(r) AS t, properties(r) AS r, m.id AS m ORDER BY id, t, m")).records.map((r) => JSON.stringify(r.toObject()));
    await exportToNeo4j(seedGraph(), { uri: db.uri, ...db.credentials });
    const once = await snapshot();
    await exportToNeo4j(seedGraph(), { uri: db.uri, ...db.credentials });
    expect(await snapshot()).toEqual(once);
  });
});
