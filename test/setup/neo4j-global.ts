/**
 * vitest globalSetup: makes a Neo4j available to test files.
 * - NEO4J_URI set: that server is used (NEO4J_USERNAME / NEO4J_PASSWORD for
 *   the login). The tests delete everything in it, so it must be empty at the
 *   start unless NEO4J_TEST_ALLOW_WIPE=1.
 * - otherwise the embedded Neo4j of scripts/neo4j is started (built with Maven
 *   the first time), lazily: only when a test file asks for it.
 * Test files reach it through test/helpers/neo4j.ts, which finds the
 * coordinator with inject("neo4jCoordinator"): provide/inject is serialised
 * to every worker, whatever the pool, unlike module state of this file.
 */
import type { TestProject } from "vitest/node";
import { startNeo4j, type StartedNeo4j } from "../../scripts/neo4j/start.mjs";
import { neo4j } from "../../packages/graph/src/neo4j/testing.ts";
import { startCoordinator } from "./neo4j-coordinator.ts";
import type { Neo4jServerInfo } from "./neo4j-context.ts";

async function checkExternalIsScratch(uri: string): Promise<void> {
  if (process.env.NEO4J_TEST_ALLOW_WIPE === "1") return;
  const { NEO4J_USERNAME: username, NEO4J_PASSWORD: password } = process.env;
  const auth = username || password ? neo4j.auth.basic(username ?? "neo4j", password ?? "") : undefined;
  const driver = neo4j.driver(uri, auth);
  try {
    const { records } = await driver.executeQuery("MATCH (n) RETURN count(n) > 0 AS hasData");
    if (records[0]?.get("hasData") === true) {
      throw new Error(
        `NEO4J_URI=${uri} holds data and the Neo4j tests delete everything in it. ` +
          "Point NEO4J_URI at a scratch database, unset it to let the tests start their own, or set NEO4J_TEST_ALLOW_WIPE=1.",
      );
    }
  } finally {
    await driver.close();
  }
}

export default async function setup(project: TestProject) {
  let started: StartedNeo4j | undefined;
  const coordinator = await startCoordinator(async (): Promise<Neo4jServerInfo> => {
    const external = process.env.NEO4J_URI;
    if (external) {
      await checkExternalIsScratch(external);
      return { uri: external, external: true };
    }
    const t0 = Date.now();
    started = await startNeo4j({ port: 0 });
    console.log(`[neo4j] started ${started.uri} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return { uri: started.uri, external: false };
  });
  project.provide("neo4jCoordinator", coordinator.url);

  return async () => {
    await coordinator.close();
    await started?.stop();
  };
}
