/**
 * Opening a driver and checking, before any write, that the server is there,
 * accepts the login and has the database: each failure becomes one clear
 * `Neo4jExportError` instead of a retry loop (executeWrite retries an
 * unreachable server for its whole retry time).
 */
import neo4j, { type Driver } from "neo4j-driver";
import { toExportError } from "./errors.ts";
import type { Neo4jConnectionOptions } from "./types.ts";

export interface ServerDescription {
  address: string;
  agent: string;
}

export function openDriver(options: Neo4jConnectionOptions): Driver {
  const { uri, username, password, retryMs } = options;
  const auth =
    username === undefined && password === undefined ? undefined : neo4j.auth.basic(username ?? "neo4j", password ?? "");
  try {
    return neo4j.driver(uri, auth, {
      userAgent: "news-kg",
      connectionTimeout: 15_000,
      // Deadlocks between concurrent exports are transient errors that
      // executeWrite retries; give them time to clear.
      maxTransactionRetryTime: retryMs ?? 60_000,
    });
  } catch (error) {
    throw toExportError(error, { uri, username });
  }
}

/** Connects, logs in and opens the database; throws a `Neo4jExportError` on failure. */
export async function checkConnection(driver: Driver, options: Neo4jConnectionOptions): Promise<ServerDescription> {
  const context = { uri: options.uri, database: options.database, username: options.username };
  try {
    const info = await driver.getServerInfo(options.database ? { database: options.database } : {});
    // An auto-commit query is not retried, and names an unknown database at once.
    const session = driver.session(options.database ? { database: options.database } : {});
    try {
      await session.run("RETURN 1");
    } finally {
      await session.close();
    }
    return { address: info.address ?? options.uri, agent: info.agent ?? "Neo4j" };
  } catch (error) {
    throw toExportError(error, context);
  }
}
