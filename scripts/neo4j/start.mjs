#!/usr/bin/env node
// Starts the embedded Neo4j Community of this folder (see pom.xml and
// src/main/java/kg/neo4j/EmbeddedNeo4j.java): Bolt on 127.0.0.1, auth off,
// a throw-away store. Used by the test global setup and by `pnpm neo4j`.
//
//   node scripts/neo4j/start.mjs [--port N]     (default 7687, or a free port if taken)
//
// As a module: `ensureBuilt()` and `startNeo4j({ port }) -> { uri, port, stop() }`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync, readdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const classesDir = path.join(here, "target", "classes");
const libDir = path.join(here, "target", "lib");
const mainClassFile = path.join(classesDir, "kg", "neo4j", "EmbeddedNeo4j.class");
const MAIN_CLASS = "kg.neo4j.EmbeddedNeo4j";
const READY = /^NEO4J READY (bolt:\/\/\S+)$/;

// The flags Neo4j's own launcher passes on Java 17 (reflection into NIO and
// friends for the page cache and Netty), plus a modest heap.
const JVM_FLAGS = [
  "-Xmx1g",
  "-XX:+UseG1GC",
  "-XX:+ExitOnOutOfMemoryError",
  "-Dfile.encoding=UTF-8",
  "-Dio.netty.tryReflectionSetAccessible=true",
  "--add-opens=java.base/java.nio=ALL-UNNAMED",
  "--add-opens=java.base/java.io=ALL-UNNAMED",
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
  "--add-opens=java.base/java.lang=ALL-UNNAMED",
  "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
  "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
  "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
  "--enable-native-access=ALL-UNNAMED",
];

function newestMtime(file) {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

function isBuilt() {
  if (!existsSync(libDir) || !existsSync(mainClassFile)) return false;
  // Rebuild when the sources or the pom changed since the last build.
  const sources = Math.max(newestMtime(path.join(here, "src")), newestMtime(path.join(here, "pom.xml")));
  return statSync(mainClassFile).mtimeMs >= sources;
}

/**
 * Builds the Maven project (jars copied to target/lib) unless it is built already.
 * Returns true when it ran Maven.
 */
export function ensureBuilt({ log = (msg) => console.error(msg) } = {}) {
  if (isBuilt()) return false;
  log("Neo4j: building scripts/neo4j with Maven (the first time downloads about 120 MB)...");
  const started = Date.now();
  const result = spawnSync("mvn", ["-q", "-B", "package", "-DskipTests"], {
    cwd: here,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  if (result.error) {
    const why = result.error.code === "ENOENT" ? "`mvn` is not on PATH (install Maven 3.8+ and Java 17+)" : result.error.message;
    throw new Error(`Neo4j: cannot build scripts/neo4j: ${why}`);
  }
  if (result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split("\n").slice(-30).join("\n");
    throw new Error(`Neo4j: Maven build of scripts/neo4j failed (exit ${result.status}):\n${output}`);
  }
  log(`Neo4j: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

/** True when nothing listens on 127.0.0.1:port. */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Starts Neo4j and resolves once Bolt accepts connections.
 * `port: 0` (the default) lets the JVM bind a free port itself, so two test
 * runs never race for one. `password` turns authentication on with user
 * `neo4j` (used by the wrong-password test).
 */
export async function startNeo4j({
  port = 0,
  password,
  timeoutMs = 180_000,
  log = () => {},
  build = true,
} = {}) {
  if (build) ensureBuilt({ log });
  const args = [...JVM_FLAGS, "-cp", [classesDir, path.join(libDir, "*")].join(path.delimiter), MAIN_CLASS, "--port", String(port)];
  if (password !== undefined) args.push("--password-from-stdin");
  const child = spawn("java", args, { cwd: here, stdio: ["pipe", "pipe", "pipe"] });
  // stdin stays open for the life of the server: when this process dies, the
  // pipe closes and the JVM shuts itself down (no orphaned Neo4j).
  if (password !== undefined) child.stdin.write(`${password}\n`);

  const stderrTail = [];
  createInterface({ input: child.stderr }).on("line", (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 40) stderrTail.shift();
    log(line);
  });

  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const uri = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      reject(new Error(`Neo4j did not start within ${timeoutMs / 1000} s:\n${stderrTail.join("\n")}`));
    }, timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      const why = error.code === "ENOENT" ? "`java` is not on PATH (install Java 17+)" : error.message;
      reject(new Error(`Neo4j: cannot start: ${why}`));
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      // EmbeddedNeo4j ends a failed start with one line naming the root cause.
      const reason = stderrTail.findLast((line) => line.startsWith("Neo4j failed to start:"));
      reject(new Error(`${reason ?? "Neo4j exited before it was ready"} (${signal ?? `exit ${code}`})\n${stderrTail.join("\n")}`));
    });
    createInterface({ input: child.stdout }).on("line", (line) => {
      const match = READY.exec(line.trim());
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      } else {
        log(line);
      }
    });
  });

  let stopping;
  const stop = (graceMs = 15_000) => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin.end();
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(killer);
    })();
    return stopping;
  };
  return { uri, port: Number(new URL(uri).port), pid: child.pid, stop, exited };
}

function parsePortArgument(argv) {
  const index = argv.findIndex((arg) => arg === "--port" || arg.startsWith("--port="));
  if (index < 0) return undefined;
  const value = argv[index].includes("=") ? argv[index].split("=")[1] : argv[index + 1];
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port wants a number from 0 to 65535, got ${JSON.stringify(value)}`);
  }
  return port;
}

async function main() {
  let port = parsePortArgument(process.argv.slice(2));
  if (port === undefined) {
    // 7687 is what the CLI and every Neo4j tool expect; take it when free.
    port = (await isPortFree(7687)) ? 7687 : 0;
    if (port === 0) console.error("Neo4j: port 7687 is taken, using a free port instead");
  }
  const server = await startNeo4j({ port, log: (line) => console.error(line) });
  console.log(`Neo4j ready at ${server.uri} (auth off)`);
  console.log("Data is temporary and deleted on exit. Press Ctrl-C to stop.");
  let stopping = false;
  const shutdown = async () => {
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  const { code, signal } = await server.exited;
  if (!stopping) {
    console.error(`Neo4j stopped unexpectedly (${signal ?? `exit ${code}`})`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
