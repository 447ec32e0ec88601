/**
 * A tiny HTTP server in the vitest main process that test files (in forked
 * workers) call to
 *  - GET /neo4j: get the Bolt URI, starting Neo4j on the first request only,
 *    so a test run without Neo4j tests never pays for a JVM;
 *  - GET /lock: take the one Neo4j lock. The response's first line says
 *    "granted" and the lock is held until the client closes the connection,
 *    so a worker that crashes releases it too.
 * Why a lock: Community edition has a single database, and every Neo4j test
 * file wipes it; files run in parallel forks, so files touching Neo4j take
 * turns (each holds the lock from its beforeAll to its afterAll) while the
 * rest of the suite keeps running in parallel.
 */
import http, { type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Neo4jServerInfo } from "./neo4j-context.ts";

export interface Coordinator {
  url: string;
  close(): Promise<void>;
}

export async function startCoordinator(resolveNeo4j: () => Promise<Neo4jServerInfo>): Promise<Coordinator> {
  let neo4j: Promise<Neo4jServerInfo> | undefined;
  const waiting: ServerResponse[] = [];
  let holder: ServerResponse | undefined;

  const grantNext = () => {
    while (!holder && waiting.length > 0) {
      const next = waiting.shift()!;
      if (next.destroyed || next.writableEnded) continue;
      holder = next;
      next.write("granted\n");
    }
  };

  const server = http.createServer((req, res) => {
    if (req.url === "/neo4j") {
      neo4j ??= resolveNeo4j();
      neo4j.then(
        (info) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(info)),
        (error: unknown) =>
          res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) })),
      );
    } else if (req.url === "/lock") {
      res.writeHead(200, { "content-type": "text/plain", "cache-control": "no-store" });
      res.flushHeaders();
      waiting.push(res);
      res.on("close", () => {
        if (holder === res) holder = undefined;
        else waiting.splice(waiting.indexOf(res) >>> 0, 1);
        grantNext();
      });
      grantNext();
    } else {
      res.writeHead(404).end();
    }
  });
  // Lock requests stay open for a whole test file.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
