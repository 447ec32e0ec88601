/**
 * A Redis for tests: Debian's redis-server on 127.0.0.1, on a free port, with
 * no persistence and its files in a temporary folder; gone when stopped.
 * Used by the global setup (test/setup/redis-global.ts) and pnpm bench:queue.
 * With `persistent`, every write is in an append-only file (fsync'd at once)
 * in `dir`, which stays: a server started again on that port and folder has
 * everything back, as a production Redis with `appendonly yes` does.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

export interface StartedRedis {
  url: string;
  port: number;
  pid: number;
  /** SIGTERM and wait (the default), or SIGKILL: a server that dies. */
  stop(signal?: "SIGTERM" | "SIGKILL"): Promise<void>;
}

export interface RedisOptions {
  /** Keep the data in an append-only file in `dir` (kept when stopped). */
  persistent?: { dir: string };
  /** This port instead of a free one (to start a persistent server again where it was). */
  port?: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startOnce(port: number, options: RedisOptions): Promise<StartedRedis> {
  const dir = options.persistent?.dir ?? mkdtempSync(join(tmpdir(), "kg-redis-"));
  const persistence = options.persistent ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"];
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", ...persistence, "--dir", dir, "--daemonize", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  const removeDir = () => {
    if (!options.persistent) rmSync(dir, { recursive: true, force: true });
  };
  const tail: string[] = [];
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start within 20 s:\n${tail.join("\n")}`)), 20_000);
      child.once("error", (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(new Error(error.code === "ENOENT" ? "redis-server is not installed (Debian: apt-get install redis-server; scripts/ensure-test-deps.sh does it)" : error.message));
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited before it was ready:\n${tail.join("\n")}`));
      });
      createInterface({ input: child.stdout! }).on("line", (line) => {
        tail.push(line);
        if (tail.length > 30) tail.shift();
        if (/Ready to accept connections/.test(line)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  } catch (error) {
    child.kill("SIGKILL");
    removeDir();
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        await exited;
      }
      removeDir();
    },
  };
}

/** Starts redis-server on a free port (another process may take the port first: then it tries again), or on `options.port`. */
export async function startRedis(options: RedisOptions = {}): Promise<StartedRedis> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options.port ?? (await freePort()), options);
    } catch (error) {
      if (options.port !== undefined || attempt >= 3 || /not installed/.test((error as Error).message)) throw error;
    }
  }
}
