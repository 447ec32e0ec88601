/**
 * What a test file needs to use the Neo4j of the global setup:
 *
 *   const db = useNeo4j();          // at the top of the file
 *   test("...", async () => {
 *     await exportToNeo4j(graph, { uri: db.uri, ...db.credentials });
 *     const rows = await db.query("MATCH (e:Entity) RETURN e.id AS id");
 *   });
 *
 * useNeo4j() takes the Neo4j lock for the whole file (files touching Neo4j
 * take turns; see test/setup/neo4j-coordinator.ts), opens a driver, and wipes
 * the database (data, constraints, indexes) before every test.
 */
import http from "node:http";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { neo4j, type Driver } from "../../packages/graph/src/neo4j/testing.ts";
import type { Neo4jServerInfo } from "../setup/neo4j-context.ts";

function coordinatorUrl(): string {
  const url = inject("neo4jCoordinator");
  if (!url) throw new Error("No Neo4j coordinator: run the tests with the root vitest.config.ts (globalSetup test/setup/neo4j-global.ts)");
  return url;
}

/** The Bolt URI of the test Neo4j, started on first use. */
export async function getNeo4jServer(): Promise<Neo4jServerInfo> {
  const response = await fetch(`${coordinatorUrl()}/neo4j`);
  const body = (await response.json()) as Neo4jServerInfo & { error?: string };
  if (!response.ok) throw new Error(`Test Neo4j unavailable: ${body.error ?? response.statusText}`);
  return body;
}

/** Waits for the Neo4j lock; call the returned function to give it back. */
export function acquireNeo4jLock(): Promise<() => void> {
  return new Promise((resolve, reject) => {
    let granted = false;
    const request = http.get(`${coordinatorUrl()}/lock`, { agent: false }, (response) => {
      response.on("error", () => {});
      response.once("data", () => {
        granted = true;
        resolve(() => request.destroy());
      });
      response.once("end", () => {
        if (!granted) reject(new Error("Neo4j lock: coordinator closed the connection"));
      });
    });
    request.on("error", (error) => {
      if (!granted) reject(error);
    });
    // Holding the lock must not keep a worker alive by itself.
    request.on("socket", (socket) => socket.unref());
  });
}

/** Login from NEO4J_USERNAME / NEO4J_PASSWORD (only needed for an external NEO4J_URI). */
export function credentialsFromEnv(): { username?: string; password?: string } {
  const { NEO4J_USERNAME: username, NEO4J_PASSWORD: password } = process.env;
  return { ...(username ? { username } : {}), ...(password ? { password } : {}) };
}

const quoteName = (name: string) => `\`${name.replace(/`/g, "``")}\``;

/** Deletes every node and relationship, and every constraint and index but the built-in lookup ones. */
export async function clearDatabase(driver: Driver): Promise<void> {
  await driver.executeQuery("MATCH (n) DETACH DELETE n");
  const constraints = await driver.executeQuery("SHOW CONSTRAINTS YIELD name RETURN name");
  for (const record of constraints.records) {
    await driver.executeQuery(`DROP CONSTRAINT ${quoteName(record.get("name") as string)} IF EXISTS`);
  }
  const indexes = await driver.executeQuery("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name");
  for (const record of indexes.records) {
    await driver.executeQuery(`DROP INDEX ${quoteName(record.get("name") as string)} IF EXISTS`);
  }
}

export interface Neo4jTestContext {
  readonly uri: string;
  readonly credentials: { username?: string; password?: string };
  /** Integers come back as JS numbers (disableLosslessIntegers). */
  readonly driver: Driver;
  /** Runs a query and returns plain objects, one per record. */
  query<T = Record<string, unknown>>(cypher: string, parameters?: Record<string, unknown>): Promise<T[]>;
  clear(): Promise<void>;
}

export function useNeo4j({ clearBeforeEach = true }: { clearBeforeEach?: boolean } = {}): Neo4jTestContext {
  let release: (() => void) | undefined;
  let uri: string | undefined;
  let driver: Driver | undefined;
  const credentials = credentialsFromEnv();
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("useNeo4j(): used before its beforeAll ran");
    return value;
  };

  const context: Neo4jTestContext = {
    get uri() {
      return ready(uri);
    },
    credentials,
    get driver() {
      return ready(driver);
    },
    async query<T>(cypher: string, parameters: Record<string, unknown> = {}) {
      const result = await ready(driver).executeQuery(cypher, parameters);
      return result.records.map((record) => record.toObject() as T);
    },
    clear: () => clearDatabase(ready(driver)),
  };

  beforeAll(async () => {
    release = await acquireNeo4jLock();
    uri = (await getNeo4jServer()).uri;
    const auth = credentials.username || credentials.password ? neo4j.auth.basic(credentials.username ?? "neo4j", credentials.password ?? "") : undefined;
    driver = neo4j.driver(uri, auth, { disableLosslessIntegers: true });
    await clearDatabase(driver);
  });
  if (clearBeforeEach) beforeEach(() => clearDatabase(ready(driver)));
  afterAll(async () => {
    await driver?.close();
    release?.();
  });
  return context;
}
